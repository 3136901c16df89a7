import { describe, expect, it } from 'vitest';
import {
  AddendumInputSchema,
  addAddendum,
  copyFromLastSession,
  emptySessionNote,
  isSigned,
  makeSessionNoteInputSchema,
  pendingSafetyFinding,
  type SessionDraft,
  SessionDraftSchema,
  SessionNoteSchema,
  SignedSessionNoteSchema,
  StoredSessionNoteSchema,
  signedNoteChanges,
  signingProblems,
  signSessionNote,
} from '../../../src-shared/domain/session-note';
import { fieldErrors, ValidationError } from '../../../src-shared/validation';

// Local-time constructors: "today" is the therapist's local calendar day.
const NOW = new Date(2025, 2, 4, 11, 30);
const TODAY = '2025-03-04';
const CLIENT = 'client-1';

/** A note as a therapist fills it in after a session: every part used, all of it valid. */
function filledDraft(overrides: Partial<SessionDraft> = {}): SessionDraft {
  const note = emptySessionNote({ clientId: CLIENT, sessionNumber: 3, now: NOW, id: 'note-3' });
  return {
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
      {
        id: 'a3',
        regionId: 'sacrum',
        side: null,
        techniques: ['sacral-decompression'],
        finding: null,
        note: '',
      },
    ],
    sensations: { selected: ['warmth', 'deep-calm'], other: 'A sense of space in the jaw' },
    observations: 'Breathing slowed after ten minutes',
    emotionalRelease: '',
    painAfter: { score: 3, location: 'back of the head' },
    globalResponse: { improvementPercent: 30, description: 'Feels lighter' },
    plan: 'Continue weekly; cranial base and temporal work',
    nextSessionRecommendation: 'In one week',
    homeCare: 'Drink water, gentle walking',
    ...overrides,
  };
}

const inputSchema = makeSessionNoteInputSchema(TODAY);

function errorsFor(note: unknown) {
  const parsed = inputSchema.safeParse(note);
  expect(parsed.success).toBe(false);
  return parsed.success ? {} : fieldErrors(parsed.error);
}

