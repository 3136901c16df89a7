import path from 'node:path';
import type { AftercareSheet } from '../../src-shared/domain/aftercare';
import { logoDimensionsRefusal } from '../../src-shared/domain/image-dimensions';
import { translatedError } from '../i18n';
import type { MainHandlers } from '../ipc';
import { findUnsupportedSheetCharacters, renderAftercarePdf } from '../services/pdf';
import type { MainDeps } from './deps';
import { saveThroughDialog } from './files';

/**
 * The request schema already refuses an oversized logo; checked again right before pdfkit
 * decodes it, because a decompression bomb here costs main minutes and gigabytes.
 */
function assertLogoCanBeDrawn(sheet: AftercareSheet): void {
  const logo = sheet.practice.logo;
  const problem = logo ? logoDimensionsRefusal(logo.bytes) : null;
  if (problem) throw translatedError('INVALID_REQUEST', problem.key, problem.values);
}

export function aftercareHandlers(
  deps: MainDeps,
): Pick<MainHandlers, 'aftercareCheck' | 'aftercarePrint' | 'aftercareSavePdf'> {
  const fontsDir = path.join(deps.resourcesDir, 'fonts');
  const render = (sheet: AftercareSheet) => {
    assertLogoCanBeDrawn(sheet);
    return renderAftercarePdf(sheet, { fontsDir, now: deps.now(), say: deps.language?.t });
  };
  return {
    aftercareCheck: async ({ sheet }) => ({ unsupported: findUnsupportedSheetCharacters(sheet, fontsDir) }),
    aftercarePrint: async ({ sheet }) => deps.printer.printPdf(await render(sheet), { title: sheet.title }),
    aftercareSavePdf: async ({ sheet, fileName }) =>
      saveThroughDialog(deps, fileName, 'pdf', await render(sheet)),
  };
}
