import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { concatBytes } from '../../../src-shared/backup/bytes';
import {
  DEFAULT_ITERATIONS,
  deriveBackupKey,
  FORMAT_NAME,
  isFileItem,
  openBackup,
  readBackupHeader,
  toBase64,
  writeBackup,
  zodValidator,
} from '../../../src-shared/backup/index';
import {
  asAsync,
  backupBytes,
  batchesOf,
  PASSPHRASE,
  readBack,
  rejection,
  SCHEMA_VERSION,
  samplePractice,
  type Tables,
  testKey,
} from './helpers';
import { readAllRecords } from './whole-file';

describe('backup round trip', () => {
  it('gives back exactly the records that went in, with a readable header', async () => {
    const practice = samplePractice();
    const bytes = await backupBytes(practice, { dateRange: { table: 'sessions', field: 'date' } });
    const { info, tables } = await readBack(bytes);
    expect(tables).toEqual(practice);
    expect(info.header).toMatchObject({
      format: FORMAT_NAME,
      formatVersion: 1,
      appVersion: '0.1.0',
      schemaVersion: SCHEMA_VERSION,
      createdAt: '2025-11-26T09:30:00.000Z',
      counts: { clients: 2, healthHistories: 1, sessions: 25, auditLog: 10, settings: 1 },
      dateRange: { table: 'sessions', field: 'date', first: '2025-01-10', last: '2025-09-18' },
      kdf: { name: 'PBKDF2-SHA256', iterations: DEFAULT_ITERATIONS },
      cipher: { name: 'AES-256-GCM', segmentSize: 1 << 20 },
      body: { compression: 'zlib', encoding: 'ndjson' },
    });
    expect(info.totalRecords).toBe(39);
    expect(info.fileSize).toBe(bytes.length);
  });

  it('shows the preview header without the passphrase', async () => {
    const bytes = await backupBytes(samplePractice());
    const info = await readBackupHeader(bytes, { maxSchemaVersion: SCHEMA_VERSION });
    expect(info.header.counts.sessions).toBe(25);
    expect(info.segmentCount).toBe(1);
  });

  it('spans many segments and keeps interleaved chunks of a table in order', async () => {
    const practice = samplePractice();
    const bytes = await backupBytes(practice, { segmentSize: 64, compressionLevel: 0 });
    const info = await readBackupHeader(bytes, { maxSchemaVersion: SCHEMA_VERSION });
    expect(info.segmentCount).toBeGreaterThan(20);
    expect((await readBack(bytes)).tables).toEqual(practice);
  });

  it('reads from a Blob one segment at a time', async () => {
    const practice = samplePractice();
    const bytes = await backupBytes(practice, { segmentSize: 256 });
    const { tables } = await readAllRecords(new Blob([bytes]), PASSPHRASE, {
      maxSchemaVersion: SCHEMA_VERSION,
    });
    expect(tables).toEqual(practice);
  });

  it('lists empty tables and yields batches of the requested size', async () => {
    const bytes = await backupBytes({ clients: [], sessions: samplePractice().sessions! });
    const opened = await openBackup(bytes, PASSPHRASE, { maxSchemaVersion: SCHEMA_VERSION, batchSize: 10 });
    expect(opened.info.header.counts).toEqual({ clients: 0, sessions: 25 });
    const sizes: number[] = [];
    for await (const batch of opened.batches()) if (!isFileItem(batch)) sizes.push(batch.records.length);
    expect(sizes).toEqual([10, 10, 5]);
    // A second pass reads the file again.
    let again = 0;
    for await (const batch of opened.batches()) if (!isFileItem(batch)) again += batch.records.length;
    expect(again).toBe(25);
  });

  it('takes table and field names that are also names of Object.prototype members', async () => {
    const text = '{"constructor":[{"id":"x","toString":"a","__proto__":"b"}],"hasOwnProperty":[{"id":"y"}]}';
    const tables = JSON.parse(text);
    const bytes = await backupBytes(tables);
    const { info, tables: back } = await readBack(bytes);
    expect(info.header.counts).toEqual({ constructor: 1, hasOwnProperty: 1 });
    expect(JSON.stringify(back)).toBe(text);
  });

  it('returns the validated values when validators are given', async () => {
    const Client = z.object({ id: z.string(), name: z.string().trim(), updatedAt: z.string() });
    const bytes = await backupBytes({ clients: [{ id: 'c1', name: '  Ann  ', updatedAt: 'x', extra: 1 }] });
    const { tables } = await readAllRecords(bytes, PASSPHRASE, {
      maxSchemaVersion: SCHEMA_VERSION,
      validators: { clients: zodValidator(Client) },
    });
    expect(tables.clients).toEqual([{ id: 'c1', name: 'Ann', updatedAt: 'x' }]);
  });

  it('seals with a fresh salt from a passphrase, and opens with an NFD spelling of it', async () => {
    const passphrase = 'Crème brûlée 🍮 ünïcödé';
    const written = await writeBackup({
      passphrase,
      appVersion: '0.1.0',
      schemaVersion: 1,
      tables: [{ table: 'clients', records: [{ id: 'c1', updatedAt: '2025-01-01T00:00:00Z' }] }],
    });
    const bytes = concatBytes(written.chunks);
    const nfd = passphrase.normalize('NFD');
    expect(nfd).not.toBe(passphrase);
    const { tables } = await readAllRecords(bytes, nfd, { maxSchemaVersion: 1 });
    expect(tables.clients).toEqual([{ id: 'c1', updatedAt: '2025-01-01T00:00:00Z' }]);
  });

  it('derives the passphrase check of the test vector in docs/backup-format.md', async () => {
    const key = await testKey();
    expect(toBase64(key.salt)).toBe('AQIDBAUGBwgJCgsMDQ4PEA==');
    expect(key.iterations).toBe(600_000);
    expect(toBase64(key.passphraseCheck)).toBe('OF/PmrfouVxKDA8NmudIZCYSTlg35rbORAKPmbTE7QY=');
  });

  it('one key seals several files, each with its own nonce', async () => {
    const a = await backupBytes(samplePractice());
    const b = await backupBytes(samplePractice());
    const ha = (await readBackupHeader(a, { maxSchemaVersion: SCHEMA_VERSION })).header;
    const hb = (await readBackupHeader(b, { maxSchemaVersion: SCHEMA_VERSION })).header;
    expect(ha.kdf.salt).toBe(hb.kdf.salt);
    expect(ha.cipher.nonce).not.toBe(hb.cipher.nonce);
  });

  it('refuses to write with bad options', async () => {
    await expect(deriveBackupKey('pw', { iterations: 1000 })).rejects.toThrow(RangeError);
    await expect(deriveBackupKey('')).rejects.toThrow(RangeError);
    await expect(
      writeBackup({ appVersion: '1', schemaVersion: 1, tables: [], segmentSize: 10, passphrase: 'x' }),
    ).rejects.toThrow(RangeError);
    await expect(
      writeBackup({
        appVersion: '1',
        schemaVersion: 1,
        tables: [{ table: 'no spaces', records: [] }],
        key: await deriveBackupKey(PASSPHRASE, { salt: new Uint8Array(16).fill(1) }),
      }),
    ).rejects.toThrow(RangeError);
  });
});

