import { afterEach, describe, expect, it, vi } from 'vitest';
import { concatBytes } from '../../../src-shared/backup/bytes';
import { sha256Hex } from '../../../src-shared/backup/file-hash';
import { openBackup } from '../../../src-shared/backup/index';
import { type BackupFileEntry, writeBackupStream } from '../../../src-shared/backup/stream-writer';
import { documentsOnlyBackup, PASSPHRASE, SCHEMA_VERSION } from './helpers';

/**
 * The backup encrypts a segment while the one before it is still being written (issue 15's
 * throughput), yet the sink sees one write at a time, in order, and a failure waits for the write
 * in flight. Shown by what has been asked for at a given step, never by timing: the sink holds
 * each ciphertext until the test lets it go.
 */

const SEGMENT = 1024;

afterEach(() => {
  vi.restoreAllMocks();
});

async function files(): Promise<BackupFileEntry[]> {
  return Promise.all(
    ['a', 'b'].map(async (id, i) => {
      // About three segments each.
      const bytes = new Uint8Array(2_900 + i).map((_, at) => (at * 7 + i) & 0xff);
      return { id, size: bytes.length, sha256: await sha256Hex(bytes), data: new Blob([bytes]) };
    }),
  );
}

/** A sink that holds every ciphertext (not the header, not a length) until released. */
function heldSink() {
  const state = {
    chunks: [] as Uint8Array[],
    held: [] as (() => void)[],
    inFlight: 0,
    mostInFlight: 0,
    ciphertexts: 0,
  };
  const sink = async (chunk: Uint8Array) => {
    state.inFlight++;
    state.mostInFlight = Math.max(state.mostInFlight, state.inFlight);
    try {
      state.chunks.push(chunk.slice());
      if (state.chunks.length === 1 || chunk.length === 4) return; // the header, a segment's length
      state.ciphertexts++;
      await new Promise<void>((resolve) => state.held.push(resolve));
    } finally {
      state.inFlight--;
    }
  };
  return { state, sink };
}

async function ticksUntil(condition: () => boolean, most = 5_000): Promise<boolean> {
  for (let i = 0; i < most && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  return condition();
}

async function start(sink: (chunk: Uint8Array) => Promise<void>, signal?: { aborted: boolean }) {
  const entries = await files();
  return {
    entries,
    made: writeBackupStream({
      ...(await documentsOnlyBackup(entries)),
      segmentSize: SEGMENT,
      sink,
      ...(signal ? { signal } : {}),
    }),
  };
}

describe('sealing while the previous segment is written', () => {
  it('encrypts the next segment before the write of the one before has finished, one write at a time', async () => {
    const encrypt = vi.spyOn(globalThis.crypto.subtle, 'encrypt');
    const { state, sink } = heldSink();
    const { entries, made } = await start(sink);
    made.catch(() => {});

    // The first segment's ciphertext is being written and held...
    expect(await ticksUntil(() => state.held.length === 1)).toBe(true);
    // ...and the next one is encrypted meanwhile, without waiting for it...
    expect(await ticksUntil(() => encrypt.mock.calls.length === 2)).toBe(true);
    // ...but no further: its write waits for the one in flight, and the one after waits for it.
    expect(await ticksUntil(() => encrypt.mock.calls.length > 2, 200)).toBe(false);
    expect(state.ciphertexts).toBe(1);

    let settled = false;
    made.then(
      () => (settled = true),
      () => (settled = true),
    );
    while (!settled) {
      for (const release of state.held.splice(0)) release();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const written = await made;
    expect(state.mostInFlight).toBe(1);

    // The file is whole and in order: it opens, and every document comes back as it went in.
    const file = concatBytes(state.chunks);
    expect(file.length).toBe(written.byteLength);
    const opened = await openBackup(new Blob([file]), PASSPHRASE, { maxSchemaVersion: SCHEMA_VERSION });
    const back = new Map<string, string>();
    for await (const item of opened.batches({ files: 'collect' })) {
      if ('file' in item && item.file.data) {
        back.set(item.file.id, await sha256Hex(new Uint8Array(await item.file.data.arrayBuffer())));
      }
    }
    expect(back).toEqual(new Map(entries.map((entry) => [entry.id, entry.sha256])));
  });

  it('a failure waits for the write in flight before the backup reports it', async () => {
    const { state, sink } = heldSink();
    const signal = { aborted: false };
    const { made } = await start(sink, signal);
    let settled = false;
    made.then(
      () => (settled = true),
      () => (settled = true),
    );
    expect(await ticksUntil(() => state.held.length === 1)).toBe(true);
    signal.aborted = true;
    // Let the first write go: the next one starts, then the cancel is seen.
    state.held.shift()!();
    expect(await ticksUntil(() => state.held.length === 1)).toBe(true);
    // The backup has stopped, but a write is still in flight: it does not report yet.
    expect(await ticksUntil(() => settled, 200)).toBe(false);
    const writesWhenStopped = state.chunks.length;
    state.held.shift()!();
    await expect(made).rejects.toMatchObject({ code: 'CANCELLED' });
    // Nothing was written after the one in flight.
    expect(state.chunks.length).toBe(writesWhenStopped);
    expect(state.mostInFlight).toBe(1);
  });

  it('a write that fails fails the backup, and nothing is written after it', async () => {
    let writes = 0;
    const chunks: Uint8Array[] = [];
    const sink = async (chunk: Uint8Array) => {
      writes++;
      if (writes === 5) throw new Error('The disk is full');
      chunks.push(chunk);
    };
    const { made } = await start(sink);
    await expect(made).rejects.toThrow('The disk is full');
    expect(writes).toBe(5);
    expect(chunks.length).toBe(4);
  });
});
