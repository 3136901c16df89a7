import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;
const CHECK_EVERY_MS = 1_000;

/**
 * Calls `onIdle` once no mouse, keyboard, touch or scroll activity has happened for `minutes`
 * (null: never). Time is read from the clock at each check, so a computer that slept past the
 * limit locks as soon as it wakes.
 */
export function useIdle({ minutes, onIdle }: { minutes: number | null; onIdle: () => void }): void {
  const callback = useRef(onIdle);
  callback.current = onIdle;

  useEffect(() => {
    if (minutes === null) return;
    const limit = minutes * 60_000;
    let lastActivity = Date.now();
    const mark = () => {
      lastActivity = Date.now();
    };
    for (const event of ACTIVITY_EVENTS) {
      window.addEventListener(event, mark, { capture: true, passive: true });
    }
    const timer = setInterval(() => {
      if (Date.now() - lastActivity >= limit) callback.current();
    }, CHECK_EVERY_MS);
    return () => {
      clearInterval(timer);
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, mark, { capture: true });
    };
  }, [minutes]);
}
