import { createContext, useContext } from 'react';
import type { SessionDraft } from '../../../src-shared/domain/session-note';

export type DraftRecipe = (draft: SessionDraft) => SessionDraft;

export interface DraftContextValue {
  draft: SessionDraft;
  /** Applies an edit; returning the same object means "no change" (and no autosave). */
  update: (recipe: DraftRecipe) => void;
  /** Field path -> message to show beside the field now. */
  errors: Record<string, string>;
}

export const DraftContext = createContext<DraftContextValue | null>(null);

/** The draft being written, for the editor's sections. */
export function useDraft(): DraftContextValue {
  const value = useContext(DraftContext);
  if (!value) throw new Error('useDraft is used outside the session editor.');
  return value;
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
