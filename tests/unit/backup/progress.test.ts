import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../src-shared/backup/bytes';
import {
  BackupError,
  isFileItem,
  openBackup,
  type RecordBatch,
  writeBackup,
} from '../../../src-shared/backup/index';
import { backupBytes, PASSPHRASE, rejection, SCHEMA_VERSION, testKey } from './helpers';
import { readAllRecords } from './whole-file';

const notes = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `n${i}`,
    text: `note ${i} ${Math.random()}`,
    updatedAt: '2025-01-01T00:00:00Z',
  }));

async function* chunks(
  table: string,
  records: Record<string, unknown>[],
  size: number,
): AsyncGenerator<RecordBatch> {
  for (let i = 0; i < records.length; i += size) yield { table, records: records.slice(i, i + size) };
}

describe('progress', () => {
  it('the writer reports records written against the expected total, ending at total/total', async () => {
    const calls: [number, number][] = [];
    await writeBackup({
      key: await testKey(),
      appVersion: '0.1.0',
      schemaVersion: SCHEMA_VERSION,
      tables: chunks('sessions', notes(1000), 100),
      counts: { sessions: 1000 },
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls.length).toBeGreaterThanOrEqual(10);
    expect(calls.every(([, total]) => total === 1000)).toBe(true);
    expect(calls.map(([done]) => done)).toEqual([...calls.map(([done]) => done)].sort((a, b) => a - b));
    expect(calls.at(-1)).toEqual([1000, 1000]);
  });

  it('the reader reports records read against the count in the header', async () => {
    const bytes = await backupBytes({ sessions: notes(2000) }, { segmentSize: 4096 });
    const calls: [number, number][] = [];
    await readAllRecords(bytes, PASSPHRASE, {
      maxSchemaVersion: SCHEMA_VERSION,
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls.length).toBeGreaterThan(5);
    expect(calls.every(([, total]) => total === 2000)).toBe(true);
    expect(calls.at(-1)).toEqual([2000, 2000]);
  });
});

describe('cancel', () => {
  it('an abort while writing stops with CANCELLED and stops pulling records', async () => {
    const controller = new AbortController();
    let pulled = 0;
    async function* slow(): AsyncGenerator<RecordBatch> {
      for (let i = 0; i < 100; i++) {
        pulled++;
        if (i === 3) controller.abort();
        yield { table: 'sessions', records: notes(10) };
      }
    }
    const error = await rejection(
      writeBackup({
        key: await testKey(),
        appVersion: '0.1.0',
        schemaVersion: SCHEMA_VERSION,
        tables: slow(),
        signal: controller.signal,
      }),
    );
    expect(error).toBeInstanceOf(BackupError);
    expect(error.code).toBe('CANCELLED');
    expect(pulled).toBeLessThan(6);
  });

  it('an abort while reading stops with CANCELLED', async () => {
    const bytes = await backupBytes({ sessions: notes(3000) }, { segmentSize: 1024 });
    const controller = new AbortController();
    const opened = await openBackup(bytes, PASSPHRASE, {
      maxSchemaVersion: SCHEMA_VERSION,
      signal: controller.signal,
      batchSize: 100,
    });
    let read = 0;
    const error = await rejection(
      (async () => {
        for await (const batch of opened.batches()) {
          if (!isFileItem(batch)) read += batch.records.length;
          if (read >= 500) controller.abort();
        }
      })(),
    );
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).code).toBe('CANCELLED');
    expect(read).toBeLessThan(3000);
  });

  it('an already aborted signal cancels before any work', async () => {
    const controller = new AbortController();
    controller.abort();
    const bytes = await backupBytes({ sessions: notes(5) });
    await expect(
      readAllRecords(bytes, PASSPHRASE, { maxSchemaVersion: SCHEMA_VERSION, signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(
      writeBackup({
        passphrase: 'never derived',
        appVersion: '0.1.0',
        schemaVersion: 1,
        tables: [],
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('a written backup is a list of chunks that concatenate to the file', async () => {
    const written = await writeBackup({
      key: await testKey(),
      appVersion: '0.1.0',
      schemaVersion: SCHEMA_VERSION,
      tables: chunks('sessions', notes(500), 50),
      segmentSize: 2048,
    });
    expect(written.chunks.length).toBeGreaterThan(2);
    const { tables } = await readAllRecords(concatBytes(written.chunks), PASSPHRASE, {
      maxSchemaVersion: SCHEMA_VERSION,
    });
    expect(tables.sessions).toHaveLength(500);
  });
});
