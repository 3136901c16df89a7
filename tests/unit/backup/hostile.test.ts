import { readFileSync } from 'node:fs';
import { constants, deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOT_STILLPOINT_BODY_MESSAGE } from '../../../src-shared/backup/errors';
import { MAX_LINE_BYTES, maxInflatedPerSegment, maxInflatedTotal } from '../../../src-shared/backup/format';
import { BackupError, type ReadOptions, writeBackup } from '../../../src-shared/backup/index';
import {
  asAsync,
  backupBytes,
  PASSPHRASE,
  readBack,
  SCHEMA_VERSION,
  samplePractice,
  testKey,
} from './helpers';
import {
  compressibleRecordsFile,
  deflateBombFile,
  identicalRecordsFile,
  longLineFile,
  sealCompressed,
} from './hostile-files';
import { readAllRecords } from './whole-file';

/**
 * Issue 13, finding 3: a 475 KB crafted file made the reader allocate 1.55 GB, a 1.9 MB one
 * 4.95 GB for 91 s before a misleading "not valid UTF-8", 2 million identical records 1.26 GB.
 * The reader now decompresses in 8 KB slices and checks its limits between them; these tests
 * count the bytes the decompressor produces (the `onInflate` hook) to show the work is bounded.
 */

/** What one 8 KB slice can unpack to at most (deflate's ~1032:1), the overshoot past a limit. */
const ONE_SLICE = 1032 * 8 * 1024 + 64 * 1024;

async function readCounting(bytes: Uint8Array, options: Partial<ReadOptions> = {}) {
  let inflated = 0;
  try {
    await readAllRecords(bytes, PASSPHRASE, {
      maxSchemaVersion: SCHEMA_VERSION,
      onInflate: (n) => {
        inflated += n;
      },
      ...options,
    });
  } catch (error) {
    if (error instanceof BackupError) return { error, inflated };
    throw error;
  }
  throw new Error('Expected the read to fail, but it succeeded');
}

describe('crafted backups are refused with bounded work', () => {
  it('a deflate bomb (64 MB of one letter in a 64 KB file) stops at the line limit, not after unpacking it all', async () => {
    const file = await deflateBombFile(64);
    expect(file.length).toBeLessThan(100 * 1024);
    const { error, inflated } = await readCounting(file);
    expect(error.code).toBe('CORRUPTED');
    expect(error.message).toBe(NOT_STILLPOINT_BODY_MESSAGE);
    expect(error.detail).toMatch(/record line 1 is longer than 16777216 bytes/);
    expect(inflated).toBeGreaterThan(MAX_LINE_BYTES);
    expect(inflated).toBeLessThan(MAX_LINE_BYTES + ONE_SLICE);
  });

  it('2 million copies of one record fail at the second copy, as the line arrives', async () => {
    const file = await identicalRecordsFile(2_000_000);
    expect(file.length).toBeLessThan(500 * 1024);
    const { error, inflated } = await readCounting(file, { uniqueKeys: { clients: 'id' } });
    expect(error.code).toBe('INVALID_RECORDS');
    expect(error.failures).toEqual([
      { table: 'clients', index: 1, id: 'c1', field: 'id', message: 'appears twice in the backup' },
    ]);
    expect(error.message).toContain('clients record 2 (id c1), field id: appears twice in the backup');
    // The text is 144 MB; the reader stops within the first slice's output.
    expect(inflated).toBeLessThan(ONE_SLICE);
  });

  it('distinct records that compress 1000 to 1 stop at the per-segment limit (256 x the segment size)', async () => {
    const segmentSize = 64 * 1024;
    const file = await compressibleRecordsFile(1_000, 64, segmentSize);
    const { error, inflated } = await readCounting(file);
    expect(error.code).toBe('CORRUPTED');
    expect(error.message).toBe(NOT_STILLPOINT_BODY_MESSAGE);
    expect(error.detail).toMatch(/^segment 0 unpacks to more than 16777216 bytes/);
    expect(inflated).toBeLessThan(maxInflatedPerSegment(segmentSize) + ONE_SLICE);
  });

  it('a small body that unpacks to far more than 256 times its size stops at the total limit', async () => {
    // One 1 MiB segment allows 256 MiB, but the body is only ~64 KB: the total limit comes first.
    const file = await compressibleRecordsFile(1_000, 64, 1 << 20);
    const compressed = file.length - 200;
    const { error, inflated } = await readCounting(file);
    expect(error.code).toBe('CORRUPTED');
    expect(error.detail).toMatch(/^the records unpack to more than \d+ bytes/);
    expect(inflated).toBeLessThan(maxInflatedTotal(compressed) + ONE_SLICE);
  });

  it('a record line over 16 MB of ordinary text is refused at the limit', async () => {
    const { error, inflated } = await readCounting(await longLineFile(20));
    expect(error.code).toBe('CORRUPTED');
    expect(error.message).toBe(NOT_STILLPOINT_BODY_MESSAGE);
    expect(error.detail).toMatch(/record line 1 is longer than/);
    expect(inflated).toBeLessThan(MAX_LINE_BYTES + ONE_SLICE);
  });

  it('a bomb that is not valid UTF-8 is still reported as damaged, from the first bad slice', async () => {
    const body = Buffer.alloc(64 * 1024 * 1024, 0xff);
    const file = await sealCompressed(
      new Uint8Array(deflateSync(body, { level: constants.Z_BEST_COMPRESSION })),
      {
        clients: 1,
      },
    );
    const { error, inflated } = await readCounting(file);
    expect(error.code).toBe('CORRUPTED');
    expect(error.detail).toBe('the records are not valid UTF-8');
    expect(inflated).toBeLessThan(ONE_SLICE);
  });
});

