import { useEffect } from 'react';

export interface Shortcut {
  /** e.g. "mod+1", "mod+n", "/" ; "mod" is Cmd on macOS and Ctrl elsewhere. */
  keys: string;
  description: string;
  run: () => void;
  /** Whether it fires while typing in a text field (mod+ shortcuts do, "/" does not). */
  inTextFields?: boolean;
}

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

export function shortcutLabel(keys: string): string {
  return keys
    .split('+')
    .map((k) => (k === 'mod' ? (isMac ? '⌘' : 'Ctrl') : k.length === 1 ? k.toUpperCase() : k))
    .join(isMac ? '' : '+');
}

export function matchesShortcut(event: KeyboardEvent, keys: string): boolean {
  const parts = keys.toLowerCase().split('+');
  const key = parts[parts.length - 1];
  const wantsMod = parts.includes('mod');
  const wantsShift = parts.includes('shift');
  const mod = isMac ? event.metaKey : event.ctrlKey;
  if (wantsMod !== mod || wantsShift !== event.shiftKey || event.altKey) return false;
  return event.key.toLowerCase() === key;
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Global keyboard shortcuts for the whole window. */
export function useShortcuts(shortcuts: Shortcut[]): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      for (const shortcut of shortcuts) {
        if (!matchesShortcut(event, shortcut.keys)) continue;
        const modified = shortcut.keys.includes('mod');
        if (isTextField(event.target) && !(shortcut.inTextFields ?? modified)) continue;
        event.preventDefault();
        shortcut.run();
        return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [shortcuts]);
}
