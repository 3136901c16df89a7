import path from 'node:path';
import type { AftercareSheet } from '../../src-shared/domain/aftercare';
import type { MainHandlers } from '../ipc';
import { findUnsupportedSheetCharacters, renderAftercarePdf } from '../services/pdf';
import type { MainDeps } from './deps';
import { saveThroughDialog } from './files';

export function aftercareHandlers(
  deps: MainDeps,
): Pick<MainHandlers, 'aftercareCheck' | 'aftercarePrint' | 'aftercareSavePdf'> {
  const fontsDir = path.join(deps.resourcesDir, 'fonts');
  const render = (sheet: AftercareSheet) => renderAftercarePdf(sheet, { fontsDir, now: deps.now() });
  return {
    aftercareCheck: async ({ sheet }) => ({ unsupported: findUnsupportedSheetCharacters(sheet, fontsDir) }),
    aftercarePrint: async ({ sheet }) => deps.printer.printPdf(await render(sheet), { title: sheet.title }),
    aftercareSavePdf: async ({ sheet, fileName }) =>
      saveThroughDialog(deps, fileName, 'pdf', await render(sheet)),
  };
}
