import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../src-shared/backup/bytes';
import { sha256Hex } from '../../../src-shared/backup/file-hash';
import { openBackup } from '../../../src-shared/backup/index';
import { type BackupFileEntry, writeBackupStream } from '../../../src-shared/backup/stream-writer';
import { documentsOnlyBackup, PASSPHRASE, SCHEMA_VERSION } from './helpers';

/**
 * Reading overlaps the work on what was read (issue 15's throughput): the restore reads the next
 * segment while it decrypts the current one, the backup reads the next document while it seals
 * the current one. Shown by what has been asked for at a given step, never by timing.
 */

/** Bytes whose reads are answered only when the test says so. */
class HeldBlob {
  readonly asked: string[];
  private readonly answers: (() => void)[];

  constructor(
    private readonly name: string,
    private readonly bytes: Uint8Array<ArrayBuffer>,
    log: { asked: string[]; answers: (() => void)[] },
  ) {
    this.asked = log.asked;
    this.answers = log.answers;
  }

  get size(): number {
    return this.bytes.length;
  }

  slice(start = 0, end = this.bytes.length) {
    return {
      arrayBuffer: () => {
        this.asked.push(`${this.name}:${start}-${end}`);
        return new Promise<ArrayBuffer>((resolve) =>
          this.answers.push(() => resolve(this.bytes.slice(start, end).buffer)),
        );
      },
    };
  }
}

async function documents(log: { asked: string[]; answers: (() => void)[] }): Promise<BackupFileEntry[]> {
  return Promise.all(
    ['a', 'b', 'c'].map(async (id, i) => {
      const bytes = new Uint8Array(1000 + i).fill(i + 1);
      return { id, size: bytes.length, sha256: await sha256Hex(bytes), data: new HeldBlob(id, bytes, log) };
    }),
  );
}

/** Answers every read asked for so far, until `done` settles. */
async function answerUntil(log: { answers: (() => void)[] }, done: Promise<unknown>): Promise<void> {
  let settled = false;
  done.then(
    () => (settled = true),
    () => (settled = true),
  );
  while (!settled) {
    for (const answer of log.answers.splice(0)) answer();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

describe('reading ahead', () => {
  it('the restore asks for the next segment before the current one is taken apart', async () => {
    const log = { asked: [] as string[], answers: [] as (() => void)[] };
    const files = await documents(log);
    const chunks: Uint8Array[] = [];
    const made = writeBackupStream({
      ...(await documentsOnlyBackup(files)),
      sink: async (chunk) => {
        chunks.push(chunk);
      },
    });
    await answerUntil(log, made);
    await made;

    // The file reads back whole, and the restore reads one segment ahead of the one it works on.
    const file = concatBytes(chunks);
    const readLog = { asked: [] as string[], answers: [] as (() => void)[] };
    const source = new HeldBlob('file', file, readLog);
    const opening = openBackup(source, PASSPHRASE, { maxSchemaVersion: SCHEMA_VERSION });
    const opened = await (async () => {
      const answering = answerUntil(readLog, opening);
      const value = await opening;
      await answering;
      return value;
    })();
    const seen: string[] = [];
    let lastAskedWhenFirstSeen = '';
    const reading = (async () => {
      for await (const item of opened.batches()) {
        if (!('file' in item)) continue;
        if (seen.length === 0) lastAskedWhenFirstSeen = readLog.asked.at(-1)!;
        seen.push(item.file.id);
      }
    })();
    await answerUntil(readLog, reading);
    await reading;
    expect(seen).toEqual(['a', 'b', 'c']);
    // Document a is handed out once b's segment has been taken apart (a new id ends a); by then
    // the segment after b, c's (the last, ending the file), has already been asked for.
    expect(lastAskedWhenFirstSeen).toMatch(new RegExp(`-${file.length}$`));
    const ranges = readLog.asked.slice(2); // after the header and the first segment's length
    expect(new Set(ranges).size).toBe(ranges.length); // each segment read once
  });

  it('the backup asks for the next document before the current one is sealed, and reports a damaged one in its turn', async () => {
    const log = { asked: [] as string[], answers: [] as (() => void)[] };
    const files = await documents(log);
    // c no longer matches its record: the backup must fail naming c, after a and b went out.
    files[2] = { ...files[2]!, sha256: files[2]!.sha256.replace(/^./, (c) => (c === '0' ? '1' : '0')) };
    const made = writeBackupStream({
      ...(await documentsOnlyBackup(files)),
      sink: async () => {},
    });
    made.catch(() => {});
    // Nothing is answered until the first document has been asked for...
    while (log.asked.length === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setTimeout(resolve, 0));
    // ...and by then the second one is asked for too, before a byte of the first has come.
    expect(log.asked).toEqual(['a:0-1000', 'b:0-1001']);
    await answerUntil(log, made);
    const error = await made.then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toMatchObject({
      code: 'INVALID_RECORDS',
      failures: [{ table: 'attachments', index: 2, id: 'c', field: 'sha256' }],
    });
    expect(log.asked).toEqual(['a:0-1000', 'b:0-1001', 'c:0-1002']);
  });
});
