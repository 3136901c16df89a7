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
