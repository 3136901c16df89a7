/**
 * How values cross the Playwright binding between the page and Node. Playwright serializes
 * plain JSON-like values; byte arrays (PDFs, backups) travel as base64 in a tagged object and
 * come out as Uint8Array on the other side, as they would over Electron's IPC.
 */
export const BYTES_TAG = '__stillpointBytes';

export function encodeForWire(value: unknown): unknown {
  if (value instanceof Uint8Array) return { [BYTES_TAG]: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(encodeForWire);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeForWire(v)]));
  }
  return value;
}

export function decodeFromWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeFromWire);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record[BYTES_TAG] === 'string' && Object.keys(record).length === 1) {
      return new Uint8Array(Buffer.from(record[BYTES_TAG] as string, 'base64'));
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decodeFromWire(v)]));
  }
  return value;
}

/**
 * Runs inside the page before any of the app's scripts: builds `window.stillpoint` with one
 * method per channel, like the preload does, on top of the harness binding. Kept
 * self-contained because Playwright ships it to the page as source text.
 */
export function installBridgeInPage(args: {
  methods: [string, string][];
  tag: string;
  binding: string;
}): void {
  const { methods, tag, binding } = args;
  const toBase64 = (bytes: Uint8Array) => {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary);
  };
  const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const encode = (value: unknown): unknown => {
    if (value instanceof Uint8Array) return { [tag]: toBase64(value) };
    if (value instanceof ArrayBuffer) return { [tag]: toBase64(new Uint8Array(value)) };
    if (Array.isArray(value)) return value.map(encode);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
    }
    return value;
  };
  const decode = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(decode);
    if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record[tag] === 'string' && Object.keys(record).length === 1)
        return fromBase64(record[tag] as string);
      return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decode(v)]));
    }
    return value;
  };
  // Looked up at call time: Playwright may install the binding after this script runs.
  const call = (name: string, payload: unknown) =>
    (window as unknown as Record<string, (name: string, payload: unknown) => Promise<unknown>>)[binding]!(
      name,
      payload,
    );
  const bridge: Record<string, (request?: unknown) => Promise<unknown>> = {};
  for (const [method, channelName] of methods) {
    bridge[method] = async (request?: unknown) => decode(await call(channelName, encode(request)));
  }
  Object.defineProperty(window, 'stillpoint', {
    value: Object.freeze(bridge),
    writable: false,
    configurable: false,
  });
  // Main's "about to quit" message, as the preload exposes it; the harness sends it by calling
  // the hidden trigger (see Harness.requestQuit).
  const quitListeners = new Set<() => void>();
  // Main's "go back/forward" (the Go menu, Windows mouse buttons); the hidden trigger stands
  // for main's send, the direction checked as the preload checks it.
  const navigateListeners = new Set<(direction: 'back' | 'forward') => void>();
  const events = {
    onBeforeQuit(listener: () => void) {
      const handler = () => listener();
      quitListeners.add(handler);
      return () => {
        quitListeners.delete(handler);
      };
    },
    onNavigate(listener: (direction: 'back' | 'forward') => void) {
      navigateListeners.add(listener);
      return () => {
        navigateListeners.delete(listener);
      };
    },
  };
  Object.defineProperty(window, '__stillpointHarnessNavigate', {
    value: (direction: unknown) => {
      if (direction !== 'back' && direction !== 'forward') return 0;
      for (const listener of navigateListeners) listener(direction);
      return navigateListeners.size;
    },
  });
  Object.defineProperty(window, 'stillpointEvents', { value: Object.freeze(events), configurable: false });
  Object.defineProperty(window, '__stillpointHarnessBeforeQuit', {
    value: () => {
      for (const listener of quitListeners) listener();
      return quitListeners.size;
    },
  });
}
