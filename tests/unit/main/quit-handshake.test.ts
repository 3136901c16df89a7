import { describe, expect, it, vi } from 'vitest';
import { createQuitHandshake } from '../../../src-main/quit-handshake';

function setup(hasWindow = true) {
  const timers: (() => void)[] = [];
  const quit = vi.fn();
  const notifyRenderer = vi.fn(() => hasWindow);
  const handshake = createQuitHandshake({
    notifyRenderer,
    quit,
    timeoutMs: 120_000,
    setTimer: (run) => timers.push(run),
    clearTimer: () => {},
  });
  const event = () => ({ preventDefault: vi.fn() });
  return { handshake, quit, notifyRenderer, timers, event };
}

describe('the quit handshake (backup when the app quits)', () => {
  it('holds the first quit, tells the renderer, and quits when the renderer is ready', () => {
    const t = setup();
    const first = t.event();
    t.handshake.beforeQuit(first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(t.notifyRenderer).toHaveBeenCalledTimes(1);
    expect(t.quit).not.toHaveBeenCalled();
    expect(t.handshake.holdsWindowClose()).toBe(true);

    // A second quit request while waiting is held too, without telling the renderer again.
    t.handshake.beforeQuit(t.event());
    expect(t.notifyRenderer).toHaveBeenCalledTimes(1);

    expect(t.handshake.rendererReady()).toBe(true);
    expect(t.quit).toHaveBeenCalledTimes(1);
    const last = t.event();
    t.handshake.beforeQuit(last);
    expect(last.preventDefault).not.toHaveBeenCalled();
    expect(t.handshake.holdsWindowClose()).toBe(false);
  });

  it('quits after the time limit when the renderer never answers', () => {
    const t = setup();
    t.handshake.beforeQuit(t.event());
    expect(t.timers).toHaveLength(1);
    t.timers[0]!();
    expect(t.quit).toHaveBeenCalledTimes(1);
    expect(t.handshake.rendererReady()).toBe(false);
    expect(t.quit).toHaveBeenCalledTimes(1);
  });

  it('quits at once when there is no window to ask', () => {
    const t = setup(false);
    t.handshake.beforeQuit(t.event());
    expect(t.quit).toHaveBeenCalledTimes(1);
  });

  it('an answer nobody waited for does not quit the app', () => {
    const t = setup();
    expect(t.handshake.rendererReady()).toBe(false);
    expect(t.quit).not.toHaveBeenCalled();
  });
});
