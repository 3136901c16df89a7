import type { StillpointBridge, StillpointEvents } from '../src-shared/ipc';

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
