import type { SessionDraft } from '../../../src-shared/domain/session-note';

export type DraftRecipe = (draft: SessionDraft) => SessionDraft;
export type FieldErrors = Readonly<Record<string, string>>;

/**
 * The draft being written, outside React state, so a keystroke re-renders only the components
 * that read what changed (each reads its slice through useSyncExternalStore, see draft-context).
 * Edits share structure (draft-edits), so an unchanged slice keeps its identity.
 *
 * The messages beside the fields live here too: they are refreshed after a short pause in
 * typing, and kept as the same object while they say the same thing.
 */
export interface DraftStore {
  get(): SessionDraft;
  /** Applies an edit; returning the same object means "no change" (no render, no autosave). */
  update(recipe: DraftRecipe): void;
  /** Called after every change of the draft. */
  subscribe(listener: () => void): () => void;
  errors(): FieldErrors;
  /** Replaces the messages; an equal set keeps the current object and tells no one. */
  setErrors(errors: FieldErrors): void;
  subscribeErrors(listener: () => void): () => void;
}

const NO_ERRORS: FieldErrors = Object.freeze({});

export function sameErrors(a: FieldErrors, b: FieldErrors): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  // Key order matters too: the list above "Sign note" follows it.
  const other = Object.keys(b);
  return keys.every((key, index) => other[index] === key && a[key] === b[key]);
}

export function createDraftStore(initial: SessionDraft): DraftStore {
  let draft = initial;
  let errors: FieldErrors = NO_ERRORS;
  const listeners = new Set<() => void>();
  const errorListeners = new Set<() => void>();
  const notify = (set: Set<() => void>) => {
    for (const listener of [...set]) listener();
  };
  const subscribeTo = (set: Set<() => void>) => (listener: () => void) => {
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  };
  return {
    get: () => draft,
    update(recipe) {
      const next = recipe(draft);
      if (next === draft) return;
      draft = next;
      notify(listeners);
    },
    subscribe: subscribeTo(listeners),
    errors: () => errors,
    setErrors(next) {
      if (sameErrors(errors, next)) return;
      errors = Object.keys(next).length === 0 ? NO_ERRORS : next;
      notify(errorListeners);
    },
    subscribeErrors: subscribeTo(errorListeners),
  };
}
