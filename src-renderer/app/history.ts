import { useEffect } from 'react';
import type { NavigateDirection } from '../../src-shared/ipc';
import { appEvents } from '../platform';
import { confirmLeave } from './leave-guard';

/**
 * Back and Forward through the app's screens, like a browser's: every screen is a hash in the
 * window's own history (router.ts), so the window's history is the app's. A screen holding
 * unsaved work (leave-guard.ts) is asked first, as for any other move.
 */
export function go(direction: NavigateDirection): void {
  void confirmLeave().then((ok) => {
    if (!ok) return;
    if (direction === 'back') window.history.back();
    else window.history.forward();
  });
}

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
/** On Windows main turns the mouse's back/forward buttons into app commands (src-main/index.ts). */
const isWindows = typeof navigator !== 'undefined' && /Win/i.test(navigator.platform);

/** Alt+Left/Right (Cmd+[ and Cmd+] on a Mac, where Alt+Left moves by word in text). */
export function historyKey(
  event: Pick<KeyboardEvent, 'key' | 'altKey' | 'metaKey' | 'ctrlKey' | 'shiftKey'>,
  mac = isMac,
): NavigateDirection | null {
  if (event.shiftKey || event.ctrlKey) return null;
  if (mac) {
    if (!event.metaKey || event.altKey) return null;
    return event.key === '[' ? 'back' : event.key === ']' ? 'forward' : null;
  }
  if (!event.altKey || event.metaKey) return null;
  return event.key === 'ArrowLeft' ? 'back' : event.key === 'ArrowRight' ? 'forward' : null;
}

/** Mouse buttons 4 and 5 (the DOM's button 3 and 4): Back and Forward. */
export function historyButton(button: number): NavigateDirection | null {
  return button === 3 ? 'back' : button === 4 ? 'forward' : null;
}

/** Wires the keys, the mouse buttons and main's Go menu to Back and Forward, for the whole window. */
export function useHistoryNavigation(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const direction = historyKey(event);
      if (!direction) return;
      event.preventDefault();
      go(direction);
    };
    const onMouseUp = (event: MouseEvent) => {
      const direction = historyButton(event.button);
      if (!direction || isWindows) return;
      event.preventDefault();
      go(direction);
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('mouseup', onMouseUp);
    const unsubscribe = appEvents()?.onNavigate(go);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('mouseup', onMouseUp);
      unsubscribe?.();
    };
  }, []);
}