/** Any JSON value that survives JSON exactly: no -0, no undefined, any Unicode in strings. */
const unicodeString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom('\n', '\r', '\u2028', '\u2029', '"', '\\', '\u0000', '\ud800', '\udfff', '}', '{'),
    maxLength: 10,
  }),
);
const jsonLeaf = fc.oneof(
  unicodeString,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  fc.boolean(),
  fc.constant(null),
);
const { value: jsonValue } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, jsonLeaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(unicodeString, tie('value'), { maxKeys: 4 }),
}));
const record = fc.record({
  id: fc.uuid(),
  updatedAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  text: unicodeString,
  data: fc.dictionary(unicodeString, jsonValue, { maxKeys: 5 }),
});
const tablesArb = fc.dictionary(
  fc.constantFrom('clients', 'healthHistories', 'sessions', 'auditLog', 'settings'),
  fc.array(record, { maxLength: 12 }),
  { minKeys: 1 },
);

describe('backup compression', () => {
  /** Many similar records, so the body spans several segments and compresses well. */
  function biggerPractice(): Tables {
    const base = samplePractice();
    const sessions: Record<string, unknown>[] = [];
    for (let i = 0; i < 3000; i++)
      sessions.push({ ...base.sessions![i % base.sessions!.length]!, id: `s-${i}` });
    return { ...base, sessions };
  }

  it('native zlib (CompressionStream) by default, fflate with a level: both give the same records', async () => {
    expect(typeof globalThis.CompressionStream).toBe('function');
    const practice = biggerPractice();
    const native = await backupBytes(practice, { segmentSize: 4096 });
    const fflate = await backupBytes(practice, { segmentSize: 4096, compressionLevel: 1 });
    // readBack inflates with fflate's Unzlib: the native body is the same zlib format.
    expect((await readBack(native)).tables).toEqual(practice);
    expect((await readBack(fflate)).tables).toEqual(practice);
    const nativeInfo = await readBackupHeader(native, { maxSchemaVersion: SCHEMA_VERSION });
    expect(nativeInfo.segmentCount).toBeGreaterThan(3);
    expect(nativeInfo.header.body).toMatchObject({ compression: 'zlib', encoding: 'ndjson' });
  });

  it('oneChunk gives the whole file as one buffer of the planned size', async () => {
    const practice = biggerPractice();
    const written = await writeBackup({
      key: await testKey(),
      appVersion: '0.1.0',
      schemaVersion: SCHEMA_VERSION,
      tables: asAsync(batchesOf(practice, 7)),
      segmentSize: 4096,
      oneChunk: true,
    });
    expect(written.chunks).toHaveLength(1);
    expect(written.chunks[0]!.length).toBe(written.byteLength);
    const info = await readBackupHeader(written.chunks[0]!, { maxSchemaVersion: SCHEMA_VERSION });
    expect(info.segmentCount).toBeGreaterThan(3);
    expect(info.fileSize).toBe(written.byteLength);
    expect((await readBack(written.chunks[0]!)).tables).toEqual(practice);
  });

  it('falls back to fflate where there is no CompressionStream', async () => {
    const practice = biggerPractice();
    vi.stubGlobal('CompressionStream', undefined);
    try {
      const bytes = await backupBytes(practice, { segmentSize: 4096 });
      expect((await readBack(bytes)).tables).toEqual(practice);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('an invalid record after the native compressor has started still fails with INVALID_RECORDS', async () => {
    const practice = biggerPractice();
    const sessions = practice.sessions!;
    sessions[2500] = { ...sessions[2500]!, date: 42 };
    const error = await rejection(
      backupBytes(practice, {
        validators: {
          clients: zodValidator(z.object({ id: z.string() }).loose()),
          healthHistories: zodValidator(z.object({}).loose()),
          sessions: zodValidator(z.object({ date: z.string() }).loose()),
          auditLog: zodValidator(z.object({}).loose()),
          settings: zodValidator(z.object({}).loose()),
        },
      }),
    );
    expect(error.code).toBe('INVALID_RECORDS');
    expect(error.message).toContain('s-2500');
  });
});

describe('backup round trip, property-based', () => {
  it('any records with any Unicode come back equal', async () => {
    await fc.assert(
      fc.asyncProperty(
        tablesArb,
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(64, 200, 4096),
        async (tables, chunk, segmentSize) => {
          const written = await writeBackup({
            key: await testKey(),
            appVersion: '0.1.0',
            schemaVersion: SCHEMA_VERSION,
            tables: asAsync(batchesOf(tables, chunk)),
            segmentSize,
          });
          const { tables: back } = await readBack(concatBytes(written.chunks));
          expect(back).toEqual(tables);
        },
      ),
      { numRuns: 150 },
    );
  });
});
