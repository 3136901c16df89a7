export { DEFAULT_AFTERCARE_TEMPLATE } from './default-template';
export {
  type AftercareSheetText,
  buildSheetSections,
  emptyPlaceholdersUsed,
  fillTemplate,
  firstNameOf,
  formatSessionDate,
  type PlaceholderSource,
  type PlaceholderValues,
  placeholderValues,
  TemplatePlaceholderError,
} from './fill-template';
