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
  ipcRenderer: { invoke },
}));

describe('the channel table has two sides that agree', () => {
  beforeEach(() => invoke.mockClear());

  it('the preload exposes one frozen window.stillpoint with exactly one method per channel', async () => {
    await import('../../../src-main/preload/index');
    const bridge = exposed.stillpoint as Record<string, (request?: unknown) => Promise<unknown>>;
    expect(Object.keys(exposed)).toEqual(['stillpoint']);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual([...channelMethods].sort());
    for (const method of channelMethods) {
      await bridge[method]!({ probe: method });
      expect(invoke).toHaveBeenLastCalledWith(channels[method].name, { probe: method });
    }
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
