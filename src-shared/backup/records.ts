/** One chunk of records of one table: what the writer consumes and the reader yields. */
export interface RecordBatch<R = unknown> {
  table: string;
  records: readonly R[];
}

/** Progress in records: `total` is the expected number of records (see each function). */
export type ProgressCallback = (done: number, total: number) => void;

/**
 * What both the writer and the reader accept for cancel: any object with `aborted`, such as an
 * AbortSignal (typed structurally so the same code compiles against Node's and the DOM's types).
 */
export interface CancelSignal {
  readonly aborted: boolean;
}

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Lets the renderer paint and handle a Cancel click between chunks of synchronous work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
