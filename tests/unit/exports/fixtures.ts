import { type AuditEntry, makeAuditEntry } from '../../../src-shared/domain/audit';
import {
  buildClientRecord,
  type Client,
  type ClientInput,
  emptyClientInput,
} from '../../../src-shared/domain/client';
import type { ClientRecord } from '../../../src-shared/domain/client-record';
import { emptyHealthHistory, type HealthHistory } from '../../../src-shared/domain/health-history';
import {
  type AfterEffectReport,
  addAddendum,
  emptySessionNote,
  makeAfterEffectReport,
  type SessionDraft,
  type SessionNote,
  signSessionNote,
} from '../../../src-shared/domain/session-note';
import type { PracticeSettings } from '../../../src-shared/domain/settings';
import { assembleClientRecord } from '../../../src-shared/exports/client-record-export';

export const FIXED_NOW = new Date('2026-03-20T09:30:00Z');

export function makeClient(
  input: Partial<ClientInput> & Pick<ClientInput, 'firstName' | 'lastName'>,
  id = 'client-1',
): Client {
  return buildClientRecord({ ...emptyClientInput(), ...input }, { now: '2025-01-06T10:00:00.000Z', id });
}

export const PRACTICE: PracticeSettings = {
  practice: {
    name: 'Quiet Harbour Craniosacral Therapy',
    address: '14 Willow Lane\nBristol BS6 5AX',
    phone: '0117 496 0123',
    email: 'hello@quietharbour.example',
    website: 'quietharbour.example',
    logo: null,
  },
  therapistName: 'Anna Berg',
  paperSize: 'A4',
};

/** A signed note dated `date`, with the usual fields filled in. */
export function signedNote(
  clientId: string,
  date: string,
  number: number,
  change: Partial<SessionDraft> = {},
): SessionNote {
  const at = new Date(`${date}T10:00:00Z`);
  const draft: SessionDraft = {
    ...emptySessionNote({ clientId, sessionNumber: number, now: at, id: `note-${number}` }),
    serviceDate: date,
    serviceTime: '10:00',
    chiefComplaint: 'Tension headaches after desk work',
    painBefore: { score: 6, location: 'Forehead, temples' },
    safetyCheck: { checkedAt: at.toISOString(), findings: [] },
    rhythm: {
      rateCpm: 8,
      amplitude: 'low',
      symmetry: 'restricted-left',
      quality: 'Sluggish at first, freer by the end',
      site: 'occiput',
      stillPoints: { count: 2, totalSeconds: 150 },
    },
    treatedAreas: [
      {
        id: `a-${number}-1`,
        regionId: 'occipital',
        side: null,
        techniques: ['still-point-cv4', 'Gentle occipital cradle'],
        finding: 'release',
        note: '',
      },
      {
        id: `a-${number}-2`,
        regionId: 'temporal',
        side: 'left',
        techniques: ['frontal-lift'],
        finding: 'restriction',
        note: 'Held longer on the left',
      },
    ],
    sensations: { selected: ['warmth', 'tingling'], other: 'A wave of heaviness in the legs' },
    observations: 'Breathing slowed and deepened after the still point.',
    painAfter: { score: 3, location: 'Temples' },
    globalResponse: { improvementPercent: 40, description: 'Lighter in the head' },
    plan: 'Weekly for four more sessions',
    nextSessionRecommendation: 'In one week',
    homeCare: 'Drink water; short walks',
    ...change,
  };
  return signSessionNote(draft, { by: 'Anna Berg', now: new Date(`${date}T11:05:00Z`) });
}

export interface RecordFixture {
  client: Client;
  healthHistory: HealthHistory;
  notes: SessionDraft[];
  afterEffects: AfterEffectReport[];
  auditLog: AuditEntry[];
  record: ClientRecord;
}

