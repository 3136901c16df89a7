import { zlibSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { concatBytes } from '../../../src-shared/backup/bytes';
import { HEADER_DIGEST_LENGTH, MAGIC, PRELUDE_LENGTH, TAG_LENGTH } from '../../../src-shared/backup/format';
import {
  backupErrorMessages,
  readBackupHeader,
  writeBackup,
  zodValidator,
} from '../../../src-shared/backup/index';
import { sealSegments } from '../../../src-shared/backup/writer';
import {
  asAsync,
  backupBytes,
  bodyStartOf,
  expectCode,
  flipBit,
  headerJsonOf,
  headerLengthOf,
  PASSPHRASE,
  readError,
  rejection,
  SCHEMA_VERSION,
  samplePractice,
  testKey,
  withHeader,
} from './helpers';
import { readAllRecords, validateAllRecords } from './whole-file';

describe('a wrong passphrase', () => {
  it('fails fast and distinctly', async () => {
    const bytes = await backupBytes(samplePractice());
    const error = await expectCode(bytes, 'WRONG_PASSPHRASE', 'correct horse battery stapler');
    expect(error.message).toBe('That passphrase does not open this backup. Check it and try again.');
    await expectCode(bytes, 'WRONG_PASSPHRASE', '');
  });
});

describe('files that are not backups', () => {
  it.each([
    ['an empty file', new Uint8Array(0)],
    ['a text file', new TextEncoder().encode('Dear diary, today I backed up nothing.')],
    [
      'a JSON file',
      new TextEncoder().encode(JSON.stringify({ format: 'stillpoint-backup', formatVersion: 1 })),
    ],
    ['a PDF', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj')],
    ['one wrong byte', new Uint8Array([0x00])],
  ])('%s is NOT_A_BACKUP', async (_name, bytes) => {
    const error = await expectCode(bytes, 'NOT_A_BACKUP');
    expect(error.message).toBe('This file is not a Stillpoint backup.');
  });

  it('junk before a real backup is NOT_A_BACKUP', async () => {
    const bytes = await backupBytes(samplePractice());
    await expectCode(concatBytes([new Uint8Array([0xef, 0xbb, 0xbf]), bytes]), 'NOT_A_BACKUP');
  });
});

describe('damage, by byte position class', () => {
  it('every bit position maps to the code of its region', async () => {
    const bytes = await backupBytes(samplePractice(), { segmentSize: 256 });
    const headerLength = headerLengthOf(bytes);
    const bodyStart = bodyStartOf(bytes);
    const segments = Math.ceil((bytes.length - bodyStart) / (256 + TAG_LENGTH));
    expect(segments).toBeGreaterThanOrEqual(3);
    const regionOf = (position: number) => {
      if (position < MAGIC.length) return 'magic';
      if (position < MAGIC.length + 4) return 'header length';
      if (position < PRELUDE_LENGTH) return 'header length complement';
      if (position < PRELUDE_LENGTH + headerLength) return 'header JSON';
      if (position < bodyStart) return 'header digest';
      const inSegment = (position - bodyStart) % (256 + TAG_LENGTH);
      const segment = Math.floor((position - bodyStart) / (256 + TAG_LENGTH));
      const last = segment === segments - 1 ? 'final ' : '';
      const segmentEnd =
        segment === segments - 1 ? bytes.length - bodyStart - segment * (256 + TAG_LENGTH) : 256 + TAG_LENGTH;
      return `${last}segment ${inSegment >= segmentEnd - TAG_LENGTH ? 'tag' : 'ciphertext'}`;
    };
    const seen = new Map<string, number>();
    for (let position = 0; position < bytes.length; position++) {
      const region = regionOf(position);
      const error = await readError(flipBit(bytes, position, position % 8));
      const expected = region === 'magic' ? 'NOT_A_BACKUP' : 'CORRUPTED';
      expect(error.code, `${region} at byte ${position}: ${error.detail}`).toBe(expected);
      seen.set(region, (seen.get(region) ?? 0) + 1);
    }
    expect([...seen.keys()].sort()).toEqual(
      [
        'magic',
        'header length',
        'header length complement',
        'header JSON',
        'header digest',
        'segment ciphertext',
        'segment tag',
        'final segment ciphertext',
        'final segment tag',
      ].sort(),
    );
  });

  it('a damaged salt or passphrase check is CORRUPTED, not a wrong passphrase', async () => {
    const bytes = await backupBytes(samplePractice());
    const text = new TextDecoder().decode(bytes.subarray(0, bodyStartOf(bytes)));
    for (const field of ['"salt":"', '"passphraseCheck":"', '"nonce":"', '"iterations":']) {
      const position = text.indexOf(field) + field.length + 1;
      const error = await expectCode(flipBit(bytes, position, 1), 'CORRUPTED');
      expect(error.message).toBe('This backup file is damaged and cannot be restored.');
    }
  });

  it('reordered, dropped and repeated segments are caught', async () => {
    const bytes = await backupBytes(samplePractice(), { segmentSize: 256 });
    const start = bodyStartOf(bytes);
    const size = 256 + TAG_LENGTH;
    const head = bytes.subarray(0, start);
    const s0 = bytes.subarray(start, start + size);
    const s1 = bytes.subarray(start + size, start + 2 * size);
    const rest = bytes.subarray(start + 2 * size);
    await expectCode(concatBytes([head, s1, s0, rest]), 'CORRUPTED');
    await expectCode(concatBytes([head, s0, rest]), 'TRUNCATED');
    await expectCode(concatBytes([head, s0, s0, rest]), 'CORRUPTED');
    await expectCode(concatBytes([head, s0, s1, rest, s1]), 'CORRUPTED');
  });

  it('junk after the final segment is CORRUPTED', async () => {
    const bytes = await backupBytes(samplePractice());
    await expectCode(concatBytes([bytes, new Uint8Array([0])]), 'CORRUPTED');
    await expectCode(concatBytes([bytes, bytes]), 'CORRUPTED');
  });
});

describe('truncation', () => {
  it('at every length is TRUNCATED (NOT_A_BACKUP only for an empty file)', async () => {
    const bytes = await backupBytes(samplePractice(), { segmentSize: 256 });
    await expectCode(bytes.subarray(0, 0), 'NOT_A_BACKUP');
    for (let length = 1; length < bytes.length; length++) {
      const error = await readError(bytes.subarray(0, length));
      expect(error.code, `length ${length}: ${error.detail}`).toBe('TRUNCATED');
    }
    const error = await readError(bytes.subarray(0, 100));
    expect(error.message).toBe('This backup file is incomplete: it may not have finished copying.');
  });

  it('is reported before the passphrase is checked', async () => {
    const bytes = await backupBytes(samplePractice());
    await expectCode(bytes.subarray(0, bytes.length - 1), 'TRUNCATED', 'not the passphrase');
  });
});

describe('versions', () => {
  it('a newer format version is refused with an update message', async () => {
    const bytes = await backupBytes(samplePractice());
    const future = await withHeader(bytes, {
      format: 'stillpoint-backup',
      formatVersion: 3,
      somethingNew: true,
    });
    const error = await expectCode(future, 'NEWER_VERSION');
    expect(error.message).toBe(
      'This backup was made by a newer Stillpoint; update Stillpoint to restore it.',
    );
    await expect(readBackupHeader(future, { maxSchemaVersion: SCHEMA_VERSION })).rejects.toMatchObject({
      code: 'NEWER_VERSION',
    });
  });

  it('a newer database schema is refused; an older one is read', async () => {
    const bytes = await backupBytes(samplePractice());
    const error = await readError(bytes, PASSPHRASE, SCHEMA_VERSION - 1);
    expect(error.code).toBe('NEWER_VERSION');
    const { tables } = await readAllRecords(bytes, PASSPHRASE, { maxSchemaVersion: SCHEMA_VERSION + 5 });
    expect(tables.clients).toHaveLength(2);
  });

  it.each([
    ['too few iterations', { kdf: { iterations: 599_999 } }],
    ['too many iterations', { kdf: { iterations: 10_000_001 } }],
    ['an older format version', { formatVersion: 0 }],
    ['a string schema version', { schemaVersion: '3' }],
    ['a short salt', { kdf: { salt: 'AAAA' } }],
    ['another cipher', { cipher: { name: 'AES-128-CBC' } }],
    ['a tiny segment size', { cipher: { segmentSize: 1 } }],
    ['no counts', { counts: undefined }],
    ['a bad table name', { counts: { 'no spaces': 1 } }],
    ['another format name', { format: 'other-backup' }],
  ])('a well-formed header with %s is CORRUPTED, before any key is derived', async (_name, patch) => {
    const bytes = await backupBytes(samplePractice());
    const header = headerJsonOf(bytes);
    const patched: Record<string, unknown> = { ...header };
    for (const [key, value] of Object.entries(patch)) {
      patched[key] =
        typeof value === 'object' && value !== null
          ? { ...(header[key] as Record<string, unknown>), ...value }
          : value;
    }
    const patchedBytes = await withHeader(bytes, patched);
    const derive = vi.spyOn(globalThis.crypto.subtle, 'deriveBits');
    try {
      const error = await readError(patchedBytes, 'a passphrase never derived before');
      expect(error.code, error.detail).toBe('CORRUPTED');
      expect(derive).not.toHaveBeenCalled();
    } finally {
      derive.mockRestore();
    }
  });

  it.each([
    ['an array', [1, 2, 3]],
    ['a string', 'stillpoint-backup'],
    ['null', null],
  ])('a header that is %s is CORRUPTED', async (_name, header) => {
    const bytes = await backupBytes(samplePractice());
    await expectCode(await withHeader(bytes, header), 'CORRUPTED');
  });

  it('a header with a changed count (digest recomputed) fails authentication', async () => {
    const bytes = await backupBytes(samplePractice());
    const header = headerJsonOf(bytes);
    const changed = await withHeader(bytes, {
      ...header,
      counts: { ...(header.counts as object), clients: 3 },
    });
    await expectCode(changed, 'CORRUPTED');
  });
});

/** Seals an authentic file around any body text, as a buggy writer could. */
async function sealedBody(body: Uint8Array, counts: Record<string, number>, compress = true) {
  const compressed = compress ? zlibSync(body) : body;
  const written = await sealSegments({
    key: await testKey(),
    appVersion: '0.1.0',
    schemaVersion: SCHEMA_VERSION,
    createdAt: '2025-11-26T09:30:00.000Z',
    counts,
    segmentSize: 1 << 20,
    segments: [new Uint8Array(compressed)],
  });
  return concatBytes(written.chunks);
}

describe('authentic files with a bad body', () => {
  const encode = (text: string) => new TextEncoder().encode(text);
  it.each([
    ['a line that is not JSON', '{"t":"clients","r":{"id":"c1"}\n', { clients: 1 }],
    ['a line of the wrong shape', '[1,2,3]\n', { clients: 1 }],
    ['a line without a record', '{"t":"clients"}\n', { clients: 1 }],
    ['a table the header does not list', '{"t":"secrets","r":{}}\n', { clients: 1 }],
    ['fewer records than counted', '{"t":"clients","r":{"id":"c1"}}\n', { clients: 2 }],
    ['more records than counted', '{"t":"clients","r":{}}\n{"t":"clients","r":{}}\n', { clients: 1 }],
    ['an unterminated last line', '{"t":"clients","r":{"id":"c1"}}', { clients: 1 }],
    ['a blank line', '{"t":"clients","r":{"id":"c1"}}\n\n', { clients: 1 }],
  ])('%s is CORRUPTED', async (_name, text, counts) => {
    await expectCode(await sealedBody(encode(text), counts), 'CORRUPTED');
  });

  it('invalid UTF-8 is CORRUPTED', async () => {
    const body = concatBytes([
      encode('{"t":"clients","r":{"n":"'),
      new Uint8Array([0xc3, 0x28]),
      encode('"}}\n'),
    ]);
    await expectCode(await sealedBody(body, { clients: 1 }), 'CORRUPTED');
  });

  it('a body that is not zlib is CORRUPTED', async () => {
    await expectCode(
      await sealedBody(encode('{"t":"clients","r":{}}\n'), { clients: 1 }, false),
      'CORRUPTED',
    );
  });

  it('a zlib stream cut short is CORRUPTED', async () => {
    const compressed = zlibSync(encode('{"t":"clients","r":{"id":"c1"}}\n'.repeat(50)));
    await expectCode(
      await sealedBody(compressed.subarray(0, compressed.length - 9), { clients: 50 }, false),
      'CORRUPTED',
    );
  });
});

describe('invalid records', () => {
  const Client = z.object({
    id: z.string(),
    name: z.string().min(1, 'Enter a name'),
    email: z.string().includes('@', { message: 'Enter an email address with an @' }).nullable(),
    updatedAt: z.string(),
  });
  const validators = { clients: zodValidator(Client), sessions: zodValidator(z.object({ id: z.string() })) };

  it('are refused with INVALID_RECORDS naming table, record and field', async () => {
    const bytes = await backupBytes({
      clients: [
        { id: 'c1', name: 'Ann', email: null, updatedAt: 'x' },
        { id: 'c2', name: 'Ben', email: 'no-at-sign', updatedAt: 'x' },
      ],
    });
    const backupError = await rejection(
      readAllRecords(bytes, PASSPHRASE, { maxSchemaVersion: SCHEMA_VERSION, validators }),
    );
    expect(backupError.code).toBe('INVALID_RECORDS');
    expect(backupError.failures).toEqual([
      { table: 'clients', index: 1, id: 'c2', field: 'email', message: 'Enter an email address with an @' },
    ]);
    expect(backupError.message).toContain(
      'clients record 2 (id c2), field email: Enter an email address with an @',
    );
  });

  it('a table this version does not know is INVALID_RECORDS', async () => {
    const bytes = await backupBytes({ mysteries: [{ id: 'm1' }] });
    const error = await rejection(
      readAllRecords(bytes, PASSPHRASE, {
        maxSchemaVersion: SCHEMA_VERSION,
        validators,
      }),
    );
    expect(error.code).toBe('INVALID_RECORDS');
    expect(error.message).toContain('mysteries record 1');
  });

  it('a record that is not an object is INVALID_RECORDS, even without validators', async () => {
    const bytes = await sealedBody(new TextEncoder().encode('{"t":"clients","r":42}\n'), { clients: 1 });
    await expectCode(bytes, 'INVALID_RECORDS');
  });

  it('names only the first few failures', async () => {
    const clients = Array.from({ length: 20 }, (_, i) => ({
      id: `c${i}`,
      name: '',
      email: null,
      updatedAt: 'x',
    }));
    const bytes = await backupBytes({ clients });
    const error = await rejection(
      readAllRecords(bytes, PASSPHRASE, {
        maxSchemaVersion: SCHEMA_VERSION,
        validators,
        maxFailures: 3,
      }),
    );
    expect(error.code).toBe('INVALID_RECORDS');
    expect(error.failures.map((f) => f.index)).toEqual([0, 1, 2]);
  });

  it('validateAllRecords checks every record before anything is written', () => {
    const good = { clients: [{ id: 'c1', name: 'Ann', email: null, updatedAt: 'x' }] };
    expect(validateAllRecords(good, validators)).toEqual({ ok: true, tables: good });
    const bad = validateAllRecords(
      {
        clients: [...good.clients, { id: 'c2', name: '', email: 'a', updatedAt: 'x' }],
        sessions: [{ id: 5 }],
      },
      validators,
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('INVALID_RECORDS');
    expect(bad.error.failures.map((f) => `${f.table}#${f.index}.${f.field}`)).toEqual([
      'clients#1.name',
      'clients#1.email',
      'sessions#0.id',
    ]);
  });

  it('the writer refuses invalid records, so no unrestorable backup is made', async () => {
    const error = await rejection(
      writeBackup({
        key: await testKey(),
        appVersion: '0.1.0',
        schemaVersion: SCHEMA_VERSION,
        tables: asAsync([
          { table: 'clients', records: [{ id: 'c1', name: '', email: null, updatedAt: 'x' }] },
        ]),
        validators,
      }),
    );
    expect(error.code).toBe('INVALID_RECORDS');
    expect(error.message).toMatch(/^Some records are not valid, so no backup was made\. clients record 1/);
    const notObject = await rejection(
      writeBackup({
        key: await testKey(),
        appVersion: '0.1.0',
        schemaVersion: SCHEMA_VERSION,
        tables: [{ table: 'clients', records: [new Date()] }],
      }),
    );
    expect(notObject.code).toBe('INVALID_RECORDS');
  });
});

it('every message in the table is plain words', () => {
  for (const message of Object.values(backupErrorMessages)) expect(message).toMatch(/^[A-Z][^{}<>]*\.$/);
  expect(HEADER_DIGEST_LENGTH).toBe(32);
});
