import { z } from 'zod';
import { MAX_SEGMENT_SIZE, SEGMENT_LENGTH_BYTES, TAG_LENGTH } from './format';

/**
 * What the renderer and main exchange to stream a backup file (src-shared/ipc.ts): an opaque
 * token main drew for an open file, and chunks no larger than a sealed segment of the largest
 * segment size (with its length and tag) plus the next length: the reader's largest read.
 */
export const BackupStreamTokenSchema = z.string().regex(/^[0-9a-f]{32}$/, 'Not a backup stream token');

export const MAX_BACKUP_CHUNK_BYTES = MAX_SEGMENT_SIZE + SEGMENT_LENGTH_BYTES + TAG_LENGTH + 65_536;

/** A backup file main has opened for reading. */
export const OpenedBackupFileSchema = z.object({
  token: BackupStreamTokenSchema,
  fileName: z.string(),
  size: z.number().int().min(0),
});
export type OpenedBackupFile = z.infer<typeof OpenedBackupFileSchema>;
