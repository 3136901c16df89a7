import fs from 'node:fs';
import path from 'node:path';
import type { Route } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/csp';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker (documents viewer) is an ES module file.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * The file under `root` that a URL path names ('' or '/' is index.html), or null when it is
 * outside `root` or not a file: the same guard as main's app:// protocol.
 */
export function resolveStaticFile(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  // As main does: a '%' left after one decode, a backslash or a NUL is never a bundle file.
  if (/[%\\\0]/.test(decoded)) return null;
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  const resolved = path.resolve(root, relative);
  if (!resolved.startsWith(root + path.sep) || !fs.existsSync(resolved) || !fs.statSync(resolved).isFile())
    return null;
  return resolved;
}

/** Answers a route with a built file (or 404), with the app's CSP header as main sends it. */
export async function fulfillStaticFile(
  route: Route,
  file: string | null,
  contentSecurityPolicy = CONTENT_SECURITY_POLICY,
): Promise<void> {
  if (!file) {
    await route.fulfill({ status: 404, body: 'Not found' });
    return;
  }
  await route.fulfill({
    status: 200,
    body: fs.readFileSync(file),
    headers: {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': contentSecurityPolicy,
    },
  });
}
