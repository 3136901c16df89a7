import path from 'node:path';
import { MAX_ATTACHMENT_BYTES, MEDIA_TYPE_EXTENSION } from '../../src-shared/documents/attachment';
import { sha256Hex } from '../../src-shared/documents/hash';
import {
  AttachmentRefusal,
  checkOriginalName,
  checkSize,
  prepareFile,
} from '../../src-shared/documents/prepare';
import { recordZipBaseName } from '../../src-shared/documents/record-zip';
import { mediaTypeLabel } from '../../src-shared/documents/words';
import { fileNamePart } from '../../src-shared/domain/files';
import { clientRecordJson } from '../../src-shared/exports/client-record-export';
import type { Translate } from '../../src-shared/i18n';
import { mainTranslator, translatedError } from '../i18n';
import type { MainHandlers } from '../ipc';
import { RecordZipStreams } from '../services/exports/record-zip-streams';
import { writeFileAtomic } from '../services/files/atomic-write';
import { FileTooLargeError, readFileCapped } from '../services/files/read-capped';
import { renderClientRecordPdf } from '../services/pdf/client-record';
import type { MainDeps } from './deps';
import { recordLanguages } from './exports';

/** What the open dialog offers, in the app's language; the bytes decide in the end (prepareFile). */
function openFilters(t: Translate) {
  return [
    {
      name: t('documents.dialogs.documentsFilter'),
      extensions: ['pdf', 'jpg', 'jpeg', 'png', 'webp', 'txt'],
    },
    { name: t('documents.dialogs.allFiles'), extensions: ['*'] },
  ];
}

/** Runs the shared checks, turning a refusal into the message the therapist sees. */
async function prepare(bytes: Uint8Array<ArrayBuffer>, name: string) {
  try {
    return await prepareFile(bytes, name);
  } catch (error) {
    refuse(error);
  }
}

/** A refusal of the shared checks, said by the dispatcher in the app's language. */
function refuse(error: unknown): never {
  if (error instanceof AttachmentRefusal) throw translatedError('UNSUPPORTED', error.key, error.values);
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
  // Dialog titles and filters in the app's language (English when main has none, as in tests).
  const t = mainTranslator(deps.language);
  const zips = new RecordZipStreams();
  return {
    exportRecordZipBegin: async ({ record, logo }) => {
      // The PDF first (the same as the one saved on its own: in the record's language): a record
      // it cannot print is refused before any dialog opens.
      const languages = recordLanguages(deps, record);
      const pdf = await renderClientRecordPdf(record, { fontsDir, now: deps.now(), logo, ...languages });
      const baseName = recordZipBaseName(record, languages.language);
      const target = await deps.dialogs.chooseSavePath({
        title: t('documents.dialogs.saveRecordTitle'),
        defaultFileName: `${baseName}.zip`,
        filters: [{ name: t('documents.dialogs.zipFilter'), extensions: ['zip'] }],
      });
      if (!target) return { token: null };
      return {
        token: await zips.begin(target, record, baseName, pdf, clientRecordJson(record)),
      };
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
      const file = await deps.dialogs.chooseOpenFile({
        title: t('documents.dialogs.attachTitle'),
        filters: openFilters(t),
      });
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
        throw translatedError('FILE_READ_FAILED', 'documents.refusals.unreadable', { name });
      }
      return prepare(bytes, name);
    },
    documentsPrepareDropped: async ({ fileName, bytes }) => prepare(bytes, fileName),
    documentsSaveCopy: async ({ title, mediaType, sha256, bytes }) => {
      if ((await sha256Hex(bytes)) !== sha256)
        throw translatedError('INVALID_REQUEST', 'documents.refusals.damaged');
      const extension = MEDIA_TYPE_EXTENSION[mediaType];
      const target = await deps.dialogs.chooseSavePath({
        title: t('documents.dialogs.saveCopyTitle'),
        defaultFileName: `${fileNamePart(title)}.${extension}`,
        filters: [{ name: mediaTypeLabel(t, mediaType), extensions: [extension] }],
      });
      if (!target) return { path: null };
      await writeFileAtomic(target, bytes);
      return { path: target };
    },
  };
}
