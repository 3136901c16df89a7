import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { computeWorstSeverities } from '../../../src-renderer/db/safety-marks';
import {
  draftCountsByClient,
  draftsToSignText,
  visitSummaryText,
} from '../../../src-renderer/features/attention/attention-text';
import type { HealthHistory } from '../../../src-shared/domain/health-history';
import {
  DEFAULT_SAFETY_SETTINGS,
  evaluateContraindications,
  highestSeverity,
} from '../../../src-shared/safety';
import { addClient, filledIn, openRepositories } from '../db/helpers';
import { clearance, condition, daysAgo, history, TODAY } from '../safety/builders';

/** Issue 21 item 7: the client list's safety marks and draft counts. */

function historyOf(clientId: string, parts: Parameters<typeof history>[0]): HealthHistory {
  return { ...history(parts), clientId };
}

describe('safety marks for the client list', () => {
  const histories: HealthHistory[] = [
    historyOf('a-fracture', { conditions: [condition('skull-fracture', { onsetDate: daysAgo(10) })] }),
    historyOf('b-osteoporosis', { conditions: [condition('osteoporosis')] }),
    historyOf('c-nothing', {}),
    historyOf('d-infant', {}),
    historyOf('e-chiari-cleared', {
      conditions: [condition('chiari-malformation')],
      clearances: [clearance('chiari', { date: daysAgo(3) })],
    }),
    historyOf('f-chiari', { conditions: [condition('chiari-malformation')] }),
    // A fracture and osteoporosis: the worst one counts.
    historyOf('g-both', {
      conditions: [condition('osteoporosis'), condition('skull-fracture', { onsetDate: daysAgo(2) })],
    }),
  ];
  const dateOfBirthOf = new Map([['d-infant', daysAgo(200)]]);

  async function stored() {
    const { db } = openRepositories();
    await db.healthHistories.bulkPut(histories);
    return db;
  }

  it("gives each client its worst current finding, as the client page's check does, across pages", async () => {
    const db = await stored();
    const context = { today: TODAY, settings: DEFAULT_SAFETY_SETTINGS, dateOfBirthOf };
    // Page size 2: the pass reads the histories in four pages, and must not skip or repeat one.
    const marks = await computeWorstSeverities(db, context, 2);
    expect(Object.fromEntries(marks ?? [])).toEqual({
      'a-fracture': 'AVOID',
      'b-osteoporosis': 'MODIFY',
      'd-infant': 'CAUTION',
      'f-chiari': 'CLEARANCE',
      'g-both': 'AVOID',
    });
    for (const h of histories) {
      const banner = highestSeverity(
        evaluateContraindications(h, { today: TODAY, dateOfBirth: dateOfBirthOf.get(h.clientId) ?? null }),
      );
      expect(marks?.get(h.clientId) ?? null).toBe(banner);
    }
  });

  it('follows the date: past its 6 weeks, a fracture not yet recorded healed asks for clearance', async () => {
    const db = await stored();
    const later = daysAgo(-60);
    const marks = await computeWorstSeverities(db, {
      today: later,
      settings: DEFAULT_SAFETY_SETTINGS,
      dateOfBirthOf,
    });
    expect(marks?.get('a-fracture')).toBe('CLEARANCE');
    expect(marks?.get('g-both')).toBe('CLEARANCE');
  });

  it('skips a stored history that no longer passes its schema, and stops when cancelled', async () => {
    const db = await stored();
    await db.healthHistories.put({ clientId: 'z-broken', conditions: 'not a list' });
    const context = { today: TODAY, settings: DEFAULT_SAFETY_SETTINGS, dateOfBirthOf };
    const marks = await computeWorstSeverities(db, context);
    expect(marks?.has('z-broken')).toBe(false);
    expect(marks?.get('a-fracture')).toBe('AVOID');
    expect(await computeWorstSeverities(db, { ...context, cancelled: () => true })).toBeUndefined();
  });
});

describe('unsigned drafts', () => {
  it('lists drafts across clients oldest first (date of service, time), leaves signed notes out, and counts them', async () => {
    const repos = openRepositories();
    const lea = await addClient(repos.clients, 'Lea', 'Sand');
    const tom = await addClient(repos.clients, 'Tom', 'Becker');
    const signed = await repos.sessions.createDraft(lea.id);
    await repos.sessions.saveDraft(filledIn(signed));
    await repos.sessions.sign(signed.id, 'Anna Lind');
    const newer = await repos.sessions.createDraft(lea.id);
    await repos.sessions.saveDraft({ ...newer, serviceDate: '2025-03-10', serviceTime: '09:00' });
    const older = await repos.sessions.createDraft(tom.id);
    await repos.sessions.saveDraft({ ...older, serviceDate: '2025-03-01', serviceTime: '16:00' });
    const sameDayEarlier = await repos.sessions.createDraft(tom.id);
    await repos.sessions.saveDraft({ ...sameDayEarlier, serviceDate: '2025-03-01', serviceTime: '08:30' });

    const drafts = await repos.sessions.listDrafts();
    expect(drafts.map((d) => d.id)).toEqual([sameDayEarlier.id, older.id, newer.id]);
    expect(await repos.sessions.countDrafts()).toBe(3);
    expect(await repos.sessions.countDraftsForClient(lea.id)).toBe(1);
    expect(await repos.sessions.countDraftsForClient(tom.id)).toBe(2);
    expect(Object.fromEntries(draftCountsByClient(drafts))).toEqual({ [lea.id]: 1, [tom.id]: 2 });
  });
});

describe('what the list says', () => {
  const format = (date: string) => `on ${date}`;
  it('never says "No sessions yet" for a client with a draft', () => {
    expect(visitSummaryText(null, 0, format)).toBe('No sessions yet');
    expect(visitSummaryText(null, 1, format)).toBe('No signed sessions yet');
    expect(visitSummaryText('2026-11-02', 2, format)).toBe('Last visit on 2026-11-02');
  });
  it('counts drafts in words', () => {
    expect(draftsToSignText(1)).toBe('1 draft to sign');
    expect(draftsToSignText(3)).toBe('3 drafts to sign');
  });
});
