import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveAppAssetPath } from '../../../src-main/app-protocol';

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
});

describe('mimeTypeFor', () => {
  it('names the types the renderer bundle uses', () => {
    expect(mimeTypeFor('/a/index.html')).toMatch(/^text\/html/);
    expect(mimeTypeFor('/a/app.JS')).toMatch(/^text\/javascript/);
    expect(mimeTypeFor('/a/app.css')).toMatch(/^text\/css/);
    expect(mimeTypeFor('/a/unknown.bin')).toBe('application/octet-stream');
  });
});
