import path from 'node:path';
import { fileNamePart } from '../../src-shared/domain/files';
import { logoDimensionsRefusal } from '../../src-shared/domain/image-dimensions';
import { type Language, languageOfTag, translatorFor } from '../../src-shared/i18n';
import type { ProgressReport } from '../../src-shared/outcomes/report';
import { translatedError } from '../i18n';
import type { MainHandlers } from '../ipc';
import { recordFormat } from '../services/pdf/client-record-text';
import { renderProgressReportPdf } from '../services/pdf/progress-report';
import type { MainDeps } from './deps';
import { saveThroughDialog } from './files';

/**
 * The progress report: validated by the dispatcher with ProgressReportSchema, rendered with
 * main's clock, saved through the save dialog. The file name is built here from the client's
 * name and the signing day, never taken from the renderer.
 */
export function progressReportHandlers(deps: MainDeps): Pick<MainHandlers, 'outcomesSaveProgressReport'> {
  const fontsDir = path.join(deps.resourcesDir, 'fonts');
  return {
    outcomesSaveProgressReport: async ({ report }) => {
      const problem = report.logo ? logoDimensionsRefusal(report.logo.bytes) : null;
      if (problem) throw translatedError('INVALID_REQUEST', problem.key, problem.values);
      // The client's language whatever the app speaks; the app's when the client has none.
      const language = report.language ?? languageOfTag(deps.language?.current() ?? 'en') ?? 'en';
      const pdf = await renderProgressReportPdf(report, {
        fontsDir,
        now: deps.now(),
        formatDate: recordFormat(undefined, language).date,
        language,
        say: deps.language?.t,
      });
      return saveThroughDialog(deps, progressReportFileName(report, language), 'pdf', pdf);
    },
  };
}

/** The saved file's name, in the paper's language like the report itself. */
export function progressReportFileName(report: ProgressReport, language: Language): string {
  const name = translatorFor(language)('fileNames.progressReport', {
    name: fileNamePart(report.client.name),
    audience: report.audience,
    date: report.signedOn,
  });
  return `${name}.pdf`;
}
