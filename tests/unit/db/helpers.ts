import 'fake-indexeddb/auto';
import { ClientsRepository, type Clock } from '../../../src-renderer/db/clients-repository';
import { StillpointDatabase } from '../../../src-renderer/db/database';
import { createDataFronts } from '../../../src-renderer/db/fronts';
import { createSessionRepositories } from '../../../src-renderer/db/sessions-repository';
import { emptyClientInput } from '../../../src-shared/domain/client';
import { pendingSafetyFinding, type SessionDraft } from '../../../src-shared/domain/session-note';

let counter = 0;

/** A clock that starts at `start` and moves one second forward at every reading. */
export function steppingClock(start = new Date(2025, 2, 4, 11, 30)): Clock & { set(date: Date): void } {
  let at = start.getTime();
  return {
    now: () => {
      const now = new Date(at);
      at += 1_000;
      return now;
    },
    set: (date: Date) => {
      at = date.getTime();
    },
  };
}

/** A fresh database of its own (a unique name) and the repositories over it. */
export function openRepositories(options: { name?: string; clock?: Clock } = {}) {
  counter += 1;
  const name =
    options.name ?? `stillpoint-test-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`;
  const clock = options.clock ?? steppingClock();
  const db = new StillpointDatabase(name);
  const clients = new ClientsRepository(db, clock);
  return {
    db,
    name,
    clock,
    clients,
    ...createSessionRepositories(db, clients, clock),
    ...createDataFronts(db),
  };
}

export async function addClient(clients: ClientsRepository, first = 'Marta', last = 'Kowalska') {
  return clients.create({
    ...emptyClientInput(),
    firstName: first,
    lastName: last,
    dateOfBirth: '1980-04-02',
  });
}

/** What a therapist writes into a new draft: valid for signing. */
export function filledIn(draft: SessionDraft): SessionDraft {
  return {
    ...draft,
    serviceDate: '2025-03-04',
    serviceTime: '10:15',
    chiefComplaint: 'Tension headaches after desk work',
    painBefore: { score: 6, location: 'back of the head' },
    safetyCheck: {
      checkedAt: '2025-03-04T10:10:00.000Z',
      findings: [
        {
          ...pendingSafetyFinding({ ruleId: 'osteoporosis', severity: 'MODIFY', title: 'Osteoporosis' }),
          acknowledged: true,
          modification: 'Light contact only',
        },
      ],
    },
    rhythm: { ...draft.rhythm, rateCpm: 8, amplitude: 'low' },
    treatedAreas: [
      {
        id: 'a1',
        regionId: 'occipital',
        side: null,
        techniques: ['still-point-cv4'],
        finding: 'release',
        note: '',
      },
      {
        id: 'a2',
        regionId: 'sacrum',
        side: null,
        techniques: ['sacral-decompression'],
        finding: null,
        note: '',
      },
    ],
    sensations: { selected: ['warmth', 'tingling'], other: '' },
    painAfter: { score: 3, location: '' },
    plan: 'Weekly for four weeks',
  };
}
