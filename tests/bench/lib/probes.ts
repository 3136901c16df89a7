/**
 * Instruments that run inside the page (shipped as source text by Playwright, so each function
 * is self-contained). Times are `performance.now()` of the page: milliseconds since the
 * navigation started.
 *
 * "Painted" means: a requestAnimationFrame callback saw the DOM in the expected state (rAF runs
 * just before the frame's style, layout and paint), then a MessageChannel task queued from it
 * ran (tasks run after that frame is painted). It is the usual way to timestamp a paint from
 * script; it reads a little late, never early. A key's start is its keydown event's timeStamp,
 * which Chromium sets when the input arrived, so time spent waiting for a busy main thread counts.
 */

export interface OpenProbeResult {
  /** Navigation start to the first client row (or the empty list) painted. */
  listPaintedMs?: number;
  /** The keydown typed once the list was painted, and the paint showing the typed character. */
  keyDownMs?: number;
  keyPaintedMs?: number;
  /** Size of the client list when it appeared. */
  rowsInDom?: number;
  /** Navigation start to the whole list loaded, searchable (the list carries data-shown-query). */
  listCompleteMs?: number;
}

declare global {
  interface Window {
    __benchOpen?: OpenProbeResult;
    __benchListReady?: () => Promise<void>;
    __benchKeys?: KeySample[];
  }
}

/** Init script: watches the app start and reports when the client list is painted. */
export function installOpenProbe(): void {
  const result: OpenProbeResult = {};
  window.__benchOpen = result;
  const afterPaint = (then: (t: number) => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => then(performance.now());
      channel.port2.postMessage(0);
    });
  const ready = () =>
    document.querySelector('.client-row') ?? document.querySelector('.client-list-page .empty-state');
  const start = () => {
    const complete = new MutationObserver(() => {
      if (!document.querySelector('.list-card[data-shown-query]')) return;
      complete.disconnect();
      result.listCompleteMs = performance.now();
    });
    complete.observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['data-shown-query'],
    });
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      afterPaint((painted) => {
        result.listPaintedMs = painted;
        result.rowsInDom = document.querySelectorAll('.client-row').length;
        const input = document.getElementById('client-search') as HTMLInputElement | null;
        if (!input) return;
        input.addEventListener(
          'keydown',
          (event) => {
            result.keyDownMs = event.timeStamp;
            afterPaint((t) => {
              result.keyPaintedMs = t;
            });
          },
          { once: true },
        );
        input.focus();
        void window.__benchListReady?.();
      });
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
  };
  if (document.documentElement) start();
  else document.addEventListener('readystatechange', start, { once: true });
}

export interface KeySample {
  key: string;
  /** keydown timeStamp to the paint that shows its effect. */
  ms: number;
  /** The value of the field after the key. */
  value: string;
  /** Text of the autosave status when the key went down (typing measure). */
  status?: string;
}

/**
 * Keystroke to paint. mode 'echo': the next paint after the key (the typed character shows).
 * mode 'shown': the first paint where `shownSelector` carries data-shown-query equal to the
 * field's value (the filtered list, or the search results, for what was typed).
 */
export function installKeyProbe(args: {
  mode: 'echo' | 'shown';
  fieldSelector: string;
  shownSelector?: string;
  statusSelector?: string;
}): void {
  const samples: KeySample[] = [];
  window.__benchKeys = samples;
  const field = document.querySelector(args.fieldSelector) as HTMLInputElement | HTMLTextAreaElement | null;
  if (!field) throw new Error(`No field ${args.fieldSelector}`);
  const afterPaint = (then: (t: number) => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => then(performance.now());
      channel.port2.postMessage(0);
    });
  field.addEventListener(
    'keydown',
    (event) => {
      const start = event.timeStamp;
      const status = args.statusSelector
        ? (document.querySelector(args.statusSelector)?.textContent ?? '')
        : undefined;
      const record = (t: number) =>
        samples.push({
          key: (event as KeyboardEvent).key,
          ms: t - start,
          value: field.value,
          ...(status !== undefined ? { status } : {}),
        });
      if (args.mode === 'echo') {
        afterPaint(record);
        return;
      }
      // The key's input event runs in the same task as its keydown, before any frame: by the
      // first animation frame the field holds the new value. Wait for the frame in which the
      // list shows that value (the app may take several), then for its paint.
      let wanted: string | undefined;
      const check = () => {
        wanted ??= field.value;
        const shown = document.querySelector<HTMLElement>(args.shownSelector ?? '')?.dataset.shownQuery;
        if (shown === wanted) {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => record(performance.now());
          channel.port2.postMessage(0);
        } else if (performance.now() - start < 10_000) requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    },
    { capture: true },
  );
}

/**
 * In-app navigation (what a click on a link does): sets the hash, then waits until every one of
 * `readySelectors` matches an element, and for that frame's paint.
 */
export function navigateAndTime(args: { hash: string; readySelectors: string[] }): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    window.location.hash = args.hash;
    const check = () => {
      if (args.readySelectors.every((selector) => document.querySelector(selector))) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - start);
        channel.port2.postMessage(0);
      } else if (performance.now() - start > 30_000) reject(new Error(`Timed out waiting for ${args.hash}`));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}
