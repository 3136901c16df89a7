/**
 * How much a file may carry across IPC (issue 13, finding 7). Electron's IPC is unreliable above
 * about 512 MB, and Chromium's TextDecoder answered an empty string for a 600 MB file; nothing
 * the app reads or writes needs that much, so every channel that carries a file stays well below.
 */
const MB = 1024 * 1024;

/**
 * A backup picked through `files:open` and read whole. Backups are written and restored as
 * streams (`backupStream*`, `backupReadRange`) at any size, so this caps only that one-buffer read.
 */
export const MAX_BACKUP_FILE_BYTES = 256 * MB;

/** A CSV of clients to import: 100,000 clients with every column is about 30 MB. */
export const MAX_CSV_FILE_BYTES = 64 * MB;

/** A file the renderer prepared for the save dialog (CSV, JSON, PDF export). */
export const MAX_SAVED_FILE_BYTES = 256 * MB;
/** The same for text: 128 Mi characters are at most 256 MB in UTF-16, a third in ASCII. */
export const MAX_SAVED_TEXT_CHARS = 128 * MB;

/** "150 MB": whole megabytes for a therapist, at least 1. */
export function formatMegabytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / MB))} MB`;
}
