import { describe, expect, it } from 'vitest';
import { openBackup, type RecordBatch, writeBackup } from '../../../src-shared/backup/index';
import { PASSPHRASE, testKey } from './helpers';

/**
 * A measurement, not a gate: `BACKUP_THROUGHPUT=1 npx vitest run --config
 * tests/unit/vitest.config.mts tests/unit/backup/throughput.test.ts`. Streams generated notes of
 * about 1.5 KB of JSON each through the writer and back through the reader, and prints
 * records/s, MB/s of JSON and the peak memory seen. Set BACKUP_RECORDS and BACKUP_LEVEL to vary.
 */
const RECORDS = Number(process.env.BACKUP_RECORDS ?? 50_000);
const LEVELS = (process.env.BACKUP_LEVEL ?? '6').split(',').map(Number);

const WORDS =
  'occiput sacrum dura still point release cranial rhythm client reported less tension in the neck shoulders ' +
  'jaw temporal sphenoid breathing softened headache sleep better after session follow up in two weeks ' +
  'gentle hold fascia diaphragm pelvic floor thoracic inlet midline fulcrum lateral fluctuation settled'.split(
    ' ',
  );

function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** 1,000 random paragraphs of therapy words; notes combine them so text varies like real notes. */
const random = seeded(42);
const PARAGRAPHS = Array.from({ length: 1000 }, () => {
  const words: string[] = [];
  let length = 0;
  while (length < 380) {
    const word = WORDS[Math.floor(random() * WORDS.length)]!;
    words.push(word);
    length += word.length + 1;
  }
  return words.join(' ');
});
const paragraph = (n: number) => PARAGRAPHS[(n * 7919) % PARAGRAPHS.length]!;

function note(i: number): Record<string, unknown> {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    clientId: `client-${i % 10_000}`,
    date: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    soap: { subjective: paragraph(i), objective: paragraph(i + 1) },
    assessment: paragraph(i + 2),
    regions: ['occiput', 'sacrum'],
    signedAt: i % 2 ? '2024-05-01T10:00:00.000Z' : null,
    createdAt: '2024-05-01T09:00:00.000Z',
    updatedAt: '2024-05-01T10:00:00.000Z',
  };
}

async function* generate(): AsyncGenerator<RecordBatch> {
  for (let i = 0; i < RECORDS; i += 1000) {
    const records = [];
    for (let j = i; j < Math.min(RECORDS, i + 1000); j++) records.push(note(j));
    yield { table: 'sessions', records };
  }
}

describe.skipIf(!process.env.BACKUP_THROUGHPUT)('backup throughput (measurement)', () => {
  it.each(LEVELS)(`writes and reads ${RECORDS} notes, zlib level %i`, { timeout: 600_000 }, async (level) => {
    const key = await testKey();
    const sample = JSON.stringify(note(1)).length;
    let peakRss = 0;
    let peakHeap = 0;
    const sampleMemory = () => {
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed + usage.arrayBuffers);
    };
    let jsonBytes = 0;
    for await (const batch of generate())
      for (const r of batch.records) jsonBytes += JSON.stringify(r).length;
    // Time making the records alone, so only the backup code is measured.
    const genStart = performance.now();
    for await (const batch of generate()) if (batch.records.length === 0) throw new Error('empty');
    const genMs = performance.now() - genStart;
    const before = process.memoryUsage();

    const writeStart = performance.now();
    const written = await writeBackup({
      key,
      appVersion: '0.1.0',
      schemaVersion: 1,
      tables: generate(),
      counts: { sessions: RECORDS },
      compressionLevel: level,
      onProgress: sampleMemory,
    });
    const writeMs = performance.now() - writeStart - genMs;
    sampleMemory();
    const file = new Blob(written.chunks);
    written.chunks.length = 0;

    const readStart = performance.now();
    const opened = await openBackup(file, PASSPHRASE, { maxSchemaVersion: 1, onProgress: sampleMemory });
    let read = 0;
    for await (const batch of opened.batches()) read += batch.records.length;
    const readMs = performance.now() - readStart;
    sampleMemory();
    expect(read).toBe(RECORDS);

    const mb = jsonBytes / 1e6;
    console.log(
      [
        `zlib level ${level}: ${RECORDS} records, ${sample} B JSON each, ${mb.toFixed(1)} MB JSON -> ${(file.size / 1e6).toFixed(1)} MB file`,
        `  write (NDJSON + zlib + AES-GCM): ${Math.round(RECORDS / (writeMs / 1000))} records/s, ${(mb / (writeMs / 1000)).toFixed(1)} MB/s (${Math.round(writeMs)} ms, record generation excluded)`,
        `  read  (AES-GCM + inflate + JSON.parse): ${Math.round(RECORDS / (readMs / 1000))} records/s, ${(mb / (readMs / 1000)).toFixed(1)} MB/s (${Math.round(readMs)} ms)`,
        `  memory: rss before ${(before.rss / 1e6).toFixed(0)} MB, peak ${(peakRss / 1e6).toFixed(0)} MB; heap+buffers peak ${(peakHeap / 1e6).toFixed(0)} MB`,
      ].join('\n'),
    );
  });
});
