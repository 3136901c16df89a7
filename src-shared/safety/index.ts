/** The contraindication check: rule data, the condition catalog and the evaluator. */
export * from './catalog';
export * from './custom-rules';
export * from './evaluate';
export * from './references';
export * from './rules';
export * from './severity';
