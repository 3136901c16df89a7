import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteAllExcept } from '../../../src-renderer/db/restore-writer';

/**
 * Replace all deletes what the backup lacks a page of keys at a time (the whole table's keys are
 * never one array in memory): every page must be reached, and deleting a page's rows must not
 * make the next page skip any.
 */

let db: Dexie | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

async function tableOf(keys: string[]): Promise<Dexie.Table> {
  db = new Dexie(`restore-delete-pages-${Math.random()}`);
  db.version(1).stores({ rows: 'id' });
  await db.open();
  await db.table('rows').bulkPut(keys.map((id) => ({ id })));
  return db.table('rows');
}

describe('Replace all: deleting what the backup lacks, a page at a time', () => {
  const keys = Array.from({ length: 23 }, (_, i) => `k${String(i).padStart(2, '0')}`);

  it('deletes exactly the keys not kept, across pages, whichever page they fall in', async () => {
    const table = await tableOf(keys);
    // Keep every third key: every page of 4 loses some, and the last page is short.
    const keep = new Set(keys.filter((_, i) => i % 3 === 0));
    const deleted = await db!.transaction('rw', table, () => deleteAllExcept(table, keep, 4));
    expect(deleted).toBe(keys.length - keep.size);
    expect(await table.toCollection().primaryKeys()).toEqual([...keep]);
  });

  it('deletes a whole table when nothing is kept, and nothing when everything is', async () => {
    const table = await tableOf(keys);
    expect(await deleteAllExcept(table, new Set(keys), 5)).toBe(0);
    expect(await table.count()).toBe(keys.length);
    // A page size that divides the count exactly: the last, empty page ends the loop.
    expect(await deleteAllExcept(table, new Set(), 23)).toBe(23);
    expect(await table.count()).toBe(0);
    expect(await deleteAllExcept(table, new Set(), 5)).toBe(0);
  });
});
