import { useSyncExternalStore } from 'react';
import { z } from 'zod';

/**
 * Client mode: the app handed to a client. While it is on, the app renders nothing but the
 * intake screen (ClientModeGate), whatever the URL says, so links, shortcuts and hash changes
 * lead nowhere. It is kept in localStorage, so a reload, or quitting and opening the app
 * again, comes back to the form, not to the practice. Only the therapist's return step ends it.
 */
const STORAGE_KEY = 'stillpoint.client-mode';

const ClientModeSchema = z.object({
  clientId: z.string().min(1).max(64),
  kind: z.enum(['intake', 'update']),
});
export type ClientMode = z.infer<typeof ClientModeSchema>;

function read(): ClientMode | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const parsed = raw ? ClientModeSchema.safeParse(JSON.parse(raw)) : null;
    return parsed?.success ? parsed.data : null;
  } catch {
    return null;
  }
}

let current: ClientMode | null = typeof localStorage === 'undefined' ? null : read();
const listeners = new Set<() => void>();

function set(mode: ClientMode | null): void {
  current = mode;
  if (mode) localStorage.setItem(STORAGE_KEY, JSON.stringify(mode));
  else localStorage.removeItem(STORAGE_KEY);
  for (const listener of listeners) listener();
}

export function startClientMode(mode: ClientMode): void {
  set(mode);
}

export function endClientMode(): void {
  set(null);
}

export function useClientMode(): ClientMode | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
