import { type CompressRequest, compressionServer, type ReplyPoster } from './compress-server';

/**
 * Compresses a backup's NDJSON text off the main thread (native zlib), so the renderer only
 * reads, checks and serializes records while this thread deflates the previous text. Holds
 * nothing but the compressor's window: compressed bytes go straight back to the writer.
 * One worker per backup (worker-compressor.ts); the protocol is in compress-server.ts.
 */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<CompressRequest>) => void) | null;
  postMessage: ReplyPoster;
};

const handle = compressionServer((reply, transfer) => scope.postMessage(reply, transfer));
scope.onmessage = (event) => handle(event.data);
