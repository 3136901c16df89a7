import path from 'node:path';
import type { AftercareSheet } from '../../src-shared/domain/aftercare';
import type { MainHandlers } from '../ipc';
import { findUnsupportedCharacters, renderAftercarePdf } from '../services/pdf';
import type { MainDeps } from './deps';
import { saveThroughDialog } from './files';

/** Every text of a sheet that ends up on paper, for the glyph check. */
function printedTexts(sheet: AftercareSheet): string[] {
  const { practice } = sheet;
  return [
    practice.name,
    practice.address,
    practice.phone,
    practice.email,
    practice.website,
    sheet.clientName,
    ...sheet.treatedAreas,
    sheet.intro,
    ...sheet.sections.whatToExpect,
    ...sheet.sections.selfCare,
    ...sheet.sections.seekHelp,
    sheet.seekHelpAdvice,
    sheet.contact,
    sheet.nextSession,
    sheet.personalNote,
    sheet.closing,
    sheet.therapistName,
  ];
}

export function aftercareHandlers(
  deps: MainDeps,
): Pick<MainHandlers, 'aftercareCheck' | 'aftercarePrint' | 'aftercareSavePdf'> {
  const fontsDir = path.join(deps.resourcesDir, 'fonts');
  const render = (sheet: AftercareSheet) => renderAftercarePdf(sheet, { fontsDir, now: deps.now() });
  return {
    aftercareCheck: async ({ sheet }) => ({
      unsupported: findUnsupportedCharacters(printedTexts(sheet), fontsDir),
    }),
    aftercarePrint: async ({ sheet }) => deps.printer.printPdf(await render(sheet), { title: sheet.title }),
    aftercareSavePdf: async ({ sheet, fileName }) =>
      saveThroughDialog(deps, fileName, 'pdf', await render(sheet)),
  };
}
