/**
 * A backup when the app quits needs the renderer (it holds the records and encrypts them), and
 * the renderer cannot keep Electron alive. So on the first quit request main holds the quit,
 * tells the renderer, and quits when the renderer answers that its work is done, or after a
 * time limit so a stuck backup never keeps the app from closing.
 */
export interface QuitHandshakeOptions {
  /** Tells the renderer the app is about to quit; false when there is no window to tell. */
  notifyRenderer: () => boolean;
  quit: () => void;
  timeoutMs: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export function createQuitHandshake(options: QuitHandshakeOptions) {
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as NodeJS.Timeout));
  let state: 'running' | 'waiting' | 'done' = 'running';
  let timer: unknown = null;

  const finish = () => {
    if (state === 'done') return;
    state = 'done';
    if (timer !== null) clearTimer(timer);
    options.quit();
  };

  return {
    /** For app.on('before-quit'): holds the first quit while the renderer finishes. */
    beforeQuit(event: { preventDefault(): void }): void {
      if (state === 'done') return;
      event.preventDefault();
      if (state === 'waiting') return;
      if (!options.notifyRenderer()) {
        finish();
        return;
      }
      state = 'waiting';
      timer = setTimer(finish, options.timeoutMs);
    },
    /** Closing the last window quits the app: hold the close until the quit work is done. */
    holdsWindowClose(): boolean {
      return state !== 'done';
    },
    /** The renderer's answer (channel app:quit-ready). */
    rendererReady(): boolean {
      if (state !== 'waiting') return false;
      finish();
      return true;
    },
  };
}