function signingError(note: SessionDraft, by = 'Anna Weber'): ValidationError {
  try {
    signSessionNote(note, { by, now: NOW });
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected signing to be refused');
}

describe('SessionNoteSchema and the form input schema', () => {
  it('accepts a complete, valid note', () => {
    expect(SessionNoteSchema.safeParse(filledDraft()).success).toBe(true);
    expect(inputSchema.safeParse(filledDraft()).success).toBe(true);
  });

  it.each([
    [
      'pain before 11',
      { painBefore: { score: 11, location: '' } },
      'painBefore.score',
      'Pain is scored 0 to 10',
    ],
    [
      'pain after -1',
      { painAfter: { score: -1, location: '' } },
      'painAfter.score',
      'Pain is scored 0 to 10',
    ],
    ['pain 2.5', { painAfter: { score: 2.5, location: '' } }, 'painAfter.score', 'Pain is scored 0 to 10'],
    [
      'rate -3',
      { rhythm: { ...filledDraft().rhythm, rateCpm: -3 } },
      'rhythm.rateCpm',
      'Rate must be between 0 and 40 cycles per minute',
    ],
    [
      'rate 41',
      { rhythm: { ...filledDraft().rhythm, rateCpm: 41 } },
      'rhythm.rateCpm',
      'Rate must be between 0 and 40 cycles per minute',
    ],
    [
      'session tomorrow',
      { serviceDate: '2025-03-05' },
      'serviceDate',
      'A session cannot be dated in the future',
    ],
    [
      'a date that does not exist',
      { serviceDate: '2025-02-30' },
      'serviceDate',
      'Enter a real date (day, month and year)',
    ],
    ['time 25:00', { serviceTime: '25:00' }, 'serviceTime', 'Enter the time as HH:MM (24-hour clock)'],
    ['duration 0', { durationMinutes: 0 }, 'durationMinutes', 'Duration is 1 to 480 minutes'],
    ['duration 481', { durationMinutes: 481 }, 'durationMinutes', 'Duration is 1 to 480 minutes'],
    ['session 0', { sessionNumber: 0 }, 'sessionNumber', 'Session numbers are whole numbers from 1'],
    ['no complaint', { chiefComplaint: '   ' }, 'chiefComplaint', 'Enter the reason for this session'],
    [
      'unknown area',
      { treatedAreas: [{ id: 'x', regionId: 'elbow', side: null, techniques: [], finding: null, note: '' }] },
      'treatedAreas.0.regionId',
      'Choose an area from the list',
    ],
    [
      'blank technique',
      {
        treatedAreas: [
          { id: 'x', regionId: 'sacrum', side: null, techniques: [' '], finding: null, note: '' },
        ],
      },
      'treatedAreas.0.techniques.0',
      'A technique needs a name',
    ],
    [
      'unknown sensation',
      { sensations: { selected: ['itching'], other: '' } },
      'sensations.selected.0',
      'Choose a sensation from the list, or describe it under Other',
    ],
    [
      'global response 150%',
      { globalResponse: { improvementPercent: 150, description: '' } },
      'globalResponse.improvementPercent',
      'Enter a percentage from -100 (much worse) to 100',
    ],
  ] as const)('refuses %s with a message beside the field', (_name, overrides, path, message) => {
    const errors = errorsFor(filledDraft(overrides as Partial<SessionDraft>));
    expect(errors).toEqual({ [path]: message });
  });

  it('accepts a session dated today and one in the past', () => {
    expect(inputSchema.safeParse(filledDraft({ serviceDate: TODAY })).success).toBe(true);
    expect(inputSchema.safeParse(filledDraft({ serviceDate: '2024-12-31' })).success).toBe(true);
  });

  it('does not know today: the stored schema accepts any real date', () => {
    expect(SessionNoteSchema.safeParse(filledDraft({ serviceDate: '2030-01-01' })).success).toBe(true);
  });

  it('keeps a signature and the status consistent', () => {
    expect(errorsFor(filledDraft({ signedAt: '2025-03-04T11:00:00.000Z', signedBy: 'A' }))).toEqual({
      signedAt: 'A draft has no signature',
    });
    expect(errorsFor(filledDraft({ status: 'signed' }))).toEqual({
      signedAt: 'A signed note records when it was signed and by whom',
      signedBy: 'Enter who signs the note',
    });
  });
});

describe('makeSessionNoteInputSchema (one schema per day, reused)', () => {
  it('gives the same schema for the same day and a new one for another day', () => {
    const schema = makeSessionNoteInputSchema('2025-05-01');
    expect(makeSessionNoteInputSchema('2025-05-01')).toBe(schema);
    expect(makeSessionNoteInputSchema('2025-05-02')).not.toBe(schema);
  });

  it("keeps each day's own future-date check, after many days have come and gone", () => {
    const note = { ...filledDraft(), serviceDate: '2025-05-03' };
    for (const day of ['2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05', '2025-05-06', '2025-05-02']) {
      const result = makeSessionNoteInputSchema(day).safeParse(note);
      const future = !result.success && Object.keys(fieldErrors(result.error)).includes('serviceDate');
      expect(future, day).toBe(day < '2025-05-03');
    }
  });
});

describe('AddendumInputSchema', () => {
  it('needs text and a reason, both trimmed', () => {
    expect(AddendumInputSchema.parse({ text: '  Pain was 5, not 6. ', reason: ' typo ' })).toEqual({
      text: 'Pain was 5, not 6.',
      reason: 'typo',
    });
    const parsed = AddendumInputSchema.safeParse({ text: '', reason: '   ' });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(fieldErrors(parsed.error)).toEqual({
        text: 'Write the addendum',
        reason: 'Give a reason for the addendum',
      });
    }
  });

  it('names a missing reason the same way as an empty one', () => {
    const parsed = AddendumInputSchema.safeParse({ text: 'Late entry' });
    expect(parsed.success ? {} : fieldErrors(parsed.error)).toEqual({
      reason: 'Give a reason for the addendum',
    });
  });
});

