import fs from 'node:fs/promises';
import path from 'node:path';
import { LOGO_MAX_BYTES, sniffImageType } from '../../src-shared/domain/aftercare';
import { UserFacingError } from '../../src-shared/result';
import type { MainHandlers } from '../ipc';
import { writeFileAtomic } from '../services/files/atomic-write';
import type { FileFilter } from '../services/files/dialogs';
import type { MainDeps } from './deps';

const FILTERS: Record<'csv' | 'json' | 'pdf' | 'backup', FileFilter[]> = {
  csv: [{ name: 'Spreadsheet (CSV)', extensions: ['csv'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
  pdf: [{ name: 'PDF document', extensions: ['pdf'] }],
  backup: [{ name: 'Stillpoint backup', extensions: ['stillpoint'] }],
};

/** Largest file the app reads back (a backup of a very large practice). */
const MAX_READ_BYTES = 2 * 1024 * 1024 * 1024 - 1;

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
      if (!stat?.isFile()) throw new UserFacingError('NOT_FOUND', 'That logo file could not be found.');
      if (stat.size > LOGO_MAX_BYTES) {
        throw new UserFacingError(
          'INVALID_REQUEST',
          `The logo is larger than 2 MB (${(stat.size / 1024 / 1024).toFixed(1)} MB): save a smaller version and choose it again.`,
        );
      }
      const bytes = new Uint8Array(await fs.readFile(file));
      const mimeType = sniffImageType(bytes);
      if (!mimeType) {
        throw new UserFacingError(
          'INVALID_REQUEST',
          'The logo must be a PNG or JPEG image; that file is neither.',
        );
      }
      return { fileName: path.basename(file), mimeType, bytes };
    },
    filesSaveAs: ({ fileName, kind, contents }) => saveThroughDialog(deps, fileName, kind, contents),
    filesOpen: async ({ kind }) => {
      const file = await deps.dialogs.chooseOpenFile({
        title: kind === 'backup' ? 'Choose a Stillpoint backup' : 'Choose a CSV file of clients',
        filters: kind === 'backup' ? FILTERS.backup : FILTERS.csv,
      });
      if (!file) return null;
      try {
        const stat = await fs.stat(file);
        if (stat.size > MAX_READ_BYTES)
          throw new UserFacingError('UNSUPPORTED', 'That file is too large to open.');
        return { fileName: path.basename(file), bytes: new Uint8Array(await fs.readFile(file)) };
      } catch (error) {
        if (error instanceof UserFacingError) throw error;
        throw new UserFacingError('FILE_READ_FAILED', `"${path.basename(file)}" could not be read.`);
      }
    },
  };
}
