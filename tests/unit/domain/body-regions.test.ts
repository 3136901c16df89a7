import { describe, expect, it } from 'vitest';
import {
  BODY_REGIONS,
  MAP_VIEWS,
  PLAIN_AREA_PHRASES,
  plainLanguageAreas,
  REGION_GROUPS,
  regionById,
  regionLabel,
  regionOrder,
  regionsInGroup,
  regionsOnMapView,
  SIDES,
} from '../../../src-shared/domain/body-regions';

const ids = BODY_REGIONS.map((region) => region.id);
const indexOf = (id: string) => {
  const index = ids.indexOf(id);
  expect(index, `${id} is in the list`).toBeGreaterThanOrEqual(0);
  return index;
};

describe('BODY_REGIONS order (cranium to sacrum)', () => {
  it('starts at the cranial vault with the frontal bone', () => {
    expect(BODY_REGIONS[0]?.id).toBe('frontal');
    expect(BODY_REGIONS[0]?.group).toBe('cranial-vault');
  });

  it('keeps each group together, in the order of DOMAIN.md groups 1-11', () => {
    const groupOrder = REGION_GROUPS.map((group) => group.id);
    const seen = BODY_REGIONS.map((region) => groupOrder.indexOf(region.group));
    expect(seen.every((group, i) => i === 0 || group >= (seen[i - 1] ?? 0))).toBe(true);
    expect(new Set(seen).size).toBe(11);
  });

  it('lists every DOMAIN.md treated area in its group and order', () => {
    const byGroup = Object.fromEntries(
      REGION_GROUPS.map((g) => [g.id, regionsInGroup(g.id).map((r) => r.id)]),
    );
    const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
    expect(byGroup).toEqual({
      'cranial-vault': ['frontal', 'parietal', 'occipital', 'temporal', 'sphenoid', 'ethmoid'],
      'face-mouth': ['maxilla', 'palatine', 'vomer', 'zygoma', 'nasal', 'hard-palate', 'mandible-tmj'],
      'cranial-base': ['occiput-condyles', 'atlanto-occipital', 'sphenobasilar'],
      membranes: ['falx-cerebri', 'falx-cerebelli', 'tentorium', 'dural-tube'],
      cervical: [...range('c', 7), 'hyoid'],
      'transverse-diaphragms': ['thoracic-inlet', 'respiratory-diaphragm', 'pelvic-diaphragm'],
      thoracic: [...range('t', 12), 'ribs'],
      lumbar: [...range('l', 5), 'l5-s1'],
      'sacrum-pelvis': ['sacrum', 'sacroiliac'],
      coccyx: ['coccyx'],
      extremities: ['feet', 'legs', 'arms', 'hands'],
    });
  });

  it('has the vertebrae one by one, top to bottom', () => {
    expect(regionById('c1')?.label).toBe('C1');
    expect(regionById('t12')?.label).toBe('T12');
    expect(regionById('l5')?.label).toBe('L5');
    expect(indexOf('c7')).toBeLessThan(indexOf('t1'));
    expect(indexOf('t12')).toBeLessThan(indexOf('l1'));
  });

  it('puts the sacrum after the lumbar spine, and the coccyx after the sacrum', () => {
    for (const lumbar of ['l1', 'l2', 'l3', 'l4', 'l5', 'l5-s1']) {
      expect(indexOf(lumbar)).toBeLessThan(indexOf('sacrum'));
    }
    expect(indexOf('sacrum')).toBeLessThan(indexOf('sacroiliac'));
    expect(indexOf('sacroiliac')).toBeLessThan(indexOf('coccyx'));
    expect(indexOf('coccyx')).toBeLessThan(indexOf('feet'));
    expect(regionOrder('occipital')).toBeLessThan(regionOrder('sacrum'));
    expect(regionOrder('not-a-region')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('has unique, stable kebab-case ids and a group label on every region', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const region of BODY_REGIONS) {
      expect(region.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(region.groupLabel).toBe(REGION_GROUPS.find((g) => g.id === region.group)?.label);
      expect(region.label.trim()).not.toBe('');
    }
    expect(regionById('sacrum')?.groupLabel).toBe('Sacrum and sacroiliac joints');
    expect(regionById('frontal')?.groupLabel).toBe('Cranial vault');
  });
});

describe('bilateral structures take a side', () => {
  it.each(['parietal', 'temporal', 'mandible-tmj', 'sacroiliac', 'ribs', 'zygoma', 'feet', 'hands'])(
    '%s',
    (id) => {
      expect(regionById(id)?.bilateral).toBe(true);
    },
  );

  it.each([
    'frontal',
    'occipital',
    'sphenoid',
    'ethmoid',
    'vomer',
    'hyoid',
    'c1',
    't6',
    'l5-s1',
    'sacrum',
    'coccyx',
    'dural-tube',
  ])('%s is midline', (id) => {
    expect(regionById(id)?.bilateral).toBe(false);
  });

  it('offers left, right and both', () => {
    expect(SIDES).toEqual(['left', 'right', 'both']);
  });
});

describe('lookups and the body map', () => {
  it('finds a region by id and returns undefined for an unknown one', () => {
    expect(regionById('occipital')).toMatchObject({ label: 'Occipital', plainLanguage: 'base of the skull' });
    expect(regionById('elbow')).toBeUndefined();
    expect(regionLabel('elbow')).toBe('elbow');
  });

  it('draws the occiput and the sacrum on both views, and only known views', () => {
    for (const id of ['occipital', 'sacrum'])
      expect(regionById(id)?.mapViews).toEqual(['lateral', 'posterior']);
    for (const region of BODY_REGIONS) {
      for (const view of region.mapViews) expect(MAP_VIEWS).toContain(view);
    }
    expect(regionsOnMapView('lateral').length).toBeGreaterThan(10);
    expect(regionsOnMapView('posterior').map((r) => r.id)).toContain('sacroiliac');
    // Internal structures have no shape on the map: they come from the pick list.
    expect(regionById('falx-cerebri')?.mapViews).toEqual([]);
  });
});

describe('plainLanguageAreas', () => {
  it('gives deduplicated handout phrases, head to toe, whatever the input order', () => {
    expect(
      plainLanguageAreas(['coccyx', 'sacrum', 'c4', 'occipital', 'c3', 'frontal', 'parietal', 'unknown']),
    ).toEqual(['forehead and top of the head', 'base of the skull', 'neck', 'pelvis and tailbone']);
    expect(plainLanguageAreas([])).toEqual([]);
  });

  it('uses the DOMAIN.md phrases', () => {
    expect(plainLanguageAreas(['mandible-tmj'])).toEqual(['jaw']);
    expect(plainLanguageAreas(['t4', 'ribs', 'thoracic-inlet'])).toEqual(['upper back and chest']);
    expect(plainLanguageAreas(['respiratory-diaphragm'])).toEqual(['breathing muscle']);
    expect(plainLanguageAreas(['l3', 'l5-s1'])).toEqual(['lower back']);
    const everyPhrase = new Set(plainLanguageAreas(ids));
    for (const phrase of [
      'forehead and top of the head',
      'jaw',
      'base of the skull',
      'neck',
      'upper back and chest',
      'breathing muscle',
      'lower back',
      'pelvis and tailbone',
    ] as const) {
      expect(everyPhrase.has(phrase)).toBe(true);
    }
  });

  it('has an ordered phrase for every region and no unused phrase', () => {
    const used = new Set(BODY_REGIONS.map((region) => region.plainLanguage));
    expect([...used].every((phrase) => PLAIN_AREA_PHRASES.includes(phrase))).toBe(true);
    expect(PLAIN_AREA_PHRASES.filter((phrase) => !used.has(phrase))).toEqual([]);
  });
});
