/**
 * Peak JS heap of this page while something runs: `performance.memory` (Chromium; precise with
 * --enable-precise-memory-info, which the bench passes), sampled on a timer and whenever the
 * work reports progress. A sample can only be taken when the main thread is free, so the true
 * peak may be a little higher than reported.
 */
interface MemoryInfo {
  usedJSHeapSize: number;
}

export function usedHeapBytes(): number {
  return (performance as unknown as { memory?: MemoryInfo }).memory?.usedJSHeapSize ?? Number.NaN;
}

export class HeapSampler {
  private peak = usedHeapBytes();
  private readonly timer = window.setInterval(() => this.sample(), 50);

  sample(): void {
    const used = usedHeapBytes();
    if (used > this.peak) this.peak = used;
  }

  /** Stops sampling; the peak in MB. */
  stop(): number {
    window.clearInterval(this.timer);
    this.sample();
    return this.peak / 1e6;
  }
}

/**
 * With BENCH_GC_PROBE=1 (window.gc exposed): the JS heap after a full collection, i.e. what is
 * live, at most every `everyMs`; the largest such figure. Without the flag, NaN.
 */
export class LiveHeapProbe {
  private peak = Number.NaN;
  private last = 0;

  constructor(private readonly everyMs = 2_000) {}

  sample(force = false): void {
    const gc = (globalThis as unknown as { gc?: () => void }).gc;
    if (!gc) return;
    const now = performance.now();
    if (!force && now - this.last < this.everyMs) return;
    this.last = now;
    gc();
    const used = usedHeapBytes();
    if (!(used <= this.peak)) this.peak = used;
  }

  /** MB, or NaN without the probe. */
  peakMB(): number {
    return this.peak / 1e6;
  }
}
