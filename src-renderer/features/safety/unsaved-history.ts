import { useSyncExternalStore } from 'react';
import type { HealthHistoryFormValues } from '../../../src-shared/domain/health-history';
import { createUiStore } from '../../app/ui-store';

/**
 * Health-history changes typed but not yet stored, per client, kept in memory so that:
 * - the safety check never runs on a history with unsaved changes (it says so instead of showing
 *   findings, or "no contraindications", from the version before the change);
 * - edits autosave could not store (a field fails validation) survive the editor closing without
 *   the leave question (the app locking itself, the client page re-opening), and come back
 *   when the client page opens again.
 */
export type UnsavedHistory =
  /** Changed a moment ago; autosave stores it within half a second. */
  | { kind: 'saving' }
  /** Some fields need attention: nothing of it is stored until they are fixed. */
  | { kind: 'invalid' }
  /** The save failed (a full disk): the changes are kept here and tried again. */
  | { kind: 'error'; message: string };

// Replaced, never changed in place, so a snapshot read by a component stays what it was.
const states = createUiStore<ReadonlyMap<string, UnsavedHistory>>(new Map());
const kept = new Map<string, HealthHistoryFormValues>();

export function setUnsavedHistory(clientId: string, state: UnsavedHistory | null): void {
  const before = states.get().get(clientId);
  const next = new Map(states.get());
  if (state === null) {
    if (!before) return;
    next.delete(clientId);
  } else {
    if (before && before.kind === state.kind && JSON.stringify(before) === JSON.stringify(state)) return;
    next.set(clientId, state);
  }
  states.set(next);
}

export function unsavedHistory(clientId: string): UnsavedHistory | null {
  return states.get().get(clientId) ?? null;
}

export function useUnsavedHistory(clientId: string): UnsavedHistory | null {
  return useSyncExternalStore(states.subscribe, () => states.get().get(clientId) ?? null);
}

/** Keeps edits that could not be stored when the editor closes (see above). */
export function keepUnsavedEdits(clientId: string, values: HealthHistoryFormValues): void {
  kept.set(clientId, values);
}

/** The edits kept for a client, handed back once (the editor then owns them again). */
export function takeUnsavedEdits(clientId: string): HealthHistoryFormValues | undefined {
  const values = kept.get(clientId);
  kept.delete(clientId);
  return values;
}

/** Forgets everything about a client's unsaved edits (after "Leave without these changes"). */
export function discardUnsavedEdits(clientId: string): void {
  kept.delete(clientId);
  setUnsavedHistory(clientId, null);
}
