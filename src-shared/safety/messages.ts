/**
 * Every message the safety settings' schemas write (Settings → Safety rules: the practice's own
 * rules and the rule windows). They stay English (main parses with them too); the screens show
 * each in the reader's language by its name here, the key `validation.safetyRules.<name>`
 * (src-shared/i18n/field-messages.ts; a unit test fails for a message without a key).
 */
export const SAFETY_RULE_MESSAGES = {
  severity: 'Pick how serious this is',
  catalogId: 'Pick a condition from the list',
  titleTooLong: 'Keep the title under 100 characters',
  keywordTooLong: 'Keep the keyword under 100 characters',
  message: 'Enter what the therapist should know or do',
  messageTooLong: 'Keep the message under 500 characters',
  keywordOrCondition: 'Enter a word to look for or pick a condition',
  keywordLetters: 'The keyword needs at least one letter or digit',
  noWindow: 'This rule has no time window',
  tooManyRules: 'Keep the practice rules under 200',
  idTaken: 'Another rule already uses this id',
  unit: 'Pick days, weeks or months',
  number: 'Enter a number',
  wholeNumber: 'Enter a whole number',
  negativeWindow: 'The window cannot be negative',
  windowTooLong: 'Keep the window under 1200',
} as const;
