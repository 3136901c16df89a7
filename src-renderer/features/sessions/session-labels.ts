/**
 * The names the session screens show for the domain's pick lists now live in src-shared, so the
 * PDFs main renders use the same words (see src-shared/i18n/session-labels.ts).
 */
export * from '../../../src-shared/i18n/session-labels';
