import { expect } from 'vitest';
import { concatBytes, readUint32BE, writeUint32BE } from '../../../src-shared/backup/bytes';
import { HEADER_DIGEST_LENGTH, MAGIC, PRELUDE_LENGTH } from '../../../src-shared/backup/format';
import {
  BackupError,
  type BackupErrorCode,
  type BackupKey,
  deriveBackupKey,
  type RecordBatch,
  type WriteBackupOptions,
  writeBackup,
} from '../../../src-shared/backup/index';
import type { BackupFileEntry, StreamBackupOptions } from '../../../src-shared/backup/stream-writer';
import { readAllRecords } from './whole-file';

export const PASSPHRASE = 'correct horse battery staple';
/** One salt for the whole suite: with the key cache, PBKDF2 (600,000 iterations) runs once. */
export const TEST_SALT = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
export const SCHEMA_VERSION = 3;

let sharedKey: Promise<BackupKey> | undefined;
export function testKey(): Promise<BackupKey> {
  sharedKey ??= deriveBackupKey(PASSPHRASE, { salt: TEST_SALT });
  return sharedKey;
}

export type Tables = Record<string, Record<string, unknown>[]>;

export function batchesOf(tables: Tables, chunk = 3): RecordBatch[] {
  const out: RecordBatch[] = [];
  for (const [table, records] of Object.entries(tables)) {
    if (records.length === 0) out.push({ table, records: [] });
    for (let i = 0; i < records.length; i += chunk) out.push({ table, records: records.slice(i, i + chunk) });
  }
  return out;
}

export async function* asAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const item of items) yield item;
}

export async function backupBytes(
  tables: Tables,
  options: Partial<WriteBackupOptions> = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const written = await writeBackup({
    key: await testKey(),
    appVersion: '0.1.0',
    schemaVersion: SCHEMA_VERSION,
    tables: asAsync(batchesOf(tables)),
    counts: Object.fromEntries(Object.entries(tables).map(([table, records]) => [table, records.length])),
    now: () => new Date('2025-11-26T09:30:00.000Z'),
    ...options,
  });
  const bytes = concatBytes(written.chunks);
  expect(bytes.length).toBe(written.byteLength);
  return bytes;
}

export function readBack(bytes: Uint8Array, passphrase = PASSPHRASE) {
  return readAllRecords(bytes, passphrase, { maxSchemaVersion: SCHEMA_VERSION });
}

/** Resolves to the BackupError a read fails with; fails the test on success or another error. */
export async function readError(
  bytes: Uint8Array,
  passphrase = PASSPHRASE,
  maxSchemaVersion = SCHEMA_VERSION,
): Promise<BackupError> {
  try {
    await readAllRecords(bytes, passphrase, { maxSchemaVersion });
  } catch (error) {
    if (error instanceof BackupError) return error;
    throw new Error(`Expected a BackupError, got ${String(error)}`, { cause: error });
  }
  throw new Error('Expected the read to fail, but it succeeded');
}

export async function expectCode(bytes: Uint8Array, code: BackupErrorCode, passphrase = PASSPHRASE) {
  const error = await readError(bytes, passphrase);
  expect(error.code, error.detail).toBe(code);
  return error;
}

export function headerLengthOf(bytes: Uint8Array): number {
  return readUint32BE(bytes, MAGIC.length);
}

export function bodyStartOf(bytes: Uint8Array): number {
  return PRELUDE_LENGTH + headerLengthOf(bytes) + HEADER_DIGEST_LENGTH;
}

export function headerJsonOf(bytes: Uint8Array): Record<string, unknown> {
  const length = headerLengthOf(bytes);
  return JSON.parse(new TextDecoder().decode(bytes.subarray(PRELUDE_LENGTH, PRELUDE_LENGTH + length)));
}

/**
 * Replaces the header with any JSON and a correct length and digest, as a newer app (or a
 * buggy one) would write it. The body is kept as it is.
 */
export async function withHeader(bytes: Uint8Array, header: unknown): Promise<Uint8Array<ArrayBuffer>> {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const prelude = new Uint8Array(PRELUDE_LENGTH);
  prelude.set(MAGIC);
  writeUint32BE(prelude, MAGIC.length, json.length);
  writeUint32BE(prelude, MAGIC.length + 4, ~json.length >>> 0);
  const digested = concatBytes([prelude, json]);
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', digested));
  return concatBytes([digested, digest, bytes.subarray(bodyStartOf(bytes))]);
}

export function flipBit(bytes: Uint8Array, position: number, bit = 0): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes);
  copy[position] = copy[position]! ^ (1 << bit);
  return copy;
}

/** A small practice: a client with history, signed and draft notes, audit entries, settings. */
export function samplePractice(): Tables {
  const clients = [
    {
      id: 'c1',
      name: 'Zoë Ångström',
      email: 'zoe@example.com',
      notes: 'Prefers mornings. 头痛 ✓ — مرحبا',
      updatedAt: '2025-01-02T10:00:00.000Z',
    },
    {
      id: 'c2',
      name: 'Bob "the builder", Jr.',
      email: null,
      notes: 'Line one\nline two',
      updatedAt: '2025-02-01T08:00:00Z',
    },
  ];
  const sessions = Array.from({ length: 25 }, (_, i) => ({
    id: `s${i}`,
    clientId: i % 2 ? 'c1' : 'c2',
    date: `2025-0${1 + (i % 9)}-1${i % 10}`,
    notes: `Session ${i}: occiput release, still point reached. 🧘‍♀️ ${'x'.repeat(i * 7)}`,
    signedAt: i % 3 === 0 ? '2025-03-01T12:00:00.000Z' : null,
    updatedAt: `2025-03-0${1 + (i % 9)}T12:00:00.000Z`,
  }));
  return {
    clients,
    healthHistories: [
      { id: 'h1', clientId: 'c1', conditions: ['migraine'], updatedAt: '2025-01-02T10:00:00Z' },
    ],
    sessions,
    auditLog: Array.from({ length: 10 }, (_, i) => ({
      id: `a${i}`,
      action: 'sign',
      at: '2025-03-01T12:00:00Z',
      updatedAt: '2025-03-01T12:00:00Z',
    })),
    settings: [{ id: 'settings', theme: 'calm', updatedAt: '2025-01-01T00:00:00Z' }],
  };
}

/** The BackupError a promise rejects with; fails the test if it resolves or rejects otherwise. */
export async function rejection(promise: Promise<unknown>): Promise<BackupError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BackupError) return error;
    throw new Error(`Expected a BackupError, got ${String(error)}`, { cause: error });
  }
  throw new Error('Expected a rejection, but the promise resolved');
}

/**
 * `writeBackupStream`'s options for a backup of these documents alone: their records in the
 * attachments table, and their bytes. The caller adds the sink (and any other option).
 */
export async function documentsOnlyBackup(
  entries: BackupFileEntry[],
): Promise<Omit<StreamBackupOptions, 'sink'>> {
  return {
    key: await testKey(),
    appVersion: '0.1.0',
    schemaVersion: SCHEMA_VERSION,
    tables: asAsync([
      { table: 'attachments', records: entries.map(({ id, size, sha256 }) => ({ id, size, sha256 })) },
    ]),
    counts: { attachments: entries.length },
    files: {
      table: 'attachments',
      count: entries.length,
      bytes: entries.reduce((sum, entry) => sum + entry.size, 0),
      entries,
    },
  };
}
