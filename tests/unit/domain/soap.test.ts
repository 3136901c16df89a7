import { describe, expect, it } from 'vitest';
import {
  addAddendum,
  emptySessionNote,
  pendingSafetyFinding,
  type SessionDraft,
  signSessionNote,
} from '../../../src-shared/domain/session-note';
import { buildSoapView, soapAsText } from '../../../src-shared/domain/soap';

const NOW = new Date(2025, 2, 4, 11, 30);
// A fixed formatter keeps the expected text independent of the machine's time zone.
const formatTimestamp = (timestamp: string) => `[${timestamp}]`;

function fullNote(): SessionDraft {
  const note = emptySessionNote({ clientId: 'c1', sessionNumber: 3, now: NOW, id: 'n3' });
  const draft: SessionDraft = {
    ...note,
    serviceTime: '10:15',
    durationMinutes: 60,
    chiefComplaint: 'Tension headaches after desk work',
    painBefore: { score: 6, location: 'back of the head' },
    changesSinceLast: 'Slept better for two nights',
    safetyCheck: {
      checkedAt: '2025-03-04T10:10:00.000Z',
      findings: [
        {
          ...pendingSafetyFinding({ ruleId: 'pregnancy', severity: 'MODIFY', title: 'Pregnancy' }),
          acknowledged: true,
          modification: 'Side-lying, no prone work',
        },
      ],
    },
    rhythm: {
      rateCpm: 8,
      amplitude: 'low',
      symmetry: 'restricted-left',
      quality: 'slow, steady',
      site: 'sacrum',
      stillPoints: { count: 2, totalSeconds: 90 },
    },
    treatedAreas: [
      {
        id: 'a1',
        regionId: 'occipital',
        side: null,
        techniques: ['still-point-cv4', 'cranial-base-release'],
        finding: 'release',
        note: '',
      },
      {
        id: 'a2',
        regionId: 'temporal',
        side: 'left',
        techniques: ['temporal-ear-pull', 'Gentle temporal rocking'],
        finding: 'restriction',
        note: 'Firm on the left',
      },
      { id: 'a3', regionId: 'sacrum', side: null, techniques: [], finding: 'no-change', note: '' },
    ],
    sensations: { selected: ['warmth', 'deep-calm'], other: 'a sense of space in the jaw' },
    observations: 'Breathing slowed after ten minutes',
    emotionalRelease: 'Tearful for a moment during the cranial base work',
    painAfter: { score: 3, location: 'back of the head' },
    globalResponse: { improvementPercent: 30, description: 'feels lighter' },
    plan: 'Continue weekly; cranial base and temporal work',
    nextSessionRecommendation: 'In one week',
    homeCare: 'Drink water, gentle walking',
  };
  return addAddendum(
    signSessionNote(draft, { by: 'Anna Weber', now: NOW }),
    { text: 'Pain before was 5, not 6', reason: 'Typing error' },
    { author: 'Anna Weber', now: new Date('2025-03-05T08:00:00.000Z') },
  );
}

