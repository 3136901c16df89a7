import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type CompressReply,
  type CompressRequest,
  compressionServer,
} from '../../../src-renderer/features/backup/compress-server';
import { workerCompressor } from '../../../src-renderer/features/backup/worker-compressor';
import { concatBytes } from '../../../src-shared/backup/bytes';
import { writeBackup } from '../../../src-shared/backup/index';
import {
  asAsync,
  batchesOf,
  readBack,
  rejection,
  SCHEMA_VERSION,
  samplePractice,
  type Tables,
  testKey,
} from './helpers';

/**
 * A stand-in for the browser's Worker that runs compress-server.ts in this process, with
 * messages delivered asynchronously in order as they would be between threads.
 */
class FakeWorker {
  static created = 0;
  static lastTerminated = false;
  static texts = 0;
  /** When set, the server's replies are replaced: e.g. a worker that fails. */
  static override: ((request: CompressRequest, reply: (r: CompressReply) => void) => void) | undefined;
  onmessage: ((event: MessageEvent<CompressReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  private terminated = false;
  private readonly handle: (request: CompressRequest) => void;

  constructor() {
    FakeWorker.created++;
    FakeWorker.lastTerminated = false;
    const reply = (message: CompressReply) =>
      setTimeout(() => {
        if (!this.terminated) this.onmessage?.({ data: message } as MessageEvent<CompressReply>);
      }, 0);
    const server = compressionServer(reply);
    const override = FakeWorker.override;
    this.handle = override ? (request) => override(request, reply) : server;
  }

  postMessage(request: CompressRequest): void {
    if (request.type === 'text') FakeWorker.texts++;
    // Structured clone: the worker gets its own copy.
    setTimeout(() => this.handle(structuredClone(request)), 0);
  }

  terminate(): void {
    this.terminated = true;
    FakeWorker.lastTerminated = true;
  }
}

function biggerPractice(): Tables {
  const base = samplePractice();
  const sessions: Record<string, unknown>[] = [];
  for (let i = 0; i < 12_000; i++)
    sessions.push({ ...base.sessions![i % base.sessions!.length]!, id: `s-${i}` });
  return { ...base, sessions };
}

async function write(tables: Tables) {
  const written = await writeBackup({
    key: await testKey(),
    appVersion: '0.1.0',
    schemaVersion: SCHEMA_VERSION,
    tables: asAsync(batchesOf(tables, 50)),
    segmentSize: 4096,
    compressor: workerCompressor,
  });
  return concatBytes(written.chunks);
}

describe('backup compression in a worker', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeWorker.override = undefined;
  });

  it('gives a file whose records read back, and stops the worker when done', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const created = FakeWorker.created;
    FakeWorker.texts = 0;
    const practice = biggerPractice();
    const bytes = await write(practice);
    expect(FakeWorker.created).toBe(created + 1);
    // More texts than may be in flight at once: the writer waited for the worker on the way.
    expect(FakeWorker.texts).toBeGreaterThan(8);
    expect(FakeWorker.lastTerminated).toBe(true);
    expect((await readBack(bytes)).tables).toEqual(practice);
  });

  it('a worker that fails fails the backup, and is stopped', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.override = (request, reply) => {
      if (request.type === 'text') reply({ type: 'failed', message: 'out of memory' });
    };
    const attempt = write(biggerPractice());
    await expect(attempt).rejects.toThrow(/could not be compressed \(out of memory\)/);
    expect(FakeWorker.lastTerminated).toBe(true);
  });

  it('an invalid record stops the worker too', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const practice = biggerPractice();
    practice.sessions![9000] = [] as unknown as Record<string, unknown>;
    const error = await rejection(write(practice));
    expect(error.code).toBe('INVALID_RECORDS');
    expect(FakeWorker.lastTerminated).toBe(true);
  });

  it('compresses on this thread where a worker cannot start', async () => {
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new Error('blocked by policy');
        }
      },
    );
    const practice = biggerPractice();
    expect((await readBack(await write(practice))).tables).toEqual(practice);
  });
});
