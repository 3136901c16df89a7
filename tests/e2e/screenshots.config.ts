import baseConfig from './playwright.config';

/**
 * `npm run screenshots`: takes the README and docs screenshots (docs/images) in light and dark.
 * Not part of `npm test`: it writes files into the repository.
 */
export default {
  ...baseConfig,
  testMatch: '**/*.screens.ts',
  workers: 1,
};
