import { describe, expect, it, vi } from 'vitest';
import { createMainHandlers, type MainDeps } from '../../../src-main/handlers';
import { createDispatcher, type MainHandlers, registerChannels } from '../../../src-main/ipc';
import { channelMethods, channels } from '../../../src-shared/ipc';
import { UserFacingError } from '../../../src-shared/result';

vi.mock('electron', () => ({}));

const deps: MainDeps = {
  appName: 'Stillpoint',
  appVersion: '1.2.3',
  platform: 'linux',
  userDataDir: '/home/therapist/.config/Stillpoint',
  resourcesDir: '/opt/stillpoint/resources',
  dialogs: { chooseSavePath: vi.fn(), chooseOpenFile: vi.fn(), chooseFolder: vi.fn() },
  printer: { printPdf: vi.fn() },
  secureStore: {
    storage: () => 'secure',
    encrypt: (t: string) => new TextEncoder().encode(t),
    decrypt: (d: Uint8Array) => new TextDecoder().decode(d),
  },
  now: () => new Date('2026-11-26T10:00:00Z'),
  harness: false,
};
const trusted = { url: 'app://stillpoint/index.html', isMainFrame: true };

/** The real handlers with some replaced, as a test needs. */
function withHandlers(overrides: Partial<MainHandlers>): MainHandlers {
  return { ...createMainHandlers(deps), ...overrides };
}

function dispatcher(handlers: MainHandlers = createMainHandlers(deps)) {
  const log = vi.fn();
  const dispatch = createDispatcher(handlers, {
    isTrustedSender: (s) => s.url.startsWith('app://stillpoint/'),
    log,
  });
  return { dispatch, log };
}

describe('IPC dispatcher', () => {
  it('answers a valid request with ok and a schema-checked value', async () => {
    const { dispatch } = dispatcher();
    const result = await dispatch('app:info', undefined, trusted);
    expect(result).toEqual({
      ok: true,
      value: {
        name: 'Stillpoint',
        version: '1.2.3',
        dataLocation: '/home/therapist/.config/Stillpoint',
        platform: 'linux',
        harness: false,
      },
    });
  });

  it.each([{ a: 1 }, 'text', 42, null, [], { __proto__: { polluted: true } }])(
    'refuses a payload that fails the schema: %j',
    async (payload) => {
      const { dispatch, log } = dispatcher();
      const result = await dispatch('app:info', payload, trusted);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
      expect(log).toHaveBeenCalledWith('invalid-request', expect.stringContaining('app:info'));
    },
  );

  it.each(['fs:read', 'app:info ', '', '__proto__', 'constructor', 'toString'])(
    'refuses the unknown channel %j',
    async (name) => {
      const { dispatch } = dispatcher();
      const result = await dispatch(name, undefined, trusted);
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    },
  );

  it.each([
    { url: 'https://example.com/', isMainFrame: true },
    { url: 'file:///tmp/evil.html', isMainFrame: true },
    { url: 'app://stillpoint/index.html', isMainFrame: false },
    { url: '', isMainFrame: true },
  ])('refuses a call from the wrong sender %j', async (sender) => {
    const { dispatch, log } = dispatcher();
    const result = await dispatch('app:info', undefined, sender);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(log).toHaveBeenCalledWith('forbidden-sender', expect.any(String));
  });

  it("passes a handler's therapist-facing error through", async () => {
    const { dispatch } = dispatcher(
      withHandlers({
        appInfo: async () => {
          throw new UserFacingError('DISK_FULL', 'The disk is full.');
        },
      }),
    );
    expect(await dispatch('app:info', undefined, trusted)).toEqual({
      ok: false,
      error: { code: 'DISK_FULL', message: 'The disk is full.' },
    });
  });

  it('never throws across IPC: an unexpected error becomes INTERNAL without a stack trace', async () => {
    const { dispatch, log } = dispatcher(
      withHandlers({
        appInfo: async () => {
          throw new TypeError('secret internals at /usr/lib/x.js:1');
        },
      }),
    );
    const result = await dispatch('app:info', undefined, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('/usr/lib');
    expect(log).toHaveBeenCalledWith('handler-failed', expect.stringContaining('secret internals'));
  });

  it('refuses to send an answer that breaks its own schema', async () => {
    const { dispatch } = dispatcher(withHandlers({ appInfo: async () => ({ version: 7 }) as never }));
    expect(await dispatch('app:info', undefined, trusted)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});

describe('registerChannels', () => {
  it('registers exactly the channels of the table, passing sender details through', async () => {
    const handle = vi.fn();
    const dispatch = vi.fn(async () => ({ ok: true as const, value: null }));
    registerChannels({ handle }, dispatch);
    expect(handle.mock.calls.map((call) => call[0]).sort()).toEqual(
      channelMethods.map((m) => channels[m].name).sort(),
    );

    const mainFrame = { url: 'app://stillpoint/index.html' };
    const listener = handle.mock.calls[0]![1] as (event: unknown, payload: unknown) => Promise<unknown>;
    await listener({ senderFrame: mainFrame, sender: { mainFrame } }, { x: 1 });
    expect(dispatch).toHaveBeenCalledWith(
      handle.mock.calls[0]![0],
      { x: 1 },
      { url: mainFrame.url, isMainFrame: true },
    );

    await listener({ senderFrame: { url: 'app://stillpoint/frame.html' }, sender: { mainFrame } }, undefined);
    expect(dispatch).toHaveBeenLastCalledWith(expect.any(String), undefined, {
      url: 'app://stillpoint/frame.html',
      isMainFrame: false,
    });
  });
});
