import fs from 'node:fs';

/**
 * The Chromium the browser tests run in: CHROMIUM_PATH when set, else Debian's
 * /usr/bin/chromium (apt-get install chromium), else whatever Playwright itself installed
 * (undefined lets Playwright use its own download, where one exists).
 */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH points to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Flags that keep Chromium from phoning home on a machine without a network. */
export const QUIET_CHROMIUM_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-domain-reliability',
];
