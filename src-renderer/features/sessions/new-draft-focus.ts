/**
 * Drafts just started with "New session", so the editor can put the cursor on the first thing
 * to do (issue 21): the first safety finding not yet acknowledged, else the chief complaint.
 * Opening an existing draft leaves the focus alone. Kept outside the router on purpose: it is a
 * one-off hand-over between two screens of this feature, not part of the address.
 */
const newDrafts = new Set<string>();

export function markNewDraft(id: string): void {
  newDrafts.add(id);
}

export function isNewDraft(id: string): boolean {
  return newDrafts.has(id);
}

/** Focuses the first thing to do in a fresh note, once the safety check has run. */
export function focusFirstThingToDo(id: string, root: HTMLElement, attemptsLeft = 20): void {
  if (!newDrafts.has(id)) return;
  // The therapist already went somewhere: never pull the cursor away.
  const active = document.activeElement;
  if (active && active !== document.body && root.contains(active)) {
    newDrafts.delete(id);
    return;
  }
  const pending = root.querySelector<HTMLInputElement>(
    '.safety-findings input[type="checkbox"][data-path$=".acknowledged"]:not(:checked)',
  );
  const target = pending ?? root.querySelector<HTMLElement>('[data-path="chiefComplaint"]');
  if (!target) {
    // The first render after the check may not be on screen yet: try again next frame.
    if (attemptsLeft > 0) requestAnimationFrame(() => focusFirstThingToDo(id, root, attemptsLeft - 1));
    return;
  }
  newDrafts.delete(id);
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'center' });
}
