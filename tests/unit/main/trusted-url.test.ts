import { describe, expect, it } from 'vitest';
import { isBlockedRequest, isTrustedAppUrl } from '../../../src-main/trusted-url';

describe('isTrustedAppUrl', () => {
  it.each([
    ['app://stillpoint/index.html', true],
    ['app://stillpoint/assets/index-abc.js', true],
    ['app://stillpoint/#/clients', true],
    ['app://evil/index.html', false],
    ['app://stillpoint.evil.com/index.html', false],
    ['https://stillpoint/index.html', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['http://localhost:5173/', false],
    ['not a url', false],
    ['', false],
  ])('%s -> %s', (url, expected) => {
    expect(isTrustedAppUrl(url)).toBe(expected);
  });

  it('trusts the dev server only when one is given, and only on localhost', () => {
    expect(isTrustedAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isTrustedAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedAppUrl('http://example.com/', 'http://example.com')).toBe(false);
  });
});

describe('isBlockedRequest', () => {
  it.each([
    ['https://example.com/track.js', true],
    ['http://192.168.1.10/', true],
    ['ws://localhost:9222/', true],
    ['wss://sync.example.org/', true],
    ['ftp://files.example.org/', true],
    ['app://stillpoint/assets/index.js', false],
    ['devtools://devtools/bundled/inspector.html', false],
    ['garbage', true],
  ])('%s blocked: %s', (url, expected) => {
    expect(isBlockedRequest(url)).toBe(expected);
  });
});