describe('SessionDraftSchema never loses a draft', () => {
  it('accepts a draft with only an id and a client, filling in empty fields', () => {
    const draft = SessionDraftSchema.parse({ id: 'n1', clientId: CLIENT });
    expect(draft.status).toBe('draft');
    expect(draft.chiefComplaint).toBe('');
    expect(draft.painBefore).toEqual({ score: null, location: '' });
    expect(draft.rhythm.stillPoints).toEqual({ count: null, totalSeconds: null });
    expect(draft.treatedAreas).toEqual([]);
    expect(draft.safetyCheck).toEqual({ checkedAt: null, findings: [] });
  });

  it('keeps out-of-range values, so signing can name them later', () => {
    const draft = SessionDraftSchema.parse({
      id: 'n1',
      clientId: CLIENT,
      serviceDate: '2099-01-01',
      serviceTime: '9',
      painBefore: { score: 11 },
      rhythm: { rateCpm: -3, amplitude: 'low' },
      durationMinutes: '45',
      treatedAreas: [{ regionId: 'occipital', techniques: ['still-point-cv4'] }],
    });
    expect(draft.painBefore.score).toBe(11);
    expect(draft.rhythm.rateCpm).toBe(-3);
    expect(draft.rhythm.amplitude).toBe('low');
    expect(draft.durationMinutes).toBe(45);
    expect(draft.serviceDate).toBe('2099-01-01');
    expect(draft.treatedAreas[0]).toMatchObject({
      regionId: 'occipital',
      side: null,
      techniques: ['still-point-cv4'],
    });
    expect(draft.treatedAreas[0]?.id).not.toBe('');
  });

  it('turns values it cannot store into empty ones instead of failing', () => {
    const draft = SessionDraftSchema.parse({
      id: 'n1',
      clientId: CLIENT,
      painBefore: { score: 'lots' },
      rhythm: 'not an object',
      treatedAreas: 'nope',
      sensations: { selected: [1, 2] },
      observations: 42,
      safetyCheck: { findings: [{ ruleId: 'x', severity: 'BOGUS' }] },
    });
    expect(draft.painBefore.score).toBeNull();
    expect(draft.rhythm.rateCpm).toBeNull();
    expect(draft.treatedAreas).toEqual([]);
    expect(draft.sensations.selected).toEqual([]);
    expect(draft.observations).toBe('');
    // An unreadable severity is treated as the strongest, never weakened.
    expect(draft.safetyCheck.findings[0]?.severity).toBe('AVOID');
    expect(draft.safetyCheck.findings[0]?.acknowledged).toBe(false);
  });

  it('still needs an id and a client to store the draft at all', () => {
    expect(SessionDraftSchema.safeParse({ clientId: CLIENT }).success).toBe(false);
    expect(SessionDraftSchema.safeParse({ id: 'n1' }).success).toBe(false);
  });

  it('round-trips a full note unchanged', () => {
    const note = SessionNoteSchema.parse(filledDraft());
    expect(SessionDraftSchema.parse(note)).toEqual(note);
  });
});

describe('emptySessionNote', () => {
  it('starts a draft dated today, at the current time, with an entry date', () => {
    const note = emptySessionNote({ clientId: CLIENT, sessionNumber: 1, now: NOW });
    expect(note).toMatchObject({
      clientId: CLIENT,
      status: 'draft',
      serviceDate: TODAY,
      serviceTime: '11:30',
      sessionNumber: 1,
      durationMinutes: 60,
      entryDate: NOW.toISOString(),
      createdAt: NOW.toISOString(),
      signedAt: null,
      signedBy: null,
    });
    expect(isSigned(note)).toBe(false);
    expect(SessionDraftSchema.parse(note)).toEqual(note);
  });
});

