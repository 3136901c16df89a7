/**
 * Which URLs belong to Stillpoint itself. Everything else is outside: never navigated to,
 * never loaded, never fetched.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'stillpoint';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for the app's own pages: app://stillpoint/..., and in development only, the local
 * electron-vite dev server (passed in; never trusted in a packaged build).
 */
export function isTrustedAppUrl(url: string, devServerUrl?: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (devServerUrl) {
    const dev = parse(devServerUrl);
    if (
      dev &&
      (dev.hostname === 'localhost' || dev.hostname === '127.0.0.1') &&
      parsed.origin === dev.origin
    ) {
      return true;
    }
  }
  return false;
}

/** Schemes that reach off this computer. */
const NETWORK_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

/**
 * Whether a request the page makes must be cancelled. Stillpoint never talks to a network:
 * every http(s)/ws request is cancelled, except the dev server while developing and, when
 * practice sync is on, http(s) requests to exactly the practice server's origin (scheme, host
 * and port all equal; never its WebSocket, never another port or a subdomain).
 */
export function isBlockedRequest(url: string, devServerUrl?: string, syncOrigin?: string | null): boolean {
  const parsed = parse(url);
  if (!parsed) return true;
  if (isTrustedAppUrl(url, devServerUrl)) return false;
  if (
    syncOrigin &&
    (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.origin === syncOrigin
  ) {
    return false;
  }
  return NETWORK_PROTOCOLS.has(parsed.protocol);
}