describe('real backups are not caught by the limits', () => {
  it('a record of 3 MB (a practice logo) reads back', async () => {
    const logo = 'iVBORw0KGgo'.repeat((3 * 1024 * 1024) / 11);
    const tables = { settings: [{ id: 'practice', logo, updatedAt: '2025-01-01T00:00:00Z' }] };
    const { tables: back } = await readBack(await backupBytes(tables));
    expect(back.settings).toEqual(tables.settings);
  });

  it('the writer refuses a record over 16 MB, naming it, so no unreadable backup is made', async () => {
    const huge = { id: 'big', notes: 'x'.repeat(MAX_LINE_BYTES), updatedAt: '2025-01-01T00:00:00Z' };
    const failure = await writeBackup({
      key: await testKey(),
      appVersion: '0.1.0',
      schemaVersion: SCHEMA_VERSION,
      tables: asAsync([{ table: 'clients', records: [huge] }]),
    }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(BackupError);
    expect((failure as BackupError).code).toBe('INVALID_RECORDS');
    expect((failure as BackupError).message).toContain(
      'clients record 1 (id big): is too large for a backup',
    );
  });

  it('a backup file written before the limits (tests/unit/backup/fixtures) still reads back whole', async () => {
    const file = new Uint8Array(readFileSync(`${__dirname}/fixtures/v1-sample-practice.stillpoint`));
    const { tables } = await readBack(file);
    expect(tables).toEqual(samplePractice());
  });
});

describe('crafted bodies, fuzzed', () => {
  it('whatever the shape (segment size, repeats, padding, line breaks), the work stays within the limits', async () => {
    const shapes = fc.record({
      segmentSize: fc.integer({ min: 64, max: 16 * 1024 }),
      records: fc.integer({ min: 1, max: 200 }),
      padKb: fc.integer({ min: 0, max: 96 }),
      sameId: fc.boolean(),
      breakEvery: fc.option(fc.integer({ min: 1, max: 5_000 }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(shapes, async ({ segmentSize, records, padKb, sameId, breakEvery }) => {
        const pad = 'A'.repeat(padKb * 1024);
        let text = '';
        for (let i = 0; i < records; i++)
          text += `{"t":"clients","r":{"id":"c${sameId ? 0 : i}","pad":"${pad}"}}\n`;
        if (breakEvery) text = text.replace(new RegExp(`(.{${breakEvery}})`, 'gs'), '$1\n');
        const compressed = new Uint8Array(deflateSync(Buffer.from(text), { level: 9 }));
        const file = await sealCompressed(compressed, { clients: records }, segmentSize);
        let inflated = 0;
        const outcome = await readAllRecords(file, PASSPHRASE, {
          maxSchemaVersion: SCHEMA_VERSION,
          uniqueKeys: { clients: 'id' },
          onInflate: (n) => {
            inflated += n;
          },
        }).then(
          () => 'read',
          (error: unknown) => (error instanceof BackupError ? error.code : `unexpected ${String(error)}`),
        );
        expect(['read', 'CORRUPTED', 'INVALID_RECORDS']).toContain(outcome);
        expect(inflated).toBeLessThanOrEqual(maxInflatedTotal(compressed.length) + ONE_SLICE);
        if (outcome === 'read') expect(inflated).toBe(Buffer.byteLength(text));
      }),
      { numRuns: 12 },
    );
  }, 180_000);
});
