import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BODY_REGIONS, SIDES } from '../../../src-shared/domain/body-regions';
import { AMPLITUDES, SENSATION_IDS, SYMMETRIES } from '../../../src-shared/domain/sensations';
import {
  AREA_FINDINGS,
  SAFETY_SEVERITIES,
  type SessionDraft,
  SessionDraftSchema,
  SessionNoteSchema,
  StoredSessionNoteSchema,
  signSessionNote,
} from '../../../src-shared/domain/session-note';
import { buildSoapView, soapAsText } from '../../../src-shared/domain/soap';
import { TECHNIQUES } from '../../../src-shared/domain/techniques';

const id = fc.uuid();
const moment = fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true });
const timestamp = moment.map((date) => date.toISOString());
const isoDate = moment.map((date) => date.toISOString().slice(0, 10));
const text = fc.string({ maxLength: 40 });
const words = fc.string({ minLength: 1, maxLength: 40 }).filter((value) => value.trim() !== '');
const option = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const pain = fc.record({ score: option(fc.integer({ min: 0, max: 10 })), location: text });

const finding = fc
  .record({
    ruleId: words,
    severity: fc.constantFrom(...SAFETY_SEVERITIES),
    title: words,
    overrideReason: text,
    modification: text,
    clearance: fc.option(fc.record({ givenBy: words, date: isoDate }), { nil: undefined }),
  })
  // Only findings the therapist has dealt with as DOMAIN.md asks can be in a valid note.
  .map((f) => ({
    ...f,
    acknowledged: true,
    overrideReason:
      (f.severity === 'AVOID' || (f.severity === 'CLEARANCE' && !f.clearance)) &&
      f.overrideReason.trim() === ''
        ? 'Discussed with the client; proceeding with light touch'
        : f.overrideReason,
    modification: f.severity === 'MODIFY' && f.modification.trim() === '' ? 'Light touch' : f.modification,
  }));

const treatedArea = fc.record({
  id,
  regionId: fc.constantFrom(...BODY_REGIONS.map((r) => r.id)),
  side: option(fc.constantFrom(...SIDES)),
  techniques: fc.array(fc.oneof(fc.constantFrom(...TECHNIQUES.map((t) => t.id)), words), { maxLength: 4 }),
  finding: option(fc.constantFrom(...AREA_FINDINGS)),
  note: text,
});

const signature = fc.oneof(
  fc.constant({ status: 'draft' as const, signedAt: null, signedBy: null, addenda: [] }),
  fc.record({
    status: fc.constant('signed' as const),
    signedAt: timestamp,
    signedBy: words,
    addenda: fc.array(fc.record({ id, text: words, reason: words, author: words, createdAt: timestamp }), {
      maxLength: 3,
    }),
  }),
);

const validNote = fc
  .record({
    id,
    clientId: id,
    serviceDate: isoDate,
    serviceTime: fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
    durationMinutes: fc.integer({ min: 1, max: 480 }),
    sessionNumber: fc.integer({ min: 1, max: 500 }),
    entryDate: timestamp,
    chiefComplaint: words,
    painBefore: pain,
    changesSinceLast: text,
    safetyCheck: fc.record({ checkedAt: timestamp, findings: fc.array(finding, { maxLength: 3 }) }),
    rhythm: fc.record({
      rateCpm: option(fc.double({ min: 0, max: 40, noNaN: true })),
      amplitude: option(fc.constantFrom(...AMPLITUDES)),
      symmetry: option(fc.constantFrom(...SYMMETRIES)),
      quality: text,
      site: text,
      stillPoints: fc.record({
        count: fc.integer({ min: 0, max: 100 }),
        totalSeconds: option(fc.double({ min: 0, max: 28_800, noNaN: true })),
      }),
    }),
    treatedAreas: fc.array(treatedArea, { maxLength: 8 }),
    sensations: fc.record({ selected: fc.subarray([...SENSATION_IDS]), other: text }),
    observations: text,
    emotionalRelease: text,
    painAfter: pain,
    globalResponse: fc.record({
      improvementPercent: option(fc.double({ min: -100, max: 100, noNaN: true })),
      description: text,
    }),
    plan: text,
    nextSessionRecommendation: text,
    homeCare: text,
    conflictCopyOf: fc.option(id, { nil: undefined }),
    createdAt: timestamp,
    updatedAt: timestamp,
    signature,
  })
  .map(({ signature: sig, ...rest }) => SessionNoteSchema.parse({ ...rest, ...sig }));

describe('properties of the note schemas', () => {
  it('the lenient draft schema accepts every valid note and keeps it as it was', () => {
    fc.assert(
      fc.property(validNote, (note) => {
        const draft = SessionDraftSchema.safeParse(note);
        expect(draft.success).toBe(true);
        expect(draft.data).toEqual(note);
        expect(StoredSessionNoteSchema.safeParse(note).success).toBe(true);
      }),
    );
  });

  it('the draft schema never refuses a draft that has an id and a client, whatever else it holds', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.anything()), id, id, (junk, noteId, clientId) => {
        expect(SessionDraftSchema.safeParse({ ...junk, id: noteId, clientId }).success).toBe(true);
      }),
    );
  });

  it('signing a valid draft always succeeds and yields a stored-valid signed note', () => {
    const now = new Date('2031-06-01T12:00:00.000Z');
    fc.assert(
      fc.property(validNote, (note) => {
        const draft: SessionDraft = { ...note, status: 'draft', signedAt: null, signedBy: null, addenda: [] };
        const signed = signSessionNote(draft, { by: 'Therapist', now });
        expect(signed.signedAt).toBe(now.toISOString());
        expect(StoredSessionNoteSchema.safeParse(signed).success).toBe(true);
      }),
    );
  });
});

describe('properties of the SOAP view', () => {
  it('never throws for a valid note, and puts each section in the text', () => {
    fc.assert(
      fc.property(validNote, (note) => {
        const view = buildSoapView(note);
        const textView = soapAsText(view);
        for (const line of [...view.subjective, ...view.objective, ...view.assessment, ...view.plan]) {
          expect(typeof line).toBe('string');
        }
        expect(textView).toContain('S - Subjective');
        expect(textView).toContain('P - Plan');
        expect(view.objective.filter((line) => line.startsWith('Treated ')).length).toBe(
          note.treatedAreas.length,
        );
      }),
    );
  });

  it('never throws for whatever a draft holds', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.anything()), (junk) => {
        const draft = SessionDraftSchema.parse({ ...junk, id: 'n', clientId: 'c' });
        expect(() => soapAsText(buildSoapView(draft))).not.toThrow();
      }),
    );
  });
});
