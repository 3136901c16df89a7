import { describe, expect, it } from 'vitest';
import {
  CATALOG_IDS,
  CONDITION_CATALOG,
  catalogItem,
  catalogMatchesForText,
  looksLikeAnticoagulant,
} from '../../../src-shared/safety';

describe('CONDITION_CATALOG', () => {
  it('has one item per id, each with a label and keywords', () => {
    expect(CONDITION_CATALOG.map((item) => item.id)).toEqual([...CATALOG_IDS]);
    for (const item of CONDITION_CATALOG) {
      expect(item.label).not.toBe('');
      expect(item.keywords.length).toBeGreaterThan(0);
      expect(catalogItem(item.id)).toBe(item);
    }
  });

  it('reads every keyword of an item as that item', () => {
    for (const item of CONDITION_CATALOG) {
      for (const keyword of item.keywords) {
        expect(catalogMatchesForText(`History of ${keyword.replaceAll('*', 's')}`), keyword).toContain(
          item.id,
        );
      }
    }
  });

  it.each([
    ['Fractured skull, 2019', ['skull-fracture']],
    ['STROKE (2021)', ['stroke-intracranial-haemorrhage']],
    ['Mini-stroke', ['stroke-intracranial-haemorrhage']],
    ['Heat stroke', []],
    ['Heatstroke', []],
    ['Backstroke swimmer', []],
    ['Aortic aneurysm', []],
    ['Aortic aneurysm; also a brain aneurysm', ['cerebral-aneurysm']],
    ['Hydrocéphalie? no: hydrocephalus', ['hydrocephalus-shunt']],
    ['Post-concussion syndrome', ['concussion-brain-injury']],
    ['Haemophilia A and a DVT in 2020', ['bleeding-clotting-disorder', 'deep-vein-thrombosis']],
    ['Arnold-Chiari malformation', ['chiari-malformation']],
    ['Feverish since Tuesday', ['fever-acute-infection']],
    ['Chronic infection (hepatitis B)', []],
    ['Fluid retention', []],
    ['Osteopenia', ['osteoporosis']],
    ['Glioblastoma', ['brain-tumour']],
    ['Épilepsie / epileptic fits', ['epilepsy']],
    ['Tension headaches', []],
    ['', []],
  ])('%j -> %j', (text, expected) => {
    expect(catalogMatchesForText(text)).toEqual(expected);
  });
});

describe('looksLikeAnticoagulant', () => {
  it.each([
    ['Warfarin', true],
    ['warfarin sodium 5mg', true],
    ['XARELTO', true],
    ['Enoxaparin injection', true],
    ['Aspirin', false],
    ['Clopidogrel', false],
    ['Paracetamol', false],
    ['', false],
  ])('%j -> %s', (name, expected) => {
    expect(looksLikeAnticoagulant(name)).toBe(expected);
  });
});

describe('everyday conditions that only sound like an infection', () => {
  it('"Hay fever" is not read as a fever', async () => {
    const { catalogMatchesForText } = await import('../../../src-shared/safety/catalog');
    expect(catalogMatchesForText('Hay fever')).not.toContain('fever-acute-infection');
    expect(catalogMatchesForText('Fever since Tuesday')).toContain('fever-acute-infection');
  });
});
