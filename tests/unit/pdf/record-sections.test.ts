import { describe, expect, it } from 'vitest';
import { recordSections } from '../../../src-main/services/pdf/client-record';
import { translatorFor } from '../../../src-shared/i18n';

describe('client record section numbers', () => {
  const en = translatorFor('en');

  it('numbers the optional sections in the order the record has them, with no gaps', () => {
    const onlyDocuments = recordSections(en, { documents: true });
    expect(onlyDocuments.documents).toBe('4  Documents and photos');
    const outcomesAndAudit = recordSections(en, { outcomes: true, otherAudit: true });
    expect([outcomesAndAudit.outcomes, outcomesAndAudit.otherAudit]).toEqual([
      '4  Outcomes and follow-ups',
      '5  Other audit entries',
    ]);
    const all = recordSections(en, { intake: true, outcomes: true, otherAudit: true, documents: true });
    expect([all.intake, all.outcomes, all.otherAudit, all.documents].map((t) => t.split('  ')[0])).toEqual([
      '4',
      '5',
      '6',
      '7',
    ]);
  });

  it('keeps the first three numbers fixed and titles in the record language', () => {
    const de = recordSections(translatorFor('de'), { documents: true });
    expect(de.contact.startsWith('1  ')).toBe(true);
    expect(de.notes.startsWith('3  ')).toBe(true);
    expect(de.documents).toBe('4  Dokumente und Fotos');
  });
});
