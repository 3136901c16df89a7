import { localCompressor } from '../../../src-shared/backup/compress';

/**
 * The worker side of backup compression (compress.worker.ts runs it; tests run it in-process).
 * In: { type: 'text', text } (answered with 'taken' once compressed), then { type: 'finish' }.
 * Out: 'chunk' messages (the bytes transferred) in order, 'taken', then 'done', or 'failed'.
 */
export type CompressRequest = { type: 'text'; text: string } | { type: 'finish' };
export type CompressReply =
  | { type: 'chunk'; bytes: Uint8Array }
  | { type: 'taken' }
  | { type: 'done' }
  | { type: 'failed'; message: string };

export type ReplyPoster = (reply: CompressReply, transfer?: Transferable[]) => void;

/** Returns the handler for one backup's requests; compressed bytes go straight back out. */
export function compressionServer(post: ReplyPoster): (request: CompressRequest) => void {
  const compressor = localCompressor((chunk) => {
    // Copy out of the stream's buffer only when it is a view of a larger one, then transfer.
    const whole = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength;
    const bytes = whole ? chunk : chunk.slice();
    post({ type: 'chunk', bytes }, [bytes.buffer as ArrayBuffer]);
  });
  let failed = false;
  const fail = (error: unknown) => {
    if (failed) return;
    failed = true;
    compressor.abort();
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  };
  // Requests are handled strictly in order, each after the previous one has been compressed.
  let queue: Promise<void> = Promise.resolve();
  return (request) => {
    queue = queue.then(async () => {
      if (request.type === 'text') {
        await compressor.push(request.text);
        post({ type: 'taken' });
      } else if (request.type === 'finish') {
        await compressor.finish();
        post({ type: 'done' });
      } else throw new Error('unknown request');
    });
    queue.catch(fail);
  };
}
