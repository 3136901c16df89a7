import fs from 'node:fs/promises';
import path from 'node:path';
import { LOGO_MAX_BYTES, sniffImageType } from '../../src-shared/domain/aftercare';
import {
  formatMegabytes,
  MAX_BACKUP_FILE_BYTES,
  MAX_CSV_FILE_BYTES,
  MAX_SAVED_FILE_BYTES,
  MAX_SAVED_TEXT_CHARS,
} from '../../src-shared/domain/file-size-limits';
import { logoDimensionsProblem } from '../../src-shared/domain/image-dimensions';
import { UserFacingError } from '../../src-shared/result';
import { translatedError } from '../i18n';
import type { MainHandlers } from '../ipc';
import { writeFileAtomic } from '../services/files/atomic-write';
import type { FileFilter } from '../services/files/dialogs';
import { FileTooLargeError, readFileCapped } from '../services/files/read-capped';
import type { MainDeps } from './deps';

const FILTERS: Record<'csv' | 'json' | 'pdf' | 'backup', FileFilter[]> = {
  csv: [{ name: 'Spreadsheet (CSV)', extensions: ['csv'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
  pdf: [{ name: 'PDF document', extensions: ['pdf'] }],
  backup: [{ name: 'Stillpoint backup', extensions: ['stillpoint'] }],
};

/** What a file the user picks may weigh, by what it is for (see file-size-limits.ts). */
const MAX_OPEN_BYTES = { backup: MAX_BACKUP_FILE_BYTES, csv: MAX_CSV_FILE_BYTES } as const;

/** The therapist-facing refusal of a file too large to open, by what it was for. */
export function tooLargeToOpen(kind: keyof typeof MAX_OPEN_BYTES, fileName: string, size: number) {
  const limit = formatMegabytes(MAX_OPEN_BYTES[kind]);
  return new UserFacingError(
    'UNSUPPORTED',
    kind === 'csv'
      ? `"${fileName}" is ${formatMegabytes(size)}; Stillpoint imports CSV files of up to ${limit}. Split it into smaller files (for example by surname) and import them one after another.`
      : `"${fileName}" is ${formatMegabytes(size)}; Stillpoint restores backups of up to ${limit}, so this is not a backup it can open. Nothing was changed.`,
  );
}

/** Reads a file the user picked for `kind`, refusing one over its limit before reading it. */
export async function readPickedFile(
  file: string,
  kind: keyof typeof MAX_OPEN_BYTES,
): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return await readFileCapped(file, MAX_OPEN_BYTES[kind]);
  } catch (error) {
    if (error instanceof FileTooLargeError) throw tooLargeToOpen(kind, path.basename(file), error.size);
    throw translatedError('FILE_READ_FAILED', 'errors.fileUnreadable', { fileName: path.basename(file) });
  }
}

/** Saves through the save dialog; null path when the user cancels. */
export async function saveThroughDialog(
  deps: MainDeps,
  fileName: string,
  kind: keyof typeof FILTERS,
  contents: Uint8Array | string,
): Promise<{ path: string | null }> {
  const target = await deps.dialogs.chooseSavePath({
    title: 'Save',
    defaultFileName: fileName,
    filters: FILTERS[kind],
  });
  if (!target) return { path: null };
  await writeFileAtomic(target, contents);
  return { path: target };
}

export function fileHandlers(
  deps: MainDeps,
): Pick<MainHandlers, 'filesChooseLogo' | 'filesSaveAs' | 'filesOpen'> {
  return {
    filesChooseLogo: async () => {
      const file = await deps.dialogs.chooseOpenFile({
        title: 'Choose the practice logo',
        filters: [{ name: 'PNG or JPEG image', extensions: ['png', 'jpg', 'jpeg'] }],
      });
      if (!file) return null;
      const stat = await fs.stat(file).catch(() => null);
      if (!stat?.isFile()) throw translatedError('NOT_FOUND', 'errors.logoNotFound');
      if (stat.size > LOGO_MAX_BYTES) {
        throw translatedError('INVALID_REQUEST', 'errors.logoTooLarge', {
          megabytes: (stat.size / 1024 / 1024).toFixed(1),
        });
      }
      const bytes = new Uint8Array(await fs.readFile(file));
      const mimeType = sniffImageType(bytes);
      if (!mimeType) {
        throw translatedError('INVALID_REQUEST', 'errors.logoNotImage');
      }
      const tooLarge = logoDimensionsProblem(bytes);
      if (tooLarge) throw new UserFacingError('INVALID_REQUEST', `${tooLarge}.`);
      return { fileName: path.basename(file), mimeType, bytes };
    },
    filesSaveAs: async ({ fileName, kind, contents }) => {
      const tooLarge =
        typeof contents === 'string'
          ? contents.length > MAX_SAVED_TEXT_CHARS
          : contents.byteLength > MAX_SAVED_FILE_BYTES;
      if (tooLarge) {
        const size = typeof contents === 'string' ? contents.length : contents.byteLength;
        throw new UserFacingError(
          'UNSUPPORTED',
          `"${fileName}" would be about ${formatMegabytes(size)}, more than Stillpoint saves in one file (${formatMegabytes(MAX_SAVED_FILE_BYTES)}). Nothing was saved; export a smaller part of your records.`,
        );
      }
      return saveThroughDialog(deps, fileName, kind, contents);
    },
    filesOpen: async ({ kind }) => {
      const file = await deps.dialogs.chooseOpenFile({
        title: kind === 'backup' ? 'Choose a Stillpoint backup' : 'Choose a CSV file of clients',
        filters: kind === 'backup' ? FILTERS.backup : FILTERS.csv,
      });
      if (!file) return null;
      return { fileName: path.basename(file), bytes: await readPickedFile(file, kind) };
    },
  };
}
