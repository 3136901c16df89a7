import { describe, expect, it } from 'vitest';
import {
  clientReferenceOf,
  decideMerge,
  futureMoment,
  keepAppendOnlyEntries,
  policyOf,
  STILLPOINT_MERGE_POLICIES,
} from '../../../src-shared/merge/merge-rules';

/** The merge decision table (src-shared/merge/merge-rules.ts), one rule per line. */
const at = (updatedAt: string, extra: Record<string, unknown> = {}) => ({ updatedAt, ...extra });
const OLD = '2025-01-01T00:00:00.000Z';
const NEW = '2025-02-01T00:00:00.000Z';

describe('decideMerge', () => {
  const versioned = STILLPOINT_MERGE_POLICIES.clients!;
  const sessions = STILLPOINT_MERGE_POLICIES.sessions!;
  const history = STILLPOINT_MERGE_POLICIES.auditLog!;
  const settings = STILLPOINT_MERGE_POLICIES.settings!;

  it.each([
    ['versioned: a new key is added', versioned, undefined, at(NEW), {}, 'add'],
    ['versioned: identical is unchanged', versioned, at(OLD), at(OLD), {}, 'unchanged'],
    ['versioned: newer incoming replaces', versioned, at(OLD), at(NEW, { a: 1 }), {}, 'replace'],
    [
      'versioned: a tie keeps this computer’s',
      versioned,
      at(OLD, { a: 1 }),
      at(OLD, { a: 2 }),
      {},
      'keep-current',
    ],
    [
      'signed: a newer edit of a signed note is a conflict copy',
      sessions,
      at(OLD, { signedAt: OLD }),
      at(NEW, { signedAt: OLD, x: 1 }),
      {},
      'conflict-copy',
    ],
    [
      'signed: a copy kept before is not added again',
      sessions,
      at(OLD, { signedAt: OLD }),
      at(NEW, { signedAt: OLD, x: 1 }),
      { alreadyCopied: () => true },
      'unchanged',
    ],
    ['history: a new entry is added', history, undefined, at(NEW), {}, 'add'],
    [
      'history: a different entry under an id here is refused, however new',
      history,
      at(OLD, { detail: 'Signed by Anna Lind' }),
      at('2099-01-01T00:00:00.000Z', { detail: 'Signed by SOMEONE ELSE' }),
      {},
      'refuse-history',
    ],
    [
      'settings: kept here by default, even when newer',
      settings,
      at(OLD, { v: 1 }),
      at(NEW, { v: 2 }),
      {},
      'keep-setting',
    ],
    ['settings: not added by default either', settings, undefined, at(NEW), {}, 'keep-setting'],
    [
      'settings: taken when the user chooses',
      settings,
      at(NEW, { v: 1 }),
      at(OLD, { v: 2 }),
      { takeIncomingSettings: true },
      'replace',
    ],
  ] as const)('%s', (_name, policy, current, incoming, options, kind) => {
    expect(decideMerge(policy, current, incoming, options).kind).toBe(kind);
  });
});

describe('moments and references', () => {
  const now = new Date('2025-03-10T12:00:00.000Z');
  it('a moment more than a day after now is named; within a day is not', () => {
    expect(futureMoment('sessions', { updatedAt: OLD, signedAt: '2025-03-11T12:00:01.000Z' }, now)).toEqual({
      field: 'signedAt',
      value: '2025-03-11T12:00:01.000Z',
    });
    expect(
      futureMoment('sessions', { updatedAt: '2025-03-11T12:00:00.000Z', signedAt: null }, now),
    ).toBeNull();
    expect(futureMoment('auditLog', { at: '2099-01-01T00:00:00Z' }, now)?.field).toBe('at');
  });

  it('histories, notes and after-effects name their client; audit entries do not need one', () => {
    expect(clientReferenceOf('healthHistories', { clientId: 'c1' })).toBe('c1');
    expect(clientReferenceOf('sessions', { clientId: 'c1' })).toBe('c1');
    expect(clientReferenceOf('afterEffects', { clientId: 'c1' })).toBe('c1');
    expect(clientReferenceOf('auditLog', { clientId: 'c1' })).toBeUndefined();
  });
});

describe('keepAppendOnlyEntries: a health history never loses a physician clearance in a merge', () => {
  const policy = policyOf('healthHistories');
  const a = { id: 'a', givenBy: 'Dr A' };
  const b = { id: 'b', givenBy: 'Dr B' };

  it('adds the entries only the losing version has, after the winner’s own', () => {
    const winner = { updatedAt: '2026-02-01T00:00:00.000Z', clearances: [b] };
    const loser = { updatedAt: '2026-01-01T00:00:00.000Z', clearances: [a, { ...b, givenBy: 'changed' }] };
    expect(keepAppendOnlyEntries(policy, winner, loser)).toEqual({ ...winner, clearances: [b, a] });
  });

  it('returns the winner itself when nothing is missing, and ignores tables without such lists', () => {
    const winner = { clearances: [a, b] };
    expect(keepAppendOnlyEntries(policy, winner, { clearances: [a] })).toBe(winner);
    expect(keepAppendOnlyEntries(policy, winner, {})).toBe(winner);
    const client = { clearances: [] };
    expect(keepAppendOnlyEntries(policyOf('clients'), client, { clearances: [a] })).toBe(client);
  });
});