describe('signSessionNote', () => {
  it('returns a signed copy with signedAt and signedBy, leaving the draft as it was', () => {
    const draft = filledDraft();
    const before = structuredClone(draft);
    const signed = signSessionNote(draft, { by: '  Anna Weber ', now: NOW });
    expect(signed.status).toBe('signed');
    expect(signed.signedAt).toBe(NOW.toISOString());
    expect(signed.signedBy).toBe('Anna Weber');
    expect(signed.updatedAt).toBe(NOW.toISOString());
    expect(isSigned(signed)).toBe(true);
    expect(draft).toEqual(before);
    expect(SignedSessionNoteSchema.safeParse(signed).success).toBe(true);
    expect(StoredSessionNoteSchema.safeParse(signed).success).toBe(true);
  });

  it('refuses an AVOID finding without an override reason, and accepts it with one', () => {
    const avoid = {
      ...pendingSafetyFinding({ ruleId: 'raised-icp', severity: 'AVOID', title: 'Raised ICP' }),
    };
    const draft = filledDraft({
      safetyCheck: { checkedAt: '2025-03-04T10:10:00.000Z', findings: [{ ...avoid, acknowledged: true }] },
    });
    expect(signingError(draft).issues).toEqual([
      'safetyCheck.findings.0.overrideReason: Record the physician\'s clearance, or give a reason for treating despite this "Do not treat" finding',
    ]);
    const withReason = {
      ...draft,
      safetyCheck: {
        ...draft.safetyCheck,
        findings: [{ ...avoid, acknowledged: true, overrideReason: 'Neurologist confirms shunt is stable' }],
      },
    };
    expect(signSessionNote(withReason, { by: 'Anna', now: NOW }).status).toBe('signed');
  });

  it("accepts an AVOID finding lifted by a clearance on the client's file, not one typed into the note", () => {
    const avoid = pendingSafetyFinding({
      ruleId: 'untreated-brain-injury',
      severity: 'AVOID',
      title: 'Brain injury or concussion',
    });
    const withClearance = (clearance: {
      givenBy: string;
      date: string;
      clearanceId?: string;
      validUntil?: null;
      recordedBy?: string;
    }) =>
      filledDraft({
        safetyCheck: {
          checkedAt: '2025-03-04T10:10:00.000Z',
          findings: [{ ...avoid, acknowledged: true, clearance }],
        },
      });
    const onFile = withClearance({
      givenBy: 'Dr Lena Fischer',
      date: '2025-03-01',
      clearanceId: 'clearance-1',
      validUntil: null,
      recordedBy: 'Anna',
    });
    const signed = signSessionNote(onFile, { by: 'Anna', now: NOW });
    expect(signed.safetyCheck.findings[0]?.clearance).toMatchObject({ clearanceId: 'clearance-1' });
    expect(signingError(withClearance({ givenBy: 'Dr Typed', date: '2025-03-01' })).issues).toEqual([
      'safetyCheck.findings.0.overrideReason: Record the physician\'s clearance, or give a reason for treating despite this "Do not treat" finding',
    ]);
  });

  it('refuses unacknowledged findings', () => {
    const draft = filledDraft({
      safetyCheck: {
        checkedAt: '2025-03-04T10:10:00.000Z',
        findings: [
          pendingSafetyFinding({ ruleId: 'tumour-epilepsy', severity: 'CAUTION', title: 'Epilepsy' }),
        ],
      },
    });
    const error = signingError(draft);
    expect(error.issues).toEqual([
      'safetyCheck.findings.0.acknowledged: Acknowledge every safety finding before signing',
    ]);
    expect(error.message).toContain('Acknowledge every safety finding before signing');
  });

  it('asks for the clearance on a CLEARANCE finding, and for the modification on MODIFY', () => {
    const clearance = {
      ...pendingSafetyFinding({ ruleId: 'chiari', severity: 'CLEARANCE', title: 'Chiari' }),
    };
    const modify = {
      ...pendingSafetyFinding({ ruleId: 'osteoporosis', severity: 'MODIFY', title: 'Osteoporosis' }),
    };
    const draft = filledDraft({
      safetyCheck: {
        checkedAt: '2025-03-04T10:10:00.000Z',
        findings: [
          { ...clearance, acknowledged: true },
          { ...modify, acknowledged: true },
        ],
      },
    });
    expect(signingProblems(draft, { by: 'Anna', now: NOW })).toEqual({
      'safetyCheck.findings.0.clearance':
        'Record who gave the clearance and when, or give a reason to proceed without it',
      'safetyCheck.findings.1.modification': 'Note how the treatment was modified',
    });
    const cleared = filledDraft({
      safetyCheck: {
        checkedAt: '2025-03-04T10:10:00.000Z',
        findings: [
          { ...clearance, acknowledged: true, clearance: { givenBy: 'Dr. Lenz', date: '2025-02-20' } },
          { ...modify, acknowledged: true, modification: 'Light pressure only' },
        ],
      },
    });
    expect(signingProblems(cleared, { by: 'Anna', now: NOW })).toEqual({});
  });

  it('needs the safety check to have run', () => {
    const draft = filledDraft({ safetyCheck: { checkedAt: null, findings: [] } });
    expect(signingError(draft).issues).toEqual([
      'safetyCheck.checkedAt: Run the safety check before signing',
    ]);
  });

  it('names every field at once, including the signer', () => {
    const draft = filledDraft({
      painBefore: { score: 11, location: '' },
      rhythm: { ...filledDraft().rhythm, rateCpm: -3 },
      serviceDate: '2025-03-05',
    });
    expect(signingError(draft, ' ').issues.sort()).toEqual(
      [
        'painBefore.score: Pain is scored 0 to 10',
        'rhythm.rateCpm: Rate must be between 0 and 40 cycles per minute',
        'serviceDate: A session cannot be dated in the future',
        'signedBy: Enter who signs the note',
      ].sort(),
    );
  });

  it('names the signer even when another field has the wrong type', () => {
    const draft = { ...filledDraft(), durationMinutes: null };
    expect(signingError(draft, '').issues.sort()).toEqual(
      ['durationMinutes: Duration is 1 to 480 minutes', 'signedBy: Enter who signs the note'].sort(),
    );
  });

  it('refuses to sign a note twice', () => {
    const signed = signSessionNote(filledDraft(), { by: 'Anna', now: NOW });
    expect(signingError(signed).issues).toEqual([
      'status: This note is already signed: add an addendum instead',
    ]);
  });

  it('refuses an empty new note, naming what is missing', () => {
    const problems = signingProblems(emptySessionNote({ clientId: CLIENT, sessionNumber: 1, now: NOW }), {
      by: 'Anna',
      now: NOW,
    });
    expect(problems).toEqual({
      chiefComplaint: 'Enter the reason for this session',
      'safetyCheck.checkedAt': 'Run the safety check before signing',
    });
  });
});

