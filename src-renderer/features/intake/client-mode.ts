import { z } from 'zod';
import { createUiStore } from '../../app/ui-store';

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

const current = createUiStore<ClientMode | null>(typeof localStorage === 'undefined' ? null : read());

function set(mode: ClientMode | null): void {
  if (mode) localStorage.setItem(STORAGE_KEY, JSON.stringify(mode));
  else localStorage.removeItem(STORAGE_KEY);
  current.set(mode);
}

export function startClientMode(mode: ClientMode): void {
  set(mode);
}

export function endClientMode(): void {
  set(null);
}

export function useClientMode(): ClientMode | null {
  return current.use();
}
