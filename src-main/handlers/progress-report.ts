import path from 'node:path';
import { fileNamePart } from '../../src-shared/domain/files';
import { logoDimensionsProblem } from '../../src-shared/domain/image-dimensions';
import { languageOfTag } from '../../src-shared/i18n';
import { UserFacingError } from '../../src-shared/result';
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
      const problem = report.logo ? logoDimensionsProblem(report.logo.bytes) : null;
      if (problem) throw new UserFacingError('INVALID_REQUEST', `${problem}. Choose it again in Settings.`);
      // The client's language whatever the app speaks; the app's when the client has none.
      const language = report.language ?? languageOfTag(deps.language?.current() ?? 'en') ?? 'en';
      const pdf = await renderProgressReportPdf(report, {
        fontsDir,
        now: deps.now(),
        formatDate: recordFormat(undefined, language).date,
        language,
      });
      const who = report.audience === 'physician' ? 'for physician' : 'for client';
      const fileName = `Progress report ${fileNamePart(report.client.name)} ${who} ${report.signedOn}.pdf`;
      return saveThroughDialog(deps, fileName, 'pdf', pdf);
    },
  };
}