describe('copyFromLastSession', () => {
  const previous = addAddendum(
    signSessionNote(filledDraft({ serviceDate: '2025-02-25' }), {
      by: 'Anna',
      now: new Date(2025, 1, 25, 12, 0),
    }),
    { text: 'Pain before was 5', reason: 'Typo' },
    { author: 'Anna', now: new Date(2025, 1, 26, 9, 0) },
  );
  const later = new Date(2025, 2, 4, 9, 5);
  const copy = copyFromLastSession(previous, { now: later });

  it('carries the chief complaint, treated areas with sides and techniques, palpation site and plan', () => {
    expect(copy.chiefComplaint).toBe(previous.chiefComplaint);
    expect(
      copy.treatedAreas.map(({ regionId, side, techniques }) => ({ regionId, side, techniques })),
    ).toEqual(
      previous.treatedAreas.map(({ regionId, side, techniques }) => ({ regionId, side, techniques })),
    );
    expect(copy.rhythm.site).toBe('sacrum');
    expect(copy.plan).toBe(previous.plan);
    expect(copy.durationMinutes).toBe(60);
  });

  it('leaves out findings and notes of the old areas, and gives them new ids', () => {
    for (const area of copy.treatedAreas) {
      expect(area.finding).toBeNull();
      expect(area.note).toBe('');
    }
    const oldIds = new Set(previous.treatedAreas.map((area) => area.id));
    expect(copy.treatedAreas.some((area) => oldIds.has(area.id))).toBe(false);
  });

  it('never carries the signature, addenda, safety acknowledgements, scores or dates', () => {
    expect(copy.status).toBe('draft');
    expect(copy.signedAt).toBeNull();
    expect(copy.signedBy).toBeNull();
    expect(copy.addenda).toEqual([]);
    expect(copy.safetyCheck).toEqual({ checkedAt: null, findings: [] });
    expect(copy.painBefore).toEqual({ score: null, location: '' });
    expect(copy.painAfter).toEqual({ score: null, location: '' });
    expect(copy.rhythm).toMatchObject({ rateCpm: null, amplitude: null, symmetry: null, quality: '' });
    expect(copy.rhythm.stillPoints).toEqual({ count: 0, totalSeconds: null });
    expect(copy.sensations).toEqual({ selected: [], other: '' });
    expect(copy.globalResponse).toEqual({ improvementPercent: null, description: '' });
    expect(copy.serviceDate).toBe(TODAY);
    expect(copy.entryDate).toBe(later.toISOString());
    expect(copy.id).not.toBe(previous.id);
    expect(copy.clientId).toBe(previous.clientId);
    expect(copy.sessionNumber).toBe(4);
  });

  it('takes the session number when given, and shares no arrays with the old note', () => {
    const numbered = copyFromLastSession(previous, { now: later, sessionNumber: 9 });
    expect(numbered.sessionNumber).toBe(9);
    numbered.treatedAreas[0]?.techniques.push('arcing');
    expect(previous.treatedAreas[0]?.techniques).not.toContain('arcing');
  });
});

