import { describe, expect, it } from 'vitest';
import { emptySessionNote, pendingSafetyFinding } from '../../../src-shared/domain/session-note';
import { buildSoapView, soapAsText } from '../../../src-shared/domain/soap';
import { translatorFor } from '../../../src-shared/i18n';
import { conditionName, ruleTitle } from '../../../src-shared/i18n/safety-names';

const es = translatorFor('es');
const de = translatorFor('de');

describe('built-in condition names and rule titles in the reader language', () => {
  it('a condition picked from the list is shown by its id, whichever language stored it', () => {
    expect(conditionName(es, { catalogId: 'osteoporosis', label: 'Osteoporosis' })).toBe('Osteoporosis');
    expect(conditionName(de, { catalogId: 'osteoporosis', label: 'Osteoporosis' })).toBe('Osteoporose');
    // Stored by a French app, read in German.
    expect(conditionName(de, { catalogId: 'skull-fracture', label: 'Fracture du crâne' })).toBe(
      'Schädelbruch',
    );
    expect(conditionName(es, { catalogId: 'csf-leak', label: ' CSF leak ' })).toBe('Fuga de LCR');
  });

  it('what the therapist typed stays as typed', () => {
    expect(conditionName(de, { catalogId: null, label: 'Osteoporosis' })).toBe('Osteoporosis');
    expect(conditionName(de, { catalogId: 'osteoporosis', label: 'Osteoporosis, lumbar spine' })).toBe(
      'Osteoporosis, lumbar spine',
    );
  });

  it("a built-in rule's title comes from the catalogue; a practice's own stays as written", () => {
    expect(ruleTitle(es, 'skull-fracture', 'Recent skull fracture')).toBe('Fractura de cráneo reciente');
    expect(ruleTitle(de, '5b0c3b8e-1f7c-4a4e-9f0e-1b2c3d4e5f60', 'Lupus')).toBe('Lupus');
    expect(ruleTitle(de, 'gone-rule')).toBe('gone-rule');
  });
});

describe('the SOAP view in the paper language', () => {
  const note = {
    ...emptySessionNote({ clientId: 'c1', sessionNumber: 2, now: new Date(2025, 2, 4, 11, 30), id: 'n2' }),
    safetyCheck: {
      checkedAt: '2025-03-04T10:10:00.000Z',
      findings: [
        {
          ...pendingSafetyFinding({ ruleId: 'osteoporosis', severity: 'MODIFY', title: 'Osteoporosis' }),
          acknowledged: true,
          modification: 'Lighter pressure',
        },
        {
          ...pendingSafetyFinding({
            ruleId: 'practice-rule-1',
            severity: 'CAUTION',
            title: 'Migraine (practice)',
          }),
          acknowledged: true,
        },
      ],
    },
  };

  it('safety-check lines name a built-in rule in Spanish and a practice rule as written', () => {
    const lines = buildSoapView(note, { t: es, formatTimestamp: () => 'T' }).objective.join('\n');
    expect(lines).toContain('Osteoporosis');
    const german = buildSoapView(note, { t: de, formatTimestamp: () => 'T' }).objective.join('\n');
    expect(german).toContain('Osteoporose');
    expect(german).toContain('Migraine (practice)');
  });

  it('English without a t keeps the title the note stored', () => {
    const stored = { ...note.safetyCheck.findings[0]!, title: 'Osteoporosis (older wording)' };
    const lines = buildSoapView(
      { ...note, safetyCheck: { ...note.safetyCheck, findings: [stored] } },
      {
        formatTimestamp: () => 'T',
      },
    ).objective.join('\n');
    expect(lines).toContain('Osteoporosis (older wording)');
  });

  it('soapAsText headings follow the t it is given', () => {
    const spanish = soapAsText(buildSoapView(note, { t: es, formatTimestamp: () => 'T' }), es);
    expect(spanish).toContain('S - Subjetivo\n  No se ha registrado nada.');
    expect(spanish).toContain('A - Valoración');
    expect(spanish).not.toContain('Subjective');
    expect(soapAsText(buildSoapView(note))).toContain('S - Subjective\n  Nothing recorded.');
  });
});
