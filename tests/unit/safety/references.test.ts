import { describe, expect, it } from 'vitest';
import { referencesOf } from '../../../src-shared/safety/references';
import { BUILT_IN_RULES } from '../../../src-shared/safety/rules';

/**
 * DOMAIN.md's rule table, "source" column (../shared/DOMAIN.md, outside this repository, so the
 * column is copied here): the built-in rules must cite exactly these.
 */
const DOMAIN_SOURCES: Record<string, string> = {
  'intracranial-bleed': 'craniosacraltherapy-gentlehealing.co.uk; drnikookar.com',
  aneurysm: 'craniolongevity.com',
  'skull-fracture': 'drnikookar.com',
  'raised-icp': 'craniolongevity.com',
  'untreated-brain-injury': 'clinicalgate.com',
  'csf-leak': 'craniolongevity.com',
  'recent-surgery': 'marklevine.ca; craniolongevity.com',
  'bleeding-disorder': 'massageproguide.com',
  chiari: 'weak evidence: one practitioner source',
  'acute-infection': 'craniolongevity.com',
  pregnancy: 'craniolongevity.com',
  osteoporosis: "Werner, A Massage Therapist's Guide to Pathology (osteoporosis precautions)",
  'tumour-epilepsy': 'med.cirdy.com',
  infant: 'American Cancer Society, via everything.explained.today',
};

describe('rule references', () => {
  it('cite what the DOMAIN.md rule table cites, rule by rule', () => {
    expect(Object.fromEntries(BUILT_IN_RULES.map((rule) => [rule.id, rule.source]))).toEqual(DOMAIN_SOURCES);
  });

  it('never show an internal placeholder such as "seed article"', () => {
    for (const rule of BUILT_IN_RULES) expect(rule.source).not.toMatch(/seed article/i);
  });

  it('write websites as addresses to type and keep books and notes as they are', () => {
    expect(referencesOf('marklevine.ca; craniolongevity.com')).toEqual([
      { kind: 'website', text: 'https://marklevine.ca' },
      { kind: 'website', text: 'https://craniolongevity.com' },
    ]);
    expect(referencesOf('American Cancer Society, via everything.explained.today')).toEqual([
      { kind: 'text', text: 'American Cancer Society' },
      { kind: 'website', text: 'https://everything.explained.today' },
    ]);
    expect(
      referencesOf("Werner, A Massage Therapist's Guide to Pathology (osteoporosis precautions)"),
    ).toEqual([
      { kind: 'text', text: "Werner, A Massage Therapist's Guide to Pathology (osteoporosis precautions)" },
    ]);
    expect(referencesOf('  ;  ')).toEqual([]);
  });
});