describe('addenda and the signed-note lock', () => {
  const signed = signSessionNote(filledDraft(), { by: 'Anna', now: NOW });
  const later = new Date(2025, 2, 5, 8, 0);

  it('appends an addendum with author and time, leaving the original as signed', () => {
    const amended = addAddendum(
      signed,
      { text: 'Pain before was 5, not 6.', reason: 'Typing error' },
      { author: 'Anna', now: later, id: 'ad1' },
    );
    expect(amended.addenda).toEqual([
      {
        id: 'ad1',
        text: 'Pain before was 5, not 6.',
        reason: 'Typing error',
        author: 'Anna',
        createdAt: later.toISOString(),
      },
    ]);
    expect(amended.painBefore).toEqual(signed.painBefore);
    expect(signed.addenda).toEqual([]);
    expect(signedNoteChanges(signed, amended)).toEqual([]);
    expect(SignedSessionNoteSchema.safeParse(amended).success).toBe(true);
  });

  it('refuses an addendum without a reason, and on a draft', () => {
    expect(() => addAddendum(signed, { text: 'x', reason: ' ' }, { author: 'Anna', now: later })).toThrow(
      'reason: Give a reason for the addendum',
    );
    const draft = filledDraft() as Parameters<typeof addAddendum>[0];
    expect(() => addAddendum(draft, { text: 'x', reason: 'y' }, { author: 'Anna', now: later })).toThrow(
      'Only a signed note takes addenda',
    );
  });

  it('reports any other change to a signed note', () => {
    expect(signedNoteChanges(signed, { ...signed, chiefComplaint: 'Changed' })).toEqual(['chiefComplaint']);
    expect(
      signedNoteChanges(signed, { ...signed, painAfter: { score: 0, location: '' }, status: 'draft' }).sort(),
    ).toEqual(['painAfter', 'status']);
    const amended = addAddendum(signed, { text: 'a', reason: 'b' }, { author: 'A', now: later });
    expect(signedNoteChanges(amended, signed)).toEqual(['addenda']);
    expect(
      signedNoteChanges(amended, { ...amended, addenda: [{ ...amended.addenda[0]!, text: 'rewritten' }] }),
    ).toEqual(['addenda']);
  });
});

describe('StoredSessionNoteSchema (what a restore accepts)', () => {
  it('accepts a partial draft but not a partial signed note', () => {
    expect(StoredSessionNoteSchema.safeParse({ id: 'n', clientId: CLIENT, status: 'draft' }).success).toBe(
      true,
    );
    expect(StoredSessionNoteSchema.safeParse({ id: 'n', clientId: CLIENT, status: 'signed' }).success).toBe(
      false,
    );
    const signed = signSessionNote(filledDraft(), { by: 'Anna', now: NOW });
    expect(
      StoredSessionNoteSchema.safeParse({ ...signed, painAfter: { score: 12, location: '' } }).success,
    ).toBe(false);
  });
});