describe('buildSoapView', () => {
  it('writes each SOAP section from the structured fields', () => {
    const view = buildSoapView(fullNote(), {
      formatTimestamp,
      afterEffectsReported: [
        {
          id: 'ae1',
          sessionId: 'n2',
          clientId: 'c1',
          reportedInSessionId: 'n3',
          type: 'headache',
          onsetHours: 2,
          durationHours: 12,
          severity: 'mild',
          resolved: true,
          notes: '',
          reportedAt: '2025-03-04T10:05:00.000Z',
        },
      ],
    });
    expect(view).toEqual({
      header: [
        'Session 3 on 2025-03-04 at 10:15, 60 minutes.',
        `Entered [${NOW.toISOString()}].`,
        `Signed [${NOW.toISOString()}] by Anna Weber.`,
      ],
      subjective: [
        'Chief complaint: Tension headaches after desk work.',
        'Pain before the session: 6/10, back of the head.',
        'Changes since the last session: Slept better for two nights.',
        'After the previous session the client reported: Headache (mild), began 2 hours after the session, lasted 12 hours, resolved.',
        'Sensations the client reported: warmth, deep calm, a sense of space in the jaw.',
      ],
      objective: [
        'Safety check ([2025-03-04T10:10:00.000Z]): Pregnancy (Modify treatment), acknowledged; treatment modified: Side-lying, no prone work.',
        'Craniosacral rhythm: 8 cycles per minute, low amplitude, restricted left, quality: slow, steady, palpated at: Sacrum.',
        'Still points: 2, about 1 min 30 s in total.',
        'Treated Occipital: Still point induction (CV-4), Cranial base (occipital) release; finding: release.',
        'Treated Temporal (left): Temporal: ear pull, Gentle temporal rocking; finding: restriction. Firm on the left.',
        'Treated Sacrum: no technique recorded; finding: no change.',
        'Observations: Breathing slowed after ten minutes.',
      ],
      assessment: [
        'Restriction noted at: Temporal (left).',
        'Release noted at: Occipital.',
        'No change noted at: Sacrum.',
        'Global response as reported by the client: 30% better; feels lighter.',
        'Pain after the session: 3/10, back of the head (before the session: 6/10).',
        'Emotional release: Tearful for a moment during the cranial base work.',
      ],
      plan: [
        'Plan: Continue weekly; cranial base and temporal work.',
        'Next session: In one week.',
        'Home care: Drink water, gentle walking.',
      ],
      addenda: [
        'Addendum [2025-03-05T08:00:00.000Z] by Anna Weber. Reason: Typing error. Pain before was 5, not 6.',
      ],
    });
  });

  it('uses the labels it is given', () => {
    const view = buildSoapView(fullNote(), {
      regionLabel: (id) => `region:${id}`,
      techniqueLabel: (id) => `technique:${id}`,
    });
    expect(view.objective).toContain(
      'Treated region:temporal (left): technique:temporal-ear-pull, technique:Gentle temporal rocking; finding: restriction. Firm on the left.',
    );
  });

  it('makes no efficacy claims', () => {
    const text = soapAsText(buildSoapView(fullNote()));
    expect(text).not.toMatch(/\b(cure[sd]?|heal(s|ed|ing)?|effective|fixed|improved|successful)\b/i);
  });

  it('says "worse" for a negative global response and leaves out what was not recorded', () => {
    const draft = emptySessionNote({ clientId: 'c1', sessionNumber: 1, now: NOW });
    const view = buildSoapView({ ...draft, globalResponse: { improvementPercent: -20, description: '' } });
    expect(view.assessment).toEqual(['Global response as reported by the client: 20% worse.']);
    expect(view.subjective).toEqual([]);
    expect(view.objective).toEqual([]);
    expect(view.plan).toEqual([]);
    expect(view.header).toContain('Draft, not signed.');
  });
});

describe('soapAsText', () => {
  it('prints the header, the four sections and the addenda as plain text', () => {
    const text = soapAsText(buildSoapView(fullNote(), { formatTimestamp }));
    expect(text).toContain('S - Subjective\n  Chief complaint: Tension headaches after desk work.\n');
    expect(text).toContain('\n\nO - Objective\n');
    expect(text).toContain('\n\nA - Assessment\n');
    expect(text).toContain('\n\nP - Plan\n  Plan: Continue weekly; cranial base and temporal work.\n');
    expect(text.trimEnd().endsWith('Reason: Typing error. Pain before was 5, not 6.')).toBe(true);
    expect(text.indexOf('S - Subjective')).toBeLessThan(text.indexOf('O - Objective'));
    expect(text.indexOf('A - Assessment')).toBeLessThan(text.indexOf('P - Plan'));
  });

  it('marks empty sections and keeps line breaks of free text indented', () => {
    const draft = emptySessionNote({ clientId: 'c1', sessionNumber: 1, now: NOW });
    const text = soapAsText(buildSoapView({ ...draft, plan: 'Weekly\nthen monthly' }));
    expect(text).toContain('S - Subjective\n  Nothing recorded.');
    expect(text).toContain('P - Plan\n  Plan: Weekly\n    then monthly.');
    expect(text).not.toContain('Addenda');
  });
});

