import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler } from '../../../src-main/app-protocol';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicyFor } from '../../../src-main/csp';
import { createMainHandlers } from '../../../src-main/handlers';
import { lockDownSession } from '../../../src-main/security';
import type { SecureStore } from '../../../src-main/services/backups/secure-store';
import { SyncConfigStore } from '../../../src-main/sync/sync-config-store';
import { isBlockedRequest } from '../../../src-main/trusted-url';
import { createPracticeKey, practiceKeyToText } from '../../../src-shared/sync/practice-key';

vi.mock('electron', () => ({}));

const SYNC = 'https://nas.local:6984';

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

function sealingStore(storage: 'secure' | 'unavailable' = 'secure'): SecureStore {
  return {
    storage: () => storage,
    encrypt: (text) => new Uint8Array(Buffer.from(`sealed:${text}`)),
    decrypt: (data) =>
      Buffer.from(data)
        .toString()
        .replace(/^sealed:/, ''),
  };
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'stillpoint-sync-main-'));
}

const setup = () => ({
  serverUrl: `${SYNC}/stillpoint`,
  user: 'practice',
  password: 'couch-password',
  practiceKey: practiceKeyToText(createPracticeKey()),
  computerName: 'Treatment room laptop',
});

describe('with sync off (the default)', () => {
  it('lets no request leave, the sync server included', () => {
    const store = new SyncConfigStore(tempDir(), sealingStore());
    expect(store.allowedOrigin()).toBeNull();
    const session = fakeSession();
    lockDownSession(session as never, { log: vi.fn(), syncOrigin: () => store.allowedOrigin() });
    for (const url of [`${SYNC}/stillpoint/_changes`, 'https://example.com/', 'http://127.0.0.1:5984/db']) {
      const callback = vi.fn();
      (session.handlers.beforeRequest as (...a: unknown[]) => void)({ url }, callback);
      expect(callback).toHaveBeenCalledWith({ cancel: true });
    }
  });

  it("sends the CSP with connect-src 'self' only", () => {
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self';");
    expect(contentSecurityPolicyFor(null)).toBe(CONTENT_SECURITY_POLICY);
  });

  it('denies the local-network permission', () => {
    const session = fakeSession();
    lockDownSession(session as never, { log: vi.fn(), syncOrigin: () => null });
    const callback = vi.fn();
    (session.handlers.request as (...a: unknown[]) => void)({}, 'local-network-access', callback, {
      requestingUrl: 'app://stillpoint/index.html',
    });
    expect(callback).toHaveBeenCalledWith(false);
  });
});

