import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainHandlers } from '../../../src-main/handlers';
import { channelMethods, channels } from '../../../src-shared/ipc';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async () => ({ ok: true, value: 'answer' }));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      exposed[key] = api;
    },
  },
  ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
}));

describe('the channel table has two sides that agree', () => {
  beforeEach(() => invoke.mockClear());

  it('the preload exposes one frozen window.stillpoint with exactly one method per channel', async () => {
    await import('../../../src-main/preload/index');
    const bridge = exposed.stillpoint as Record<string, (request?: unknown) => Promise<unknown>>;
    expect(Object.keys(exposed).sort()).toEqual(['stillpoint', 'stillpointEvents']);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual([...channelMethods].sort());
    for (const method of channelMethods) {
      await bridge[method]!({ probe: method });
      expect(invoke).toHaveBeenLastCalledWith(channels[method].name, { probe: method });
    }
  });

  it('main sends two events: "before quit" with nothing attached, and "navigate" with a checked direction only', async () => {
    await import('../../../src-main/preload/index');
    const events = exposed.stillpointEvents as {
      onBeforeQuit(listener: (...args: unknown[]) => void): () => void;
      onNavigate(listener: (...args: unknown[]) => void): () => void;
    };
    expect(Object.keys(events).sort()).toEqual(['onBeforeQuit', 'onNavigate']);
    expect(Object.isFrozen(events)).toBe(true);
    const on = (await import('electron')).ipcRenderer.on as unknown as ReturnType<typeof vi.fn>;
    const heard: unknown[][] = [];
    const unsubscribe = events.onBeforeQuit((...args) => heard.push(args));
    const [channel, handler] = on.mock.calls.at(-1) as [string, (...args: unknown[]) => void];
    expect(channel).toBe('stillpoint:before-quit');
    handler({ sender: 'ipc event with internals' }, 'payload');
    expect(heard).toEqual([[]]);
    unsubscribe();

    const directions: unknown[][] = [];
    const stop = events.onNavigate((...args) => directions.push(args));
    const [navChannel, navHandler] = on.mock.calls.at(-1) as [string, (...args: unknown[]) => void];
    expect(navChannel).toBe('stillpoint:navigate');
    const event = { sender: 'ipc event with internals' };
    navHandler(event, 'back');
    navHandler(event, 'forward');
    // Anything else main might send by mistake never reaches the page.
    for (const bad of ['sideways', '', null, undefined, 3, { direction: 'back' }, ['back']])
      navHandler(event, bad);
    expect(directions).toEqual([['back'], ['forward']]);
    stop();
  });

  it('main implements a handler for every channel and nothing more', () => {
    const handlers = createMainHandlers({
      appName: 'Stillpoint',
      appVersion: '0.0.0',
      platform: 'linux',
      userDataDir: '/tmp',
      resourcesDir: '/tmp',
      dialogs: { chooseSavePath: vi.fn(), chooseOpenFile: vi.fn(), chooseFolder: vi.fn() },
      printer: { printPdf: vi.fn() },
      secureStore: {
        storage: () => 'secure',
        encrypt: (t: string) => new TextEncoder().encode(t),
        decrypt: (d: Uint8Array) => new TextDecoder().decode(d),
      },
      now: () => new Date(),
      harness: false,
    });
    expect(Object.keys(handlers).sort()).toEqual([...channelMethods].sort());
  });

  it('channel names are unique and namespaced', () => {
    const names = channelMethods.map((m) => channels[m].name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+:[a-zA-Z-]+$/);
  });
});
