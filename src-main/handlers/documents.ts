import path from 'node:path';
import {
  MAX_ATTACHMENT_BYTES,
  MEDIA_TYPE_EXTENSION,
  MEDIA_TYPE_LABELS,
} from '../../src-shared/documents/attachment';
import { DAMAGED_FILE_MESSAGE, sha256Hex } from '../../src-shared/documents/hash';
import {
  AttachmentRefusal,
  checkOriginalName,
  checkSize,
  prepareFile,
} from '../../src-shared/documents/prepare';
import { recordZipBaseName } from '../../src-shared/documents/record-zip';
import { fileNamePart } from '../../src-shared/domain/files';
import { clientRecordJson } from '../../src-shared/exports/client-record-export';
import { UserFacingError } from '../../src-shared/result';
import type { MainHandlers } from '../ipc';
import { RecordZipStreams } from '../services/exports/record-zip-streams';
import { writeFileAtomic } from '../services/files/atomic-write';
import { FileTooLargeError, readFileCapped } from '../services/files/read-capped';
import { renderClientRecordPdf } from '../services/pdf/client-record';
import type { MainDeps } from './deps';

/** What the open dialog offers; the bytes decide in the end (prepareFile). */
const OPEN_FILTERS = [
  { name: 'Documents and photos', extensions: ['pdf', 'jpg', 'jpeg', 'png', 'webp', 'txt'] },
  { name: 'All files', extensions: ['*'] },
];

/** Runs the shared checks, turning a refusal into the message the therapist sees. */
async function prepare(bytes: Uint8Array<ArrayBuffer>, name: string) {
  try {
    return await prepareFile(bytes, name);
  } catch (error) {
    if (error instanceof AttachmentRefusal) throw new UserFacingError('UNSUPPORTED', error.message);
    throw error;
  }
}

function refuse(error: unknown): never {
  if (error instanceof AttachmentRefusal) throw new UserFacingError('UNSUPPORTED', error.message);
  throw error;
}

/**
 * Documents and photos (issue 15). Main reads a picked file itself (the renderer never names a
 * path), checks the bytes of a dropped one, and writes a saved copy under a name it builds. The
 * client record ZIP is streamed in bounded chunks (services/exports/record-zip-streams.ts).
 */
export function documentHandlers(
  deps: MainDeps,
): Pick<
  MainHandlers,
  | 'documentsChoose'
  | 'documentsPrepareDropped'
  | 'documentsSaveCopy'
  | 'exportRecordZipBegin'
  | 'exportRecordZipChunk'
  | 'exportRecordZipCommit'
  | 'exportRecordZipAbort'
> {
  const fontsDir = path.join(deps.resourcesDir, 'fonts');
  const zips = new RecordZipStreams();
  return {
    exportRecordZipBegin: async ({ record, logo }) => {
      // The PDF first: a record it cannot print is refused before any dialog opens.
      const pdf = await renderClientRecordPdf(record, { fontsDir, now: deps.now(), logo });
      const baseName = recordZipBaseName(record);
      const target = await deps.dialogs.chooseSavePath({
        title: 'Save the client record',
        defaultFileName: `${baseName}.zip`,
        filters: [{ name: 'ZIP archive', extensions: ['zip'] }],
      });
      if (!target) return { token: null };
      return { token: await zips.begin(target, record, baseName, pdf, clientRecordJson(record)) };
    },
    exportRecordZipChunk: async ({ token, attachmentId, bytes, final }) => ({
      written: await zips.chunk(token, attachmentId, bytes, final),
    }),
    exportRecordZipCommit: async ({ token }) => ({ path: await zips.commit(token) }),
    exportRecordZipAbort: async ({ token }) => {
      await zips.abort(token);
      return {};
    },
    documentsChoose: async () => {
      const file = await deps.dialogs.chooseOpenFile({ title: 'Attach a file', filters: OPEN_FILTERS });
      if (!file) return null;
      const name = path.basename(file);
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        checkOriginalName(name);
        bytes = await readFileCapped(file, MAX_ATTACHMENT_BYTES);
      } catch (error) {
        if (error instanceof FileTooLargeError) {
          try {
            checkSize(error.size, name);
          } catch (refusal) {
            refuse(refusal);
          }
        }
        if (error instanceof AttachmentRefusal) refuse(error);
        throw new UserFacingError(
          'FILE_READ_FAILED',
          `"${name}" could not be read, so nothing was attached.`,
        );
      }
      return prepare(bytes, name);
    },
    documentsPrepareDropped: async ({ fileName, bytes }) => prepare(bytes, fileName),
    documentsSaveCopy: async ({ title, mediaType, sha256, bytes }) => {
      if ((await sha256Hex(bytes)) !== sha256)
        throw new UserFacingError('INVALID_REQUEST', DAMAGED_FILE_MESSAGE);
      const extension = MEDIA_TYPE_EXTENSION[mediaType];
      const target = await deps.dialogs.chooseSavePath({
        title: 'Save a copy',
        defaultFileName: `${fileNamePart(title)}.${extension}`,
        filters: [{ name: MEDIA_TYPE_LABELS[mediaType], extensions: [extension] }],
      });
      if (!target) return { path: null };
      await writeFileAtomic(target, bytes);
      return { path: target };
    },
  };
}