describe('with sync on', () => {
  it.each([
    [`${SYNC}/stillpoint/_changes?since=0`, false],
    [`${SYNC}/`, false],
    ['https://nas.local:6985/stillpoint', true],
    ['http://nas.local:6984/stillpoint', true],
    ['https://evil.nas.local:6984/', true],
    ['https://nas.local.evil.com:6984/', true],
    ['https://user:pw@nas.local:6984/stillpoint', true],
    ['wss://nas.local:6984/', true],
    ['https://example.com/', true],
    ['app://stillpoint/index.html', false],
  ])('request to %s cancelled: %s', (url, cancelled) => {
    expect(isBlockedRequest(url, undefined, SYNC)).toBe(cancelled);
    const session = fakeSession();
    lockDownSession(session as never, { log: vi.fn(), syncOrigin: () => SYNC });
    const callback = vi.fn();
    (session.handlers.beforeRequest as (...a: unknown[]) => void)({ url }, callback);
    expect(callback).toHaveBeenCalledWith(cancelled ? { cancel: true } : {});
  });

  it('adds exactly the server to connect-src, and never anything that is not an origin', () => {
    expect(contentSecurityPolicyFor(SYNC)).toContain(`connect-src 'self' ${SYNC};`);
    expect(contentSecurityPolicyFor(SYNC).replace(` ${SYNC}`, '')).toBe(CONTENT_SECURITY_POLICY);
    expect(contentSecurityPolicyFor("https://a.b; script-src 'unsafe-inline'")).toBe(CONTENT_SECURITY_POLICY);
    expect(contentSecurityPolicyFor('https://a.b/path')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('grants the local-network permission to the app page only', () => {
    const session = fakeSession();
    lockDownSession(session as never, { log: vi.fn(), syncOrigin: () => SYNC });
    const request = session.handlers.request as (...a: unknown[]) => void;
    const granted = vi.fn();
    request({}, 'local-network-access', granted, { requestingUrl: 'app://stillpoint/index.html' });
    expect(granted).toHaveBeenCalledWith(true);
    const denied = vi.fn();
    request({}, 'local-network-access', denied, { requestingUrl: 'https://evil.example/' });
    expect(denied).toHaveBeenCalledWith(false);
    const media = vi.fn();
    request({}, 'media', media, { requestingUrl: 'app://stillpoint/index.html' });
    expect(media).toHaveBeenCalledWith(false);
  });

  it('the app:// protocol sends the CSP of the moment', async () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    let origin: string | null = null;
    const handler = createAppProtocolHandler({
      rendererRoot: root,
      fetchFile: async () => new Response('<!doctype html>'),
      contentSecurityPolicy: () => contentSecurityPolicyFor(origin),
    });
    const before = await handler({ url: 'app://stillpoint/index.html' });
    expect(before.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    origin = SYNC;
    const after = await handler({ url: 'app://stillpoint/index.html' });
    expect(after.headers.get('content-security-policy')).toContain(`connect-src 'self' ${SYNC}`);
  });
});

describe('the sync settings main keeps', () => {
  it('allows the origin after turning on, keeps secrets sealed on disk, and forgets on turning off', async () => {
    const dir = tempDir();
    const store = new SyncConfigStore(dir, sealingStore());
    const input = setup();
    const status = await store.turnOn(input);
    expect(status).toMatchObject({
      enabled: true,
      origin: SYNC,
      user: 'practice',
      computerName: 'Treatment room laptop',
    });
    const onDisk = fs.readFileSync(path.join(dir, 'sync.json'), 'utf8');
    expect(onDisk).not.toContain('couch-password');
    expect(onDisk).not.toContain(input.practiceKey);
    // A fresh store (the app started again) reads the same.
    const again = new SyncConfigStore(dir, sealingStore());
    expect(again.allowedOrigin()).toBe(SYNC);
    expect(again.secrets()).toMatchObject({ password: 'couch-password', practiceKey: input.practiceKey });
    await again.turnOff();
    expect(again.allowedOrigin()).toBeNull();
    expect(new SyncConfigStore(dir, sealingStore()).allowedOrigin()).toBeNull();
  });

  it('refuses a bad address, a bad key and a computer without a key store, allowing nothing', async () => {
    const store = new SyncConfigStore(tempDir(), sealingStore());
    await expect(store.turnOn({ ...setup(), serverUrl: 'http://couch.example.org/db' })).rejects.toThrow(
      /https/,
    );
    await expect(store.turnOn({ ...setup(), practiceKey: 'SPK1-not-a-key' })).rejects.toThrow(
      /not a practice key/,
    );
    const noKeyStore = new SyncConfigStore(tempDir(), sealingStore('unavailable'));
    await expect(noKeyStore.turnOn(setup())).rejects.toThrow(/no safe place/);
    expect(store.allowedOrigin()).toBeNull();
    expect(noKeyStore.allowedOrigin()).toBeNull();
  });

  it('reads a damaged or hand-edited file as sync off', () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'sync.json'),
      JSON.stringify({
        databaseUrl: 'https://evil.example.com/x; y',
        user: 'a',
        computerName: 'b',
        sealed: '',
      }),
    );
    expect(new SyncConfigStore(dir, sealingStore()).allowedOrigin()).toBeNull();
    fs.writeFileSync(path.join(dir, 'sync.json'), '{not json');
    expect(new SyncConfigStore(dir, sealingStore()).allowedOrigin()).toBeNull();
  });

  it('answers over the channels, never handing secrets out while sync is off', async () => {
    const dir = tempDir();
    const handlers = createMainHandlers({
      appName: 'Stillpoint',
      appVersion: '0',
      platform: 'linux',
      userDataDir: dir,
      resourcesDir: dir,
      dialogs: {
        chooseFolder: async () => null,
        chooseOpenFile: async () => null,
        chooseSavePath: async () => null,
      },
      printer: { printPdf: async () => ({ printed: true }) },
      secureStore: sealingStore(),
      now: () => new Date(),
      harness: false,
    });
    expect(await handlers.syncSecrets(undefined)).toBeNull();
    expect((await handlers.syncStatus(undefined)).enabled).toBe(false);
    await handlers.syncTurnOn(setup());
    expect(await handlers.syncSecrets(undefined)).toMatchObject({
      user: 'practice',
      databaseUrl: `${SYNC}/stillpoint`,
    });
  });
});

describe("the page's own CSP (index.html)", () => {
  it('only widens connect-src to https/http, leaving the one-origin rule to the header', () => {
    const html = fs.readFileSync(path.join(__dirname, '../../../src-renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const directives = meta!.split(';').map((d) => d.trim());
    expect(directives).toContain("connect-src 'self' https: http:");
    expect(directives).toContain("script-src 'self'");
    expect(directives).toContain("default-src 'self'");
    // Both policies are enforced; the header's connect-src is the exact sync origin or 'self'.
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self';");
  });
});
