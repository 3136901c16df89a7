import { z } from 'zod';

/**
 * What the renderer and main exchange to stream a client record ZIP (src-shared/ipc.ts), in the
 * backup stream's style: an opaque token main drew for the ZIP being written, and chunks of a
 * document no larger than 4 MB, so no message holds more than that whatever the files take.
 */
export const RecordZipTokenSchema = z.string().regex(/^[0-9a-f]{32}$/, 'Not a record ZIP token');

export const MAX_RECORD_ZIP_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * The largest ZIP Stillpoint writes: fflate writes no ZIP64 records, so every offset and size
 * must fit in 32 bits (4 GiB less one byte).
 */
export const MAX_RECORD_ZIP_BYTES = 0xffff_ffff;
/** Room kept for the record's PDF and JSON, the manifest and the ZIP's own headers. */
export const RECORD_ZIP_HEADROOM_BYTES = 256 * 1024 * 1024;
/** The most a client's documents may take to go into one ZIP (about 3.75 GB). */
export const MAX_RECORD_ZIP_FILES_BYTES = MAX_RECORD_ZIP_BYTES - RECORD_ZIP_HEADROOM_BYTES;
