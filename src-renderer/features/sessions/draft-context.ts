import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { SessionDraft } from '../../../src-shared/domain/session-note';
import type { DraftRecipe, DraftStore, FieldErrors } from './draft-store';

export type { DraftRecipe } from './draft-store';

/** The editor's draft store; the value never changes while the editor is open. */
export const DraftContext = createContext<DraftStore | null>(null);

/** The draft store of the session editor around this component. */
export function useDraftStore(): DraftStore {
  const store = useContext(DraftContext);
  if (!store) throw new Error('useDraftStore is used outside the session editor.');
  return store;
}

/**
 * One slice of the draft; the component re-renders only when that slice changes (compared with
 * Object.is). The selector must return part of the draft or a primitive, never a new object.
 */
export function useDraftValue<T>(select: (draft: SessionDraft) => T): T {
  return useStoreValue(useDraftStore(), select);
}

/** useDraftValue for the component that holds the store (outside its provider). */
export function useStoreValue<T>(store: DraftStore, select: (draft: SessionDraft) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}

/** Applies an edit to the draft (stable across renders). */
export function useDraftUpdate(): (recipe: DraftRecipe) => void {
  const store = useDraftStore();
  return useCallback((recipe: DraftRecipe) => store.update(recipe), [store]);
}

/** Field path -> message to show beside the field now. */
export function useDraftErrors(): FieldErrors {
  const store = useDraftStore();
  return useSyncExternalStore(store.subscribeErrors, store.errors);
}

const FOCUSABLE = 'input, select, textarea, button, [tabindex]';

/**
 * Focuses the control of a field path (controls carry data-path), e.g. from the list of problems
 * above "Sign note". A path without its own control falls back to its nearest parent's
 * ("treatedAreas.2.techniques.0" -> the techniques box of the third area).
 */
export function focusField(path: string): boolean {
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const candidate = parts.slice(0, length).join('.');
    const found = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(candidate)}"]`);
    if (!found) continue;
    const target = found.matches(FOCUSABLE) ? found : found.querySelector<HTMLElement>(FOCUSABLE);
    if (!target) continue;
    target.focus();
    target.scrollIntoView({ block: 'center' });
    return true;
  }
  return false;
}
