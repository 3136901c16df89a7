import path from 'node:path';
import { logoDimensionsProblem } from '../../src-shared/domain/image-dimensions';
import { translatorFor } from '../../src-shared/i18n';
import { UserFacingError } from '../../src-shared/result';
import type { MainHandlers } from '../ipc';
import { recordFormat } from '../services/pdf/client-record-text';
import { renderBlankIntakeFormPdf, renderSignedConsentPdf } from '../services/pdf/render-intake';
import type { MainDeps } from './deps';
import { saveThroughDialog } from './files';

function assertLogoCanBeDrawn(logo: { bytes: Uint8Array } | null): void {
  const problem = logo ? logoDimensionsProblem(logo.bytes) : null;
  if (problem) throw new UserFacingError('INVALID_REQUEST', `${problem}. Choose it again in Settings.`);
}

/** The intake PDFs: the blank form (saved or printed) and a signed consent (saved). */
export function intakeHandlers(
  deps: MainDeps,
): Pick<MainHandlers, 'intakeSaveBlankForm' | 'intakePrintBlankForm' | 'intakeSaveSignedConsent'> {
  const fontsDir = path.join(deps.resourcesDir, 'fonts');
  const blank = (form: Parameters<typeof renderBlankIntakeFormPdf>[0]) => {
    assertLogoCanBeDrawn(form.practice.logo);
    return renderBlankIntakeFormPdf(form, { fontsDir, now: deps.now() });
  };
  return {
    intakeSaveBlankForm: async ({ form, fileName }) =>
      saveThroughDialog(deps, fileName, 'pdf', await blank(form)),
    intakePrintBlankForm: async ({ form }) =>
      deps.printer.printPdf(await blank(form), {
        title: translatorFor(form.language)('intake.pdf.blankTitle'),
      }),
    intakeSaveSignedConsent: async ({ paper, fileName }) => {
      assertLogoCanBeDrawn(paper.practice.logo);
      const pdf = await renderSignedConsentPdf(paper, {
        fontsDir,
        now: deps.now(),
        formatMoment: (language) => recordFormat(undefined, language).moment,
      });
      return saveThroughDialog(deps, fileName, 'pdf', pdf);
    },
  };
}
