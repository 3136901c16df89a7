import fs from 'node:fs/promises';
import path from 'node:path';
import { LOGO_MAX_BYTES, sniffImageType } from '../../src-shared/domain/aftercare';
import {
  MAX_BACKUP_FILE_BYTES,
  MAX_CSV_FILE_BYTES,
  MAX_SAVED_FILE_BYTES,
  MAX_SAVED_TEXT_CHARS,
} from '../../src-shared/domain/file-size-limits';
import { logoDimensionsRefusal } from '../../src-shared/domain/image-dimensions';
import type { AppLanguage, MessageKey, Translate } from '../../src-shared/i18n';
import { mainTranslator, translatedError, translatedSizeError } from '../i18n';
import type { MainHandlers } from '../ipc';
import { writeFileAtomic } from '../services/files/atomic-write';
import type { FileFilter } from '../services/files/dialogs';
import { FileTooLargeError, readFileCapped } from '../services/files/read-capped';
import type { MainDeps } from './deps';

/** What each kind of file is called in a dialog's filter, in the app's language. */
const FILTERS: Record<'csv' | 'json' | 'pdf' | 'backup', { name: MessageKey; extensions: string[] }> = {
  csv: { name: 'errors.files.csvFilter', extensions: ['csv'] },
  json: { name: 'errors.files.jsonFilter', extensions: ['json'] },
  pdf: { name: 'errors.files.pdfFilter', extensions: ['pdf'] },
  backup: { name: 'backup.main.backupFilter', extensions: ['stillpoint'] },
};

function filtersFor(t: Translate, kind: keyof typeof FILTERS): FileFilter[] {
  const { name, extensions } = FILTERS[kind];
  return [{ name: t(name), extensions }];
}

/** Main's words in the app's language (English when main has none, as in some tests). */
function spoken(deps: MainDeps): { t: Translate; language: AppLanguage } {
  const language = deps.language?.current() ?? 'en';
  return { t: mainTranslator(deps.language), language };
}

/** What a file the user picks may weigh, by what it is for (see file-size-limits.ts). */
const MAX_OPEN_BYTES = { backup: MAX_BACKUP_FILE_BYTES, csv: MAX_CSV_FILE_BYTES } as const;

/** The therapist-facing refusal of a file too large to open, by what it was for, in `language`. */
export function tooLargeToOpen(
  kind: keyof typeof MAX_OPEN_BYTES,
  fileName: string,
  size: number,
  language: AppLanguage,
) {
  return translatedSizeError(
    'UNSUPPORTED',
    kind === 'csv' ? 'errors.files.csvTooLarge' : 'errors.files.backupTooLarge',
    { fileName },
    { size, limit: MAX_OPEN_BYTES[kind] },
    language,
  );
}

/** Reads a file the user picked for `kind`, refusing one over its limit before reading it. */
export async function readPickedFile(
  file: string,
  kind: keyof typeof MAX_OPEN_BYTES,
  language: AppLanguage = 'en',
): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return await readFileCapped(file, MAX_OPEN_BYTES[kind]);
  } catch (error) {
    if (error instanceof FileTooLargeError)
      throw tooLargeToOpen(kind, path.basename(file), error.size, language);
    throw translatedError('FILE_READ_FAILED', 'errors.fileUnreadable', { fileName: path.basename(file) });
  }
}

/** Saves through the save dialog (titled and filtered in the app's language); null path when the user cancels. */
export async function saveThroughDialog(
  deps: MainDeps,
  fileName: string,
  kind: keyof typeof FILTERS,
  contents: Uint8Array | string,
): Promise<{ path: string | null }> {
  const { t } = spoken(deps);
  const target = await deps.dialogs.chooseSavePath({
    title: t('errors.saveDialogTitle'),
    defaultFileName: fileName,
    filters: filtersFor(t, kind),
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
      const { t, language } = spoken(deps);
      const file = await deps.dialogs.chooseOpenFile({
        title: t('errors.chooseLogoTitle'),
        filters: [{ name: t('errors.logoFilter'), extensions: ['png', 'jpg', 'jpeg'] }],
      });
      if (!file) return null;
      const stat = await fs.stat(file).catch(() => null);
      if (!stat?.isFile()) throw translatedError('NOT_FOUND', 'errors.logoNotFound');
      if (stat.size > LOGO_MAX_BYTES) {
        throw translatedSizeError(
          'INVALID_REQUEST',
          'errors.files.logoTooLarge',
          {},
          { size: stat.size, limit: LOGO_MAX_BYTES },
          language,
        );
      }
      const bytes = new Uint8Array(await fs.readFile(file));
      const mimeType = sniffImageType(bytes);
      if (!mimeType) {
        throw translatedError('INVALID_REQUEST', 'errors.logoNotImage');
      }
      // Said here as the therapist picks it: "choose it again", not "in Settings" (they are there).
      const problem = logoDimensionsRefusal(bytes);
      if (problem?.key === 'errors.logoTooManyPixels')
        throw translatedError('INVALID_REQUEST', 'errors.files.logoTooManyPixels', problem.values);
      if (problem) throw translatedError('INVALID_REQUEST', 'errors.files.logoDamaged');
      return { fileName: path.basename(file), mimeType, bytes };
    },
    filesSaveAs: async ({ fileName, kind, contents }) => {
      const tooLarge =
        typeof contents === 'string'
          ? contents.length > MAX_SAVED_TEXT_CHARS
          : contents.byteLength > MAX_SAVED_FILE_BYTES;
      if (tooLarge) {
        // A string's length in characters is about its size in bytes (most of a CSV is ASCII).
        const size = typeof contents === 'string' ? contents.length : contents.byteLength;
        throw translatedSizeError(
          'UNSUPPORTED',
          'errors.files.savedTooLarge',
          { fileName },
          { size, limit: MAX_SAVED_FILE_BYTES },
          spoken(deps).language,
        );
      }
      return saveThroughDialog(deps, fileName, kind, contents);
    },
    filesOpen: async ({ kind }) => {
      const { t, language } = spoken(deps);
      const file = await deps.dialogs.chooseOpenFile({
        title: t(kind === 'backup' ? 'backup.main.chooseBackupTitle' : 'errors.files.chooseCsvTitle'),
        filters: filtersFor(t, kind),
      });
      if (!file) return null;
      return { fileName: path.basename(file), bytes: await readPickedFile(file, kind, language) };
    },
  };
}
