// The PDF toolkit (docs/architecture.md, "PDF toolkit"): what a new PDF is built from...

export { type RenderClientRecordOptions, renderClientRecordPdf } from './client-record';
export { clearHandoutFontCache, HANDOUT_FONT_FILES, type HandoutFonts, loadHandoutFonts } from './fonts';
export { findUnprintableCharacters, listSome, type PrintedText, refuseUnprintableText } from './glyph-check';
export { COLOR, PAGE_GEOMETRY, type PageGeometry, SPACE, TYPE } from './layout';
export {
  drawPageFurniture,
  drawPracticeHeader,
  type PageFurniture,
  type PracticeDetails,
  practiceHeaderTexts,
} from './page-furniture';
export { type FaceName, PageWriter, type PdfDoc } from './page-writer';
export { type PdfDescription, type PdfRenderOptions, startPdf } from './pdf-document';
// ...and the PDFs built from it.
export {
  findUnsupportedSheetCharacters,
  HANDOUT_HEADING,
  printedTexts,
  type RenderAftercareOptions,
  renderAftercarePdf,
  SECTION_TITLES,
} from './render-aftercare';
