import path from 'node:path';
import { logoDimensionsRefusal } from '../../src-shared/domain/image-dimensions';
import { translatorFor } from '../../src-shared/i18n';
import { translatedError } from '../i18n';
import type { MainHandlers } from '../ipc';
import { recordFormat } from '../services/pdf/client-record-text';
import { renderBlankIntakeFormPdf, renderSignedConsentPdf } from '../services/pdf/render-intake';
import type { MainDeps } from './deps';
import { saveThroughDialog } from './files';

/** A logo pdfkit must not decode (a decompression bomb), refused in the app's language as aftercare's is. */
function assertLogoCanBeDrawn(logo: { bytes: Uint8Array } | null): void {
  const problem = logo ? logoDimensionsRefusal(logo.bytes) : null;
  if (problem) throw translatedError('INVALID_REQUEST', problem.key, problem.values);
}

/** The intake PDFs: the blank form (saved or printed) and a signed consent (saved). */
export function intakeHandlers(
  deps: MainDeps,
): Pick<MainHandlers, 'intakeSaveBlankForm' | 'intakePrintBlankForm' | 'intakeSaveSignedConsent'> {
  const fontsDir = path.join(deps.resourcesDir, 'fonts');
  const blank = (form: Parameters<typeof renderBlankIntakeFormPdf>[0]) => {
    assertLogoCanBeDrawn(form.practice.logo);
    return renderBlankIntakeFormPdf(form, { fontsDir, now: deps.now(), say: deps.language?.t });
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
        say: deps.language?.t,
        formatMoment: (language) => recordFormat(undefined, language).moment,
      });
      return saveThroughDialog(deps, fileName, 'pdf', pdf);
    },
  };
}
