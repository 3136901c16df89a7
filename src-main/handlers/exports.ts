import path from 'node:path';
import type { ClientRecord } from '../../src-shared/domain/client-record';
import { type Language, languageOfTag, type Translate } from '../../src-shared/i18n';
import type { MainHandlers } from '../ipc';
import { renderClientRecordPdf } from '../services/pdf/client-record';
import type { MainDeps } from './deps';
import { saveThroughDialog } from './files';

/**
 * Exports that main renders: the client-record PDF. (The spreadsheet CSVs and the client-record
 * JSON are prepared in the renderer and saved through files:save-as.) The record was validated
 * once, by the dispatcher with ClientRecordSchema; a record the fonts cannot print is refused
 * before any dialog opens.
 */
export function exportHandlers(deps: MainDeps): Pick<MainHandlers, 'exportClientRecordPdf'> {
  const fontsDir = path.join(deps.resourcesDir, 'fonts');
  return {
    exportClientRecordPdf: async ({ record, fileName, logo }) => {
      const pdf = await renderClientRecordPdf(record, {
        fontsDir,
        now: deps.now(),
        logo,
        ...recordLanguages(deps, record),
      });
      return saveThroughDialog(deps, fileName, 'pdf', pdf);
    },
  };
}

/**
 * A client record PDF's two languages: the paper's (the client's whatever the app speaks, the
 * app's when the client has none) and the therapist's, for a refusal (the app's).
 */
export function recordLanguages(
  deps: MainDeps,
  record: ClientRecord,
): { language: Language; say: Translate | undefined } {
  const language = record.client.preferredLanguage ?? languageOfTag(deps.language?.current() ?? 'en') ?? 'en';
  return { language, say: deps.language?.t };
}
