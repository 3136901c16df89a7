/**
 * Small pictures of photos, made once and kept for this run of the app (issue 15). A client with
 * 200 photos must not decode 200 full images at once: thumbnails are made one (or `concurrency`)
 * at a time, only when asked for (a list item scrolled near the view asks), the same one asked
 * twice is made once, and at most `capacity` are kept, the least recently used going first.
 *
 * Kept in memory only, on purpose: a thumbnail is derived from a file the record already holds,
 * so it is not a record (no table, not in a backup or export), and nothing of a client's photos
 * stays on disk after the client is deleted. A key names the file's id and its SHA-256, so a
 * thumbnail never outlives the bytes it was made from.
 */
export class ThumbnailCache<T> {
  private readonly kept = new Map<string, T>();
  private readonly making = new Map<string, Promise<T>>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;

  constructor(
    private readonly options: { capacity: number; concurrency: number; dispose?: (value: T) => void },
  ) {}

  /** The thumbnail for `key`: taken from those kept, or made by `make` in its turn. */
  get(key: string, make: () => Promise<T>): Promise<T> {
    const kept = this.kept.get(key);
    if (kept !== undefined) {
      // Most recently used goes last: Map keeps insertion order.
      this.kept.delete(key);
      this.kept.set(key, kept);
      return Promise.resolve(kept);
    }
    const pending = this.making.get(key);
    if (pending) return pending;
    const made = this.inTurn(make).then(
      (value) => {
        this.making.delete(key);
        this.keep(key, value);
        return value;
      },
      (error: unknown) => {
        this.making.delete(key);
        throw error;
      },
    );
    this.making.set(key, made);
    return made;
  }

  /** Forgets every thumbnail of a file (removed, or its client deleted). */
  forget(prefix: string): void {
    for (const [key, value] of this.kept) {
      if (key.startsWith(prefix)) {
        this.kept.delete(key);
        this.options.dispose?.(value);
      }
    }
  }

  get size(): number {
    return this.kept.size;
  }

  /** How many are being made right now (never more than `concurrency`). */
  get busy(): number {
    return this.running;
  }

  private keep(key: string, value: T) {
    this.kept.set(key, value);
    while (this.kept.size > this.options.capacity) {
      const [oldest, old] = this.kept.entries().next().value as [string, T];
      this.kept.delete(oldest);
      this.options.dispose?.(old);
    }
  }

  private async inTurn<R>(work: () => Promise<R>): Promise<R> {
    // A finished job hands its place straight to the next in line, so no newcomer slips in between.
    if (this.running >= this.options.concurrency) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

/** The shorter side of a thumbnail in pixels: the list shows 64 CSS pixels, twice that on sharp screens. */
export const THUMBNAIL_EDGE = 128;
/** A panorama's longer side is no longer than this (the list crops it to a square anyway). */
const LONGEST_EDGE = THUMBNAIL_EDGE * 4;

/** The size a picture is decoded at: the shorter side THUMBNAIL_EDGE, as it stands once turned. */
export function thumbnailSize(
  declared: { width: number; height: number } | null,
  orientation: number,
): { width: number; height: number } {
  if (!declared) return { width: THUMBNAIL_EDGE, height: THUMBNAIL_EDGE };
  // Orientations 5-8 turn the picture a quarter: its width becomes its height.
  const turned = orientation >= 5;
  const width = turned ? declared.height : declared.width;
  const height = turned ? declared.width : declared.height;
  const scale = Math.min(1, THUMBNAIL_EDGE / Math.min(width, height), LONGEST_EDGE / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
