import path from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { renderAftercarePdf } from '../../../src-main/services/pdf';
import { DEFAULT_AFTERCARE_TEMPLATE } from '../../../src-shared/aftercare';
import { buildAftercareSheet } from '../../../src-shared/aftercare/build-sheet';
import { AftercareSheetSchema } from '../../../src-shared/domain/aftercare';

const fontsDir = path.resolve(__dirname, '../../../resources/fonts');

function sheetWithNote(personalNote: string) {
  return AftercareSheetSchema.parse(
    buildAftercareSheet({
      session: { serviceDate: '2026-11-26', treatedAreas: [], nextSessionRecommendation: '', homeCare: '' },
      client: { firstName: 'Ada', lastName: 'Brook', preferredName: '' },
      settings: {
        practice: { name: 'Stillwater', address: '', phone: '', email: '', website: '', logo: null },
        therapistName: 'Anna',
        paperSize: 'A4',
      },
      template: DEFAULT_AFTERCARE_TEMPLATE,
      personalNote,
      locale: 'en-GB',
    }),
  );
}

describe('a very long word without spaces (a pasted link, a row of characters)', () => {
  it('is printed in full, wrapped over lines, without stalling the renderer', async () => {
    const run = 'abcdefghij'.repeat(2_000); // 20,000 characters, no break opportunity
    const pdf = await renderAftercarePdf(sheetWithNote(run), { fontsDir });
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    // pdfkit breaks the run at soft hyphens, printed as "-" at each line end.
    const printed = text.slice(text.indexOf('abcdefghij'), text.lastIndexOf('abcdefghij') + 10);
    // The note runs over several pages: drop the footers and running headers between them.
    const letters = printed
      .replace(/[\s\u00AD-]/g, '')
      .replace(/Page\d+of\d+|Stillwater(·AftercareforAdaBrook)?/g, '');
    expect(letters).toBe(run);
  });
});
