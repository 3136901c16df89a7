import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesEqual, concatBytes } from '../../../src-shared/backup/bytes';
import { FORMAT_VERSION, MAGIC, TAG_LENGTH } from '../../../src-shared/backup/format';
import { BackupError, type BackupErrorCode } from '../../../src-shared/backup/index';
import {
  backupBytes,
  bodyStartOf,
  flipBit,
  headerJsonOf,
  PASSPHRASE,
  SCHEMA_VERSION,
  samplePractice,
  withHeader,
} from './helpers';
import { readAllRecords } from './whole-file';

/**
 * Issue 8, "bad files": a valid backup mutated at random is always refused with a BackupError
 * (never accepted, never another exception), and with the code the mutation calls for.
 */
const SEGMENT = 128;
let files: Uint8Array<ArrayBuffer>[] = [];

beforeAll(async () => {
  files = [
    await backupBytes(samplePractice(), { segmentSize: SEGMENT }),
    await backupBytes({ clients: samplePractice().clients! }, { segmentSize: SEGMENT }),
    await backupBytes({ settings: [] }),
  ];
});

type Mutation = (file: Uint8Array) => Promise<{ bytes: Uint8Array; expected: BackupErrorCode[] }>;
const always = (bytes: Uint8Array, ...expected: BackupErrorCode[]) => Promise.resolve({ bytes, expected });

/** A uniform place in the file, as a fraction (fast-check's own bias favours the start). */
const position = fc.noBias(fc.nat({ max: 999_999 })).map((n) => n / 1_000_000);
const at = (file: Uint8Array, where: number) => Math.floor(where * file.length);
const junk = fc.uint8Array({ minLength: 1, maxLength: 300 });

