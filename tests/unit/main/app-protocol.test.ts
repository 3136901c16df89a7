import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, mimeTypeFor, resolveAppAssetPath } from '../../../src-main/app-protocol';

const root = path.resolve('/opt/stillpoint/out/renderer');

describe('resolveAppAssetPath', () => {
  it.each([
    ['app://stillpoint/', 'index.html'],
    ['app://stillpoint/index.html', 'index.html'],
    ['app://stillpoint/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://stillpoint/index.html?x=1#/clients', 'index.html'],
    ['app://stillpoint/assets/a%20b.css', 'assets/a b.css'],
  ])('serves %s from the renderer bundle', (url, relative) => {
    expect(resolveAppAssetPath(url, root)).toBe(path.join(root, relative));
  });

  it.each(['app://stillpoint/../../../etc/passwd', 'app://stillpoint/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps %s inside the bundle (the URL parser folds the dots away)',
    (url) => {
      expect(resolveAppAssetPath(url, root)).toBe(path.join(root, 'etc/passwd'));
    },
  );

  it.each([
    'app://stillpoint/..%2f..%2fsecrets.json',
    'app://stillpoint/assets/..%5c..%5cwindows',
    'app://stillpoint/file%00.html',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://stillpoint/index.html',
    'app://stillpoint/%E0%A4%A',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppAssetPath(url, root)).toBeNull();
  });

  // Issue 13, finding 1: what survives one decode must not be decoded again into a traversal.
  it.each([
    ['double-encoded dots', 'app://stillpoint/%252e%252e/%252e%252e/etc/passwd'],
    ['double-encoded dots, capitals', 'app://stillpoint/%252E%252E/%252E%252E/etc/passwd'],
    ['triple-encoded dots', 'app://stillpoint/%25252e%25252e/etc/passwd'],
    ['mixed single and double', 'app://stillpoint/.%252e/%2e%252e/etc/passwd'],
    ['mixed double and literal', 'app://stillpoint/assets/%252e./%252e./etc/passwd'],
    ['double-encoded slash', 'app://stillpoint/..%252f..%252fetc%252fpasswd'],
    ['double-encoded backslash', 'app://stillpoint/..%255c..%255cwindows%255cwin.ini'],
    ['single-encoded backslash', 'app://stillpoint/..%5C..%5Cwindows'],
    ['literal backslash', 'app://stillpoint/assets\\..\\..\\windows'],
    ['double-encoded NUL', 'app://stillpoint/index.html%2500.png'],
    ['single-encoded NUL', 'app://stillpoint/index.html%00'],
    ['a lone encoded percent', 'app://stillpoint/assets/%25'],
    ['overlong UTF-8 dot', 'app://stillpoint/%c0%ae%c0%ae/etc/passwd'],
    ['%u escape', 'app://stillpoint/%u002e%u002e/etc/passwd'],
  ])('refuses %s (%s)', (_name, url) => {
    expect(resolveAppAssetPath(url, root)).toBeNull();
  });
});

describe('the app:// handler', () => {
  // A real folder: the renderer bundle, and a secret beside it that must never be served.
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'stillpoint-protocol-'));
  const bundle = path.join(base, 'renderer');
  fs.mkdirSync(path.join(bundle, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(bundle, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(bundle, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'SECRET');
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  /** Reads the file a file: URL names the way Chromium's URL parser does (WHATWG). */
  const fetched: string[] = [];
  const handler = createAppProtocolHandler({
    rendererRoot: bundle,
    contentSecurityPolicy: "default-src 'self'",
    fetchFile: async (fileUrl) => {
      const file = fileURLToPath(new URL(fileUrl));
      fetched.push(file);
      try {
        return new Response(fs.readFileSync(file));
      } catch {
        return new Response('missing', { status: 404 });
      }
    },
  });

  it('serves the bundle with its type and the CSP', async () => {
    const response = await handler({ url: 'app://stillpoint/assets/app.js' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(await response.text()).toBe('console.log(1)');
  });

  it.each([
    'app://stillpoint/%252e%252e/secret.txt',
    'app://stillpoint/assets/%252e%252e/%252e%252e/secret.txt',
    'app://stillpoint/%252E%252e/secret.txt',
    'app://stillpoint/.%252e/secret.txt',
    'app://stillpoint/..%252fsecret.txt',
    'app://stillpoint/%2e%2e/secret.txt',
  ])('never reads a file outside the bundle for %s', async (url) => {
    fetched.length = 0;
    const response = await handler({ url });
    expect(await response.text()).not.toContain('SECRET');
    for (const file of fetched) expect(file.startsWith(bundle + path.sep)).toBe(true);
  });

  it('fetches only files inside the bundle, whatever mix of dots, percents and slashes is asked for', async () => {
    const piece = fc.constantFrom(
      '.',
      '..',
      '%2e',
      '%252e',
      '%25252e',
      '%2E',
      '%252E',
      '/',
      '%2f',
      '%252f',
      '%5c',
      '%255c',
      '\\',
      '%00',
      '%2500',
      '%25',
      'secret.txt',
      'assets',
      'index.html',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 12 }), async (pieces) => {
        fetched.length = 0;
        const response = await handler({ url: `app://stillpoint/${pieces.join('')}` });
        expect(await response.text()).not.toContain('SECRET');
        for (const file of fetched) expect(file === bundle || file.startsWith(bundle + path.sep)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('mimeTypeFor', () => {
  it('names the types the renderer bundle uses', () => {
    expect(mimeTypeFor('/a/index.html')).toMatch(/^text\/html/);
    expect(mimeTypeFor('/a/app.JS')).toMatch(/^text\/javascript/);
    expect(mimeTypeFor('/a/app.css')).toMatch(/^text\/css/);
    expect(mimeTypeFor('/a/unknown.bin')).toBe('application/octet-stream');
  });
});
