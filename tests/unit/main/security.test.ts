import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { isNavigationAllowed, lockDownSession, lockDownWebContents } from '../../../src-main/security';

vi.mock('electron', () => ({}));

const HOSTILE_URLS = [
  'javascript:alert(document.cookie)',
  'JaVaScRiPt:alert(1)',
  'file:///etc/passwd',
  'file:///C:/Windows/System32/',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'https://example.com/',
  'http://stillpoint/index.html',
  'https://stillpoint.evil.com/',
  'app://evil/index.html',
  'app://stillpoint@evil.com/',
  'chrome://settings',
  'about:blank',
  'blob:https://example.com/uuid',
  'ws://localhost:8080',
  '',
  '%%%',
];

function fakeWebContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    on: (event: string, listener: (...args: unknown[]) => void) => emitter.on(event, listener),
    emit: (event: string, ...args: unknown[]) => emitter.emit(event, ...args),
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

function navigationEvent(url?: string) {
  return { url, preventDefault: vi.fn() };
}

describe('navigation lockdown', () => {
  it.each(HOSTILE_URLS)('refuses to navigate to %j', (url) => {
    expect(isNavigationAllowed(url)).toBe(false);
    const contents = fakeWebContents();
    const log = vi.fn();
    lockDownWebContents(contents as never, { log });
    const event = navigationEvent();
    contents.emit('will-navigate', event, url);
    expect(event.preventDefault).toHaveBeenCalled();
    const redirect = navigationEvent();
    contents.emit('will-redirect', redirect, url);
    expect(redirect.preventDefault).toHaveBeenCalled();
    const frame = navigationEvent(url);
    contents.emit('will-frame-navigate', frame);
    expect(frame.preventDefault).toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith('navigation-denied', url);
  });

  it("allows the app's own pages", () => {
    const contents = fakeWebContents();
    lockDownWebContents(contents as never, { log: vi.fn() });
    const event = navigationEvent();
    contents.emit('will-navigate', event, 'app://stillpoint/index.html#/settings');
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it.each([...HOSTILE_URLS, 'app://stillpoint/index.html'])('denies window.open(%j)', (url) => {
    const contents = fakeWebContents();
    const log = vi.fn();
    lockDownWebContents(contents as never, { log });
    expect(contents.open(url)).toEqual({ action: 'deny' });
    expect(log).toHaveBeenCalledWith('new-window-denied', url);
  });

  it('refuses to attach a <webview>', () => {
    const contents = fakeWebContents();
    lockDownWebContents(contents as never, { log: vi.fn() });
    const event = navigationEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('trusts the dev server only when it is given', () => {
    expect(isNavigationAllowed('http://localhost:5173/')).toBe(false);
    expect(isNavigationAllowed('http://localhost:5173/', 'http://localhost:5173/')).toBe(true);
  });
});

describe('session lockdown', () => {
  function fakeSession() {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    return {
      handlers,
      setPermissionRequestHandler: (h: never) => {
        handlers.request = h;
      },
      setPermissionCheckHandler: (h: never) => {
        handlers.check = h;
      },
      webRequest: {
        onBeforeRequest: (h: never) => {
          handlers.beforeRequest = h;
        },
      },
    };
  }

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])(
    'denies the %s permission',
    (permission) => {
      const session = fakeSession();
      lockDownSession(session as never, { log: vi.fn() });
      const callback = vi.fn();
      (session.handlers.request as (...a: unknown[]) => void)({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect((session.handlers.check as (...a: unknown[]) => boolean)({}, permission)).toBe(false);
    },
  );

  it.each([
    ['https://example.com/api', true],
    ['http://10.0.0.1/', true],
    ['ws://localhost:1234/', true],
    ['wss://example.org/socket', true],
    ['app://stillpoint/assets/index.js', false],
  ])('request to %s cancelled: %s', (url, cancelled) => {
    const session = fakeSession();
    const log = vi.fn();
    lockDownSession(session as never, { log });
    const callback = vi.fn();
    (session.handlers.beforeRequest as (...a: unknown[]) => void)({ url }, callback);
    expect(callback).toHaveBeenCalledWith(cancelled ? { cancel: true } : {});
    if (cancelled) expect(log).toHaveBeenCalledWith('request-cancelled', url);
  });
});