const mutations: fc.Arbitrary<{ name: string; mutate: Mutation }>[] = [
  fc.tuple(position, fc.integer({ min: 0, max: 7 })).map(([where, bit]) => ({
    name: `flip bit ${bit} at ${where}`,
    mutate: (file: Uint8Array) => {
      const index = at(file, where);
      return always(flipBit(file, index, bit), index < MAGIC.length ? 'NOT_A_BACKUP' : 'CORRUPTED');
    },
  })),
  fc
    .tuple(fc.array(fc.tuple(position, fc.integer({ min: 1, max: 255 })), { minLength: 2, maxLength: 8 }))
    .map(([flips]) => ({
      name: `xor ${flips.length} bytes`,
      mutate: (file: Uint8Array) => {
        const copy = new Uint8Array(file);
        const touched = new Set<number>();
        for (const [where, mask] of flips) {
          const index = at(file, where);
          if (touched.has(index)) continue;
          touched.add(index);
          copy[index] = copy[index]! ^ mask;
        }
        const magicTouched = [...touched].some((index) => index < MAGIC.length);
        return always(copy, magicTouched ? 'NOT_A_BACKUP' : 'CORRUPTED');
      },
    })),
  position.map((where) => ({
    name: `truncate at ${where}`,
    mutate: (file: Uint8Array) => {
      const length = at(file, where);
      return always(file.subarray(0, length), length === 0 ? 'NOT_A_BACKUP' : 'TRUNCATED');
    },
  })),
  junk.map((bytes) => ({
    name: `append ${bytes.length} bytes`,
    mutate: (file: Uint8Array) => always(concatBytes([file, bytes]), 'CORRUPTED'),
  })),
  junk.map((bytes) => ({
    name: `prepend ${bytes.length} bytes`,
    mutate: (file: Uint8Array) => always(concatBytes([bytes, file]), 'NOT_A_BACKUP'),
  })),
  fc.tuple(position, junk).map(([where, bytes]) => ({
    name: `insert ${bytes.length} bytes into the body`,
    mutate: (file: Uint8Array) => {
      const start = bodyStartOf(file);
      const index = start + Math.floor(where * (file.length - start));
      return always(concatBytes([file.subarray(0, index), bytes, file.subarray(index)]), 'CORRUPTED');
    },
  })),
  fc.tuple(position, fc.integer({ min: 1, max: 200 })).map(([where, length]) => ({
    name: `cut ${length} bytes out of the body`,
    mutate: (file: Uint8Array) => {
      const start = bodyStartOf(file);
      const index = start + Math.floor(where * (file.length - start));
      return always(concatBytes([file.subarray(0, index), file.subarray(index + length)]), 'TRUNCATED');
    },
  })),
  fc.tuple(position, junk).map(([where, bytes]) => ({
    name: `overwrite ${bytes.length} bytes`,
    mutate: (file: Uint8Array) => {
      const index = at(file, where);
      const copy = new Uint8Array(file);
      copy.set(bytes.subarray(0, file.length - index), index);
      const magicTouched = index < MAGIC.length;
      // Random bytes over the length field can, rarely, still agree with their complement.
      return always(
        copy,
        ...(magicTouched ? ['NOT_A_BACKUP' as const] : ['CORRUPTED' as const, 'TRUNCATED' as const]),
      );
    },
  })),
  fc.jsonValue().map((value) => ({
    name: 'the whole file replaced by JSON',
    mutate: () => always(new TextEncoder().encode(JSON.stringify(value) ?? 'null'), 'NOT_A_BACKUP'),
  })),
  fc.jsonValue().map((value) => ({
    name: 'a header of valid JSON in the wrong shape (digest recomputed)',
    mutate: async (file: Uint8Array) => ({ bytes: await withHeader(file, value), expected: ['CORRUPTED'] }),
  })),
  fc
    .record({
      format: fc.constant('stillpoint-backup'),
      formatVersion: fc.integer({ min: FORMAT_VERSION + 1, max: 1e9 }),
    })
    .chain((base) => fc.tuple(fc.constant(base), fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 })))
    .map(([base, extra]) => ({
      name: `a header from format version ${base.formatVersion}`,
      mutate: async (file: Uint8Array) => ({
        bytes: await withHeader(file, { ...extra, ...base }),
        expected: ['NEWER_VERSION'],
      }),
    })),
  fc.integer({ min: SCHEMA_VERSION + 1, max: 1_000_000 }).map((schemaVersion) => ({
    name: `a header from schema version ${schemaVersion}`,
    mutate: async (file: Uint8Array) => ({
      bytes: await withHeader(file, { ...headerJsonOf(file), schemaVersion }),
      expected: ['NEWER_VERSION'],
    }),
  })),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => ({
    name: 'two segments swapped',
    mutate: (file: Uint8Array) => {
      const start = bodyStartOf(file);
      const size = SEGMENT + TAG_LENGTH;
      const full = Math.floor((file.length - start) / size);
      if (full < 2) return always(concatBytes([file, new Uint8Array([1])]), 'CORRUPTED');
      const i = a % full;
      const j = (i + 1 + (b % (full - 1))) % full;
      const copy = new Uint8Array(file);
      copy.set(file.subarray(start + i * size, start + (i + 1) * size), start + j * size);
      copy.set(file.subarray(start + j * size, start + (j + 1) * size), start + i * size);
      return always(copy, 'CORRUPTED');
    },
  })),
];

describe('random mutations of a valid backup', () => {
  it('1,200 mutations: each refused with a BackupError of the expected code', async () => {
    const counts = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.oneof(...mutations), async (which, mutation) => {
        const file = files[which % files.length]!;
        const { bytes, expected } = await mutation.mutate(file);
        fc.pre(!bytesEqual(bytes, file));
        let outcome: unknown;
        try {
          await readAllRecords(bytes, PASSPHRASE, { maxSchemaVersion: SCHEMA_VERSION });
          outcome = 'accepted';
        } catch (error) {
          outcome = error;
        }
        if (!(outcome instanceof BackupError)) {
          throw new Error(`${mutation.name}: expected a BackupError, got ${String(outcome)}`);
        }
        expect(expected, `${mutation.name}: ${outcome.code} (${outcome.detail})`).toContain(outcome.code);
        counts.set(outcome.code, (counts.get(outcome.code) ?? 0) + 1);
      }),
      { numRuns: 1200 },
    );
    const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThanOrEqual(1000);
    for (const code of ['NOT_A_BACKUP', 'TRUNCATED', 'CORRUPTED', 'NEWER_VERSION'] as const) {
      expect(counts.get(code) ?? 0, code).toBeGreaterThan(20);
    }
    console.log('mutation outcomes', Object.fromEntries(counts));
  });
});
