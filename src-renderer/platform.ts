import type { StillpointBridge, StillpointEvents } from '../src-shared/ipc';
import type { Result } from '../src-shared/result';

declare global {
  interface Window {
    /** Set by the preload (Electron) or the e2e harness; the renderer's only way to main. */
    stillpoint?: StillpointBridge;
    /** What main tells the page (only "about to quit"). */
    stillpointEvents?: StillpointEvents;
  }
}

/**
 * The typed bridge to the main process. Every other renderer module goes through this file,
 * so there is exactly one place that knows `window.stillpoint` exists.
 */
export function platform(): StillpointBridge {
  const bridge = window.stillpoint;
  if (!bridge) {
    throw new Error('Stillpoint must be opened as the desktop app: the connection to the app is missing.');
  }
  return bridge;
}

/** Main's messages to the page, or null outside the desktop app. */
export function appEvents(): StillpointEvents | null {
  return window.stillpointEvents ?? null;
}

/** For callers that want an exception (with the therapist-facing message) instead of a Result. */
export async function unwrap<T>(result: Promise<Result<T>>): Promise<T> {
  const settled = await result;
  if (settled.ok) return settled.value;
  throw new PlatformError(settled.error.code, settled.error.message);
}

export class PlatformError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}
