export {
  clearHandoutFontCache,
  findUnsupportedCharacters,
  HANDOUT_FONT_FILES,
  type HandoutFonts,
  loadHandoutFonts,
} from './fonts';
export { PAGE_GEOMETRY } from './layout';
export {
  findUnsupportedSheetCharacters,
  HANDOUT_HEADING,
  printedTexts,
  type RenderAftercareOptions,
  renderAftercarePdf,
  SECTION_TITLES,
} from './render-aftercare';