/** A client with a health history, two signed notes (one with an addendum), a draft, after-effects and audit entries. */
export function recordFixture(
  name: { firstName: string; lastName: string } = { firstName: 'Σοφία', lastName: 'Παπαδοπούλου' },
): RecordFixture {
  const client = makeClient({
    ...name,
    dateOfBirth: '1980-04-02',
    phone: '+30 21 0123 4567',
    email: 'sofia@example.com',
    address: 'Οδός Ερμού 12\n105 63 Αθήνα',
    emergencyContact: { name: 'Νίκος Παπαδόπουλος', phone: '+30 69 1234 5678' },
    consent: { given: true, date: '2025-01-06', textVersion: '2025-01' },
    tags: ['headaches'],
    notes: 'Prefers afternoon appointments.',
  });
  const healthHistory: HealthHistory = {
    ...emptyHealthHistory(client.id, new Date('2025-01-06T10:05:00Z')),
    reviewedAt: '2025-01-06',
    conditions: [
      {
        id: 'c1',
        catalogId: 'osteoporosis',
        label: 'Osteoporosis',
        status: 'current',
        onsetDate: '2020-01-03',
        resolvedDate: null,
        severity: 'moderate',
        treated: null,
        notes: '',
      },
    ],
    medications: [{ id: 'm1', name: 'Alendronate', dose: '70 mg weekly', anticoagulant: false }],
  };
  const first = signedNote(client.id, '2025-01-13', 1);
  const withAddendum = addAddendum(
    signedNote(client.id, '2025-01-20', 2, { chiefComplaint: 'Jaw tension on waking' }),
    { reason: 'Pain score recorded on the wrong scale', text: 'Pain before was 5/10, not 6/10.' },
    { author: 'Anna Berg', now: new Date('2025-01-21T08:15:00Z'), id: 'add-1' },
  );
  const draft: SessionDraft = {
    ...emptySessionNote({
      clientId: client.id,
      sessionNumber: 3,
      now: new Date('2025-01-27T10:00:00Z'),
      id: 'note-3',
    }),
    chiefComplaint: 'Follow-up',
  };
  const afterEffects = [
    makeAfterEffectReport(
      {
        type: 'tiredness',
        onsetHours: 2,
        durationHours: 24,
        severity: 'mild',
        resolved: true,
        notes: 'Slept well',
      },
      {
        sessionId: first.id,
        clientId: client.id,
        reportedInSessionId: withAddendum.id,
        now: new Date('2025-01-20T09:50:00Z'),
        id: 'ae-1',
      },
    ),
  ];
  const auditLog = [
    makeAuditEntry({
      noteId: first.id,
      clientId: client.id,
      action: 'created',
      now: new Date('2025-01-13T09:58:00Z'),
      detail: 'Session 1',
      id: 'au-1',
    }),
    makeAuditEntry({
      noteId: first.id,
      clientId: client.id,
      action: 'signed',
      now: new Date('2025-01-13T11:05:00Z'),
      detail: 'Signed by Anna Berg',
      id: 'au-2',
    }),
    makeAuditEntry({
      noteId: withAddendum.id,
      clientId: client.id,
      action: 'created',
      now: new Date('2025-01-20T09:58:00Z'),
      detail: 'Session 2',
      id: 'au-3',
    }),
    makeAuditEntry({
      noteId: withAddendum.id,
      clientId: client.id,
      action: 'signed',
      now: new Date('2025-01-20T11:05:00Z'),
      detail: 'Signed by Anna Berg',
      id: 'au-4',
    }),
    makeAuditEntry({
      noteId: withAddendum.id,
      clientId: client.id,
      action: 'addendum',
      now: new Date('2025-01-21T08:15:00Z'),
      detail: 'Anna Berg: Pain score recorded on the wrong scale',
      id: 'au-5',
    }),
    makeAuditEntry({
      noteId: 'note-3',
      clientId: client.id,
      action: 'created',
      now: new Date('2025-01-27T10:00:00Z'),
      detail: 'Session 3',
      id: 'au-6',
    }),
  ];
  const notes = [draft, withAddendum, first];
  const record = assembleClientRecord({
    client,
    healthHistory,
    notes,
    afterEffects,
    auditLog,
    practice: PRACTICE,
    now: FIXED_NOW,
  });
  return { client, healthHistory, notes, afterEffects, auditLog, record };
}
