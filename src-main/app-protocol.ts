import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_HOST, APP_SCHEME } from './trusted-url';

/** Privileges for app://: a standard, secure origin so IndexedDB, WebCrypto and fetch work. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: true },
} as const;

/**
 * Maps an app:// URL to a file inside the built renderer folder, or null when it points
 * anywhere else (another host, `..` tricks, encoded separators). The renderer can only ever
 * read its own bundle.
 *
 * The path is decoded exactly once, and a `%` still there afterwards is refused: a
 * double-encoded `%252e%252e` decodes to `%2e%2e`, which looks harmless to `path.resolve`
 * but which a file URL parser turns into `..` (issue 13, finding 1). No file of the bundle has
 * a `%`, a backslash or a NUL in its name, so refusing them costs nothing.
 */
export function resolveAppAssetPath(requestUrl: string, rendererRoot: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('%') || pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rendererRoot);
  const resolved = path.resolve(root, relative);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  return resolved;
}

/** Reads one file of the bundle by its file: URL (Electron's `net.fetch` in the app). */
export type FetchFile = (fileUrl: string) => Promise<Response>;

/**
 * The app:// protocol handler: a bundle file with its MIME type and the app's CSP, or 404.
 * The file URL is built by `pathToFileURL`, which percent-encodes every character a URL parser
 * would reinterpret, so the file fetched is exactly the path that was checked (never
 * `file://${path}` by string).
 */
export function createAppProtocolHandler(options: {
  rendererRoot: string;
  fetchFile: FetchFile;
  /** The policy, or a function asked per response (sync on or off changes connect-src). */
  contentSecurityPolicy: string | (() => string);
}): (request: { url: string }) => Promise<Response> {
  return async (request) => {
    const file = resolveAppAssetPath(request.url, options.rendererRoot);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await options.fetchFile(pathToFileURL(file).href);
    return new Response(response.body, {
      status: response.status,
      headers: {
        'content-type': mimeTypeFor(file),
        'content-security-policy':
          typeof options.contentSecurityPolicy === 'function'
            ? options.contentSecurityPolicy()
            : options.contentSecurityPolicy,
      },
    });
  };
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
