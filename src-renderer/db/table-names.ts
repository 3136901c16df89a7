/**
 * The names of the tables and the schema version, for code outside src-renderer/db that lists
 * or labels tables (the restore preview, backup headers) without reaching the database itself.
 * They stay declared beside the Dexie class in database.ts, where a new table is added.
 */
export { CURRENT_SCHEMA_VERSION, TABLE_NAMES, type TableName } from './database';

/**
 * Tables of bytes, not records: `attachmentBlobs` rows are `{ id, data: Blob }`, one per
 * `attachments` row with the same id. They are not in TABLE_NAMES (no JSON line could carry a
 * 50 MB file): a backup carries each blob as its own segments (docs/backup-format.md, version 2).
 */
export const BLOB_TABLES = ['attachmentBlobs'] as const;
export type BlobTableName = (typeof BLOB_TABLES)[number];
