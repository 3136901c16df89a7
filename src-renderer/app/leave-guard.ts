import { useEffect } from 'react';

/**
 * A screen with work that is not safely stored yet (the health history, whose autosave cannot
 * store a value that fails validation) can hold a move to another screen: `navigate`, a click on
 * an in-app link ("#/…") and "New session" ask the guard first. The guard saves what it can and,
 * when something cannot be saved, asks the therapist; it resolves to whether the move may go on.
 * One guard at a time: only one such screen is shown at once.
 */
export type LeaveGuard = () => Promise<boolean>;

let current: LeaveGuard | null = null;

export function hasLeaveGuard(): boolean {
  return current !== null;
}

/** Whether the screen may be left now (true at once when no guard is set). */
export function confirmLeave(): Promise<boolean> {
  return current ? current() : Promise.resolve(true);
}

/** A link inside the app that would change the screen: "#/…", plain left click. */
function inAppLinkOf(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const target = event.target instanceof Element ? event.target : null;
  const href = target?.closest('a[href^="#/"]')?.getAttribute('href') ?? null;
  return href !== null && href !== window.location.hash ? href : null;
}

/** Holds moves away from the current screen while `guard` is set (null: no hold). */
export function useLeaveGuard(guard: LeaveGuard | null): void {
  useEffect(() => {
    if (!guard) return;
    current = guard;
    const onClick = (event: MouseEvent) => {
      const href = inAppLinkOf(event);
      if (href === null) return;
      event.preventDefault();
      void guard().then((ok) => {
        if (ok) window.location.hash = href;
      });
    };
    document.addEventListener('click', onClick, true);
    return () => {
      if (current === guard) current = null;
      document.removeEventListener('click', onClick, true);
    };
  }, [guard]);
}