describe('the safety check in the SOAP view (issue 21 item 2)', () => {
  const base = emptySessionNote({ clientId: 'c1', sessionNumber: 1, now: NOW, id: 'n1' });
  const objective = (safetyCheck: SessionDraft['safetyCheck']) =>
    buildSoapView({ ...base, safetyCheck }, { formatTimestamp }).objective.filter((line) =>
      /Safety check|reviewed with the client/.test(line),
    );
  const at = '2025-03-04T10:10:00.000Z';

  it('a history never taken is recorded as such, never as "no findings"', () => {
    const lines = objective({
      checkedAt: at,
      historyReviewedAt: null,
      findings: [
        {
          ...pendingSafetyFinding({
            ruleId: 'history-not-recorded',
            severity: 'CAUTION',
            title: 'No health history recorded yet',
          }),
          acknowledged: true,
        },
      ],
    });
    expect(lines).toEqual([
      `Safety check ([${at}]): no health history recorded yet, so nothing could be checked; acknowledged.`,
    ]);
  });

  it('no findings names the day the history was reviewed with the client', () => {
    expect(objective({ checkedAt: at, historyReviewedAt: '2025-02-20', findings: [] })).toEqual([
      `Safety check ([${at}]): no findings in the health history reviewed with the client on 2025-02-20.`,
    ]);
  });

  it('findings come with the review date; a note from before the date was recorded reads as it did', () => {
    const lines = objective({
      checkedAt: at,
      historyReviewedAt: '2025-02-20',
      findings: [
        {
          ...pendingSafetyFinding({ ruleId: 'osteoporosis', severity: 'MODIFY', title: 'Osteoporosis' }),
          acknowledged: true,
          modification: 'Light touch',
        },
      ],
    });
    expect(lines[0]).toBe('Health history last reviewed with the client on 2025-02-20.');
    expect(lines).toHaveLength(2);
    expect(objective({ checkedAt: at, findings: [] })).toEqual([`Safety check ([${at}]): no findings.`]);
  });
});

describe('severity in the SOAP view: the words on screen, not the codes (issue 21 item 6)', () => {
  it('prints "Do not treat" and "Needs medical clearance", never AVOID or CLEARANCE', () => {
    const base = emptySessionNote({ clientId: 'c1', sessionNumber: 1, now: NOW, id: 'n1' });
    const view = buildSoapView({
      ...base,
      safetyCheck: {
        checkedAt: '2025-03-04T10:10:00.000Z',
        findings: [
          {
            ...pendingSafetyFinding({
              ruleId: 'untreated-brain-injury',
              severity: 'AVOID',
              title: 'Brain injury or concussion',
            }),
            acknowledged: true,
            overrideReason: 'Seen by GP yesterday',
          },
          {
            ...pendingSafetyFinding({
              ruleId: 'chiari',
              severity: 'CLEARANCE',
              title: 'Chiari malformation',
            }),
            acknowledged: true,
            clearance: { givenBy: 'Dr Okafor', date: '2025-02-01' },
          },
        ],
      },
    });
    const text = view.objective.join('\n');
    expect(text).toContain('Brain injury or concussion (Do not treat), acknowledged');
    expect(text).toContain('Chiari malformation (Needs medical clearance), acknowledged');
    expect(text).not.toMatch(/\b(AVOID|CLEARANCE|MODIFY|CAUTION)\b/);
  });

  it('records the clearance on file a "Do not treat" acknowledgement relied on, in words', () => {
    const base = emptySessionNote({ clientId: 'c1', sessionNumber: 1, now: NOW, id: 'n1' });
    const view = buildSoapView({
      ...base,
      safetyCheck: {
        checkedAt: '2025-03-04T10:10:00.000Z',
        findings: [
          {
            ...pendingSafetyFinding({
              ruleId: 'untreated-brain-injury',
              severity: 'AVOID',
              title: 'Brain injury or concussion',
            }),
            acknowledged: true,
            clearance: {
              givenBy: 'Dr Lena Fischer',
              date: '2025-03-01',
              clearanceId: 'clearance-1',
              validUntil: '2025-04-01',
              recordedBy: 'Mia Berg',
            },
          },
        ],
      },
    });
    expect(view.objective.join('\n')).toContain(
      'Brain injury or concussion (Do not treat), acknowledged; cleared by Dr Lena Fischer on 2025-03-01, ' +
        "valid until 2025-04-01 (physician clearance on the client's file, recorded by Mia Berg).",
    );
  });
});
