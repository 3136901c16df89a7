/**
 * The names of the tables and the schema version, for code outside src-renderer/db that lists
 * or labels tables (the restore preview, backup headers) without reaching the database itself.
 * They stay declared beside the Dexie class in database.ts, where a new table is added.
 */
export { CURRENT_SCHEMA_VERSION, TABLE_NAMES, type TableName } from './database';

/**
 * Tables of file bytes (issue 15): not records, so not in TABLE_NAMES; a backup carries them as
 * their own segments.
 */
export const BLOB_TABLES = ['attachmentBlobs'] as const;
