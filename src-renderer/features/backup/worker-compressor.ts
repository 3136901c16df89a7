import { type Compressor, type CompressorFactory, localCompressor } from '../../../src-shared/backup';
import type { CompressReply, CompressRequest } from './compress-server';

/** Texts (256K characters each) handed to the worker and not yet compressed before push waits. */
const MAX_IN_FLIGHT = 4;

/**
 * Backup compression in a worker (compress.worker.ts): the main thread hands over NDJSON text
 * and gets compressed bytes back in order, while it reads and checks the next page. Where a
 * worker cannot start, the compression runs on this thread (localCompressor).
 */
export const workerCompressor: CompressorFactory = (onChunk) => {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./compress.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return localCompressor(onChunk);
  }
  let inFlight = 0;
  let failure: Error | undefined;
  let waiting: { resolve: () => void; reject: (error: Error) => void } | undefined;
  let finished: { resolve: () => void; reject: (error: Error) => void } | undefined;

  const stop = (error: Error) => {
    failure ??= error;
    worker.terminate();
    waiting?.reject(failure);
    finished?.reject(failure);
    waiting = finished = undefined;
  };
  worker.onmessage = (event: MessageEvent<CompressReply>) => {
    const reply = event.data;
    if (reply.type === 'chunk') onChunk(reply.bytes);
    else if (reply.type === 'taken') {
      inFlight--;
      if (waiting && inFlight < MAX_IN_FLIGHT) {
        waiting.resolve();
        waiting = undefined;
      }
    } else if (reply.type === 'done') {
      worker.terminate();
      finished?.resolve();
      finished = undefined;
    } else stop(new Error(`The backup could not be compressed (${reply.message}).`));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    stop(new Error(`The backup could not be compressed (${event.message || 'the worker stopped'}).`));
  };
  const send = (request: CompressRequest) => worker.postMessage(request);

  const compressor: Compressor = {
    push: (text) => {
      if (failure) return Promise.reject(failure);
      send({ type: 'text', text });
      inFlight++;
      if (inFlight < MAX_IN_FLIGHT) return undefined;
      return new Promise<void>((resolve, reject) => {
        waiting = { resolve, reject };
      });
    },
    finish: () => {
      if (failure) return Promise.reject(failure);
      return new Promise<void>((resolve, reject) => {
        finished = { resolve, reject };
        send({ type: 'finish' });
      });
    },
    abort: () => stop(new Error('The backup was stopped.')),
  };
  return compressor;
};
