import { describe, expect, it } from 'vitest';
import { BackupError, type RestorableRecord } from '../../../src-shared/backup/index';
import { planRestore } from './whole-file';

interface Note extends RestorableRecord {
  text: string;
  signedAt?: string | null;
  conflictCopyOf?: string;
}

const note = (id: string, text: string, updatedAt: string, signedAt: string | null = null): Note => ({
  id,
  text,
  updatedAt,
  signedAt,
});

function counter() {
  let n = 0;
  return () => `copy-${++n}`;
}

describe('planRestore, merge', () => {
  it('adds new records, keeps identical ones, and lets the newer version win', () => {
    const current = {
      sessions: [
        note('same', 'unchanged', '2025-01-01T10:00:00Z'),
        note('older-here', 'old text', '2025-01-01T10:00:00Z'),
        note('newer-here', 'new text', '2025-03-01T10:00:00Z'),
        note('only-here', 'mine', '2025-01-01T10:00:00Z'),
      ],
    };
    const incoming = {
      sessions: [
        note('same', 'unchanged', '2025-01-01T10:00:00Z'),
        note('older-here', 'newer text from backup', '2025-02-01T10:00:00Z'),
        note('newer-here', 'stale text from backup', '2025-02-01T10:00:00Z'),
        note('new', 'brand new', '2025-02-01T10:00:00Z'),
      ],
    };
    const plan = planRestore({ current, incoming, mode: 'merge', newId: counter() });
    const table = plan.tables.sessions!;
    expect(table.puts.map((r) => r.id)).toEqual(['older-here', 'new']);
    expect(table).toMatchObject({
      added: 1,
      updated: 1,
      unchanged: 1,
      keptCurrent: 1,
      deleted: 0,
      conflicts: 0,
    });
    expect(table.deletes).toEqual([]);
    expect(plan.summary).toMatchObject({
      added: 1,
      updated: 1,
      unchanged: 1,
      keptCurrent: 1,
      puts: 2,
      deletes: 0,
    });
  });

  it('compares timestamps as moments, not strings, and keeps the database on a tie', () => {
    const current = { clients: [note('c', 'here', '2025-01-01T12:00:00+02:00')] };
    // 11:00Z is later than 10:00Z (= 12:00+02:00) although it sorts lower as a string.
    const later = planRestore({
      current,
      incoming: { clients: [note('c', 'there', '2025-01-01T11:00:00Z')] },
      mode: 'merge',
    });
    expect(later.tables.clients!.updated).toBe(1);
    const tie = planRestore({
      current,
      incoming: { clients: [note('c', 'there', '2025-01-01T10:00:00.000Z')] },
      mode: 'merge',
    });
    expect(tie.tables.clients!).toMatchObject({ updated: 0, keptCurrent: 1, puts: [] });
  });

  it('treats a missing property and an undefined one as the same, whatever the key order', () => {
    const current = {
      clients: [
        { id: 'c', updatedAt: '2025-01-01T00:00:00Z', a: 1, b: undefined, nested: { x: [1, { y: 2 }] } },
      ],
    };
    const incoming = {
      clients: [{ nested: { x: [1, { y: 2 }] }, a: 1, updatedAt: '2025-01-01T00:00:00Z', id: 'c' }],
    };
    expect(planRestore({ current, incoming, mode: 'merge' }).summary.unchanged).toBe(1);
  });

  it('never overwrites a signed note: a newer different version is kept beside it as a conflict copy', () => {
    const signed = note('s1', 'signed text', '2025-01-01T10:00:00Z', '2025-01-01T10:00:00Z');
    const edited = note('s1', 'edited elsewhere', '2025-02-01T10:00:00Z', null);
    const plan = planRestore({
      current: { sessions: [signed] },
      incoming: { sessions: [edited] },
      mode: 'merge',
      newId: counter(),
    });
    expect(plan.tables.sessions!.puts).toEqual([{ ...edited, id: 'copy-1', conflictCopyOf: 's1' }]);
    expect(plan.conflicts).toEqual([
      {
        table: 'sessions',
        id: 's1',
        copyId: 'copy-1',
        reason: 'current-signed',
        current: signed,
        incoming: edited,
      },
    ]);
    expect(plan.summary).toMatchObject({ conflicts: 1, updated: 0, added: 0 });
  });

  it('keeps both when both versions are signed and differ, with the incoming signature kept', () => {
    const here = note('s1', 'signed here', '2025-03-01T10:00:00Z', '2025-03-01T10:00:00Z');
    const there = note('s1', 'signed there', '2025-02-01T10:00:00Z', '2025-02-01T10:00:00Z');
    const plan = planRestore({
      current: { sessions: [here] },
      incoming: { sessions: [there] },
      mode: 'merge',
      newId: counter(),
    });
    expect(plan.tables.sessions!.puts).toEqual([{ ...there, id: 'copy-1', conflictCopyOf: 's1' }]);
    expect(plan.conflicts[0]!.reason).toBe('both-signed');
  });

  it('does not drop a signed incoming note when the database has a newer unsigned draft', () => {
    const draft = note('s1', 'draft edited later', '2025-03-01T10:00:00Z');
    const signed = note('s1', 'signed in backup', '2025-02-01T10:00:00Z', '2025-02-01T10:00:00Z');
    const plan = planRestore({
      current: { sessions: [draft] },
      incoming: { sessions: [signed] },
      mode: 'merge',
      newId: counter(),
    });
    expect(plan.conflicts[0]!.reason).toBe('incoming-signed');
    expect(plan.tables.sessions!.puts).toEqual([{ ...signed, id: 'copy-1', conflictCopyOf: 's1' }]);
  });

  it('replaces an older unsigned draft with the newer signed note, and ignores an older draft of a signed one', () => {
    const plan = planRestore({
      current: {
        sessions: [
          note('a', 'draft', '2025-01-01T10:00:00Z'),
          note('b', 'signed final', '2025-03-01T10:00:00Z', '2025-03-01T10:00:00Z'),
        ],
      },
      incoming: {
        sessions: [
          note('a', 'signed final', '2025-02-01T10:00:00Z', '2025-02-01T10:00:00Z'),
          note('b', 'earlier draft', '2025-02-01T10:00:00Z'),
        ],
      },
      mode: 'merge',
    });
    expect(plan.tables.sessions!).toMatchObject({ updated: 1, keptCurrent: 1, conflicts: 0 });
    expect(plan.tables.sessions!.puts.map((r) => r.text)).toEqual(['signed final']);
  });

  it('merging the same backup twice adds no second conflict copy', () => {
    const signed = note('s1', 'signed', '2025-01-01T10:00:00Z', '2025-01-01T10:00:00Z');
    const edited = note('s1', 'edited', '2025-02-01T10:00:00Z');
    const first = planRestore({
      current: { sessions: [signed] },
      incoming: { sessions: [edited] },
      mode: 'merge',
      newId: counter(),
    });
    const after = [signed, ...first.tables.sessions!.puts];
    const second = planRestore({
      current: { sessions: after },
      incoming: { sessions: [edited] },
      mode: 'merge',
    });
    expect(second.tables.sessions!).toMatchObject({ puts: [], conflicts: 0, unchanged: 1 });
  });

  it('signed records are a per-table setting: other tables just take the newer version', () => {
    const plan = planRestore({
      current: { notes: [note('n', 'a', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')] },
      incoming: { notes: [note('n', 'b', '2025-02-01T00:00:00Z')] },
      mode: 'merge',
    });
    expect(plan.summary).toMatchObject({ updated: 1, conflicts: 0 });
    const configured = planRestore({
      current: { notes: [note('n', 'a', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')] },
      incoming: { notes: [note('n', 'b', '2025-02-01T00:00:00Z')] },
      mode: 'merge',
      signedFields: { notes: 'signedAt' },
    });
    expect(configured.summary).toMatchObject({ updated: 0, conflicts: 1 });
  });
});

describe('planRestore, replace', () => {
  it('makes every table exactly the backup: counts what is added, updated, unchanged and deleted', () => {
    const plan = planRestore({
      current: {
        clients: [
          note('keep', 'x', '2025-01-01T00:00:00Z'),
          note('change', 'x', '2025-05-01T00:00:00Z'),
          note('gone', 'x', '2025-01-01T00:00:00Z'),
        ],
        sessions: [note('signed', 'x', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')],
        auditLog: [note('a1', 'x', '2025-01-01T00:00:00Z')],
      },
      incoming: {
        clients: [
          note('keep', 'x', '2025-01-01T00:00:00Z'),
          note('change', 'older y', '2025-01-01T00:00:00Z'),
          note('new', 'x', '2025-01-01T00:00:00Z'),
        ],
        sessions: [note('signed', 'other', '2025-02-01T00:00:00Z', '2025-02-01T00:00:00Z')],
      },
      mode: 'replace',
    });
    expect(plan.tables.clients!).toMatchObject({
      added: 1,
      updated: 1,
      unchanged: 1,
      deleted: 1,
      deletes: ['gone'],
    });
    expect(plan.tables.clients!.puts.map((r) => r.id)).toEqual(['change', 'new']);
    expect(plan.tables.sessions!).toMatchObject({ updated: 1, conflicts: 0 });
    expect(plan.tables.auditLog!).toMatchObject({ deleted: 1, deletes: ['a1'] });
    expect(plan.summary).toMatchObject({
      added: 1,
      updated: 2,
      unchanged: 1,
      deleted: 2,
      conflicts: 0,
      puts: 3,
      deletes: 2,
    });
    expect(plan.conflicts).toEqual([]);
  });
});

describe('planRestore, bad incoming records', () => {
  it.each([
    ['no id', { updatedAt: '2025-01-01T00:00:00Z' }],
    ['no updatedAt', { id: 'x' }],
    ['an unreadable updatedAt', { id: 'x', updatedAt: 'yesterday' }],
  ])('a record with %s is INVALID_RECORDS', (_name, record) => {
    const run = () => planRestore({ current: {}, incoming: { clients: [record as never] }, mode: 'merge' });
    expect(run).toThrow(BackupError);
    try {
      run();
    } catch (error) {
      expect((error as BackupError).code).toBe('INVALID_RECORDS');
      expect((error as BackupError).message).toContain('clients record 1');
    }
  });

  it('an id twice in the backup is INVALID_RECORDS', () => {
    const twice = [note('x', 'a', '2025-01-01T00:00:00Z'), note('x', 'b', '2025-01-01T00:00:00Z')];
    expect(() => planRestore({ current: {}, incoming: { sessions: twice }, mode: 'merge' })).toThrow(
      /appears twice/,
    );
  });
});

describe('planRestore at practice scale', () => {
  it('plans 200,000 notes against 200,000 in linear time', () => {
    const size = 200_000;
    const current: Note[] = new Array(size);
    const incoming: Note[] = new Array(size);
    for (let i = 0; i < size; i++) {
      const signedAt = i % 2 ? '2025-01-01T00:00:00Z' : null;
      current[i] = note(`n${i}`, `text ${i}`, '2025-01-01T00:00:00Z', signedAt);
      incoming[i] =
        i % 10 === 0 || i % 10 === 5
          ? note(`n${i}`, `edited ${i}`, '2025-02-01T00:00:00Z', signedAt)
          : note(`n${i}`, `text ${i}`, '2025-01-01T00:00:00Z', signedAt);
    }
    incoming.push(note('fresh', 'new', '2025-02-01T00:00:00Z'));
    const plan = planRestore({
      current: { sessions: current },
      incoming: { sessions: incoming },
      mode: 'merge',
    });
    expect(plan.summary).toMatchObject({ added: 1, unchanged: 160_000, updated: 20_000, conflicts: 20_000 });
    // No stopwatch: a plan that compared every pair (4 * 10^10 comparisons) would not finish
    // within the test's time limit, while a linear one takes well under a second.
  }, 60_000);
});
