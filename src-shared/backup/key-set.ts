/**
 * The record keys a restore remembers (every key of every table, to refuse a key seen twice and
 * for Replace all's deletions), in typed arrays rather than JavaScript strings and objects (their
 * bytes still count in Chromium's measured JS heap, `usedJSHeapSize`, but the collector does not
 * walk them).
 *
 * A `Set<string>` of the 686,000 keys of a 10,000-client practice holds about 60 MB of live
 * JavaScript objects for the whole restore, and the garbage collector lets the heap grow to
 * a multiple of what is live before it collects, so the restore's peak heap rose with the size
 * of the practice. Here the keys are UTF-8 bytes in one growing buffer with an open-addressing
 * table of offsets (typed arrays: about 50 bytes a key, none of them objects the collector
 * walks). Membership is exact: a lookup compares the bytes, not only the hash.
 */

/** What a restore needs of a set of keys; a `Set<string>` is one too. */
export interface KeySet {
  has(key: string): boolean;
  add(key: string): unknown;
  readonly size: number;
}

const encoder = new TextEncoder();

export class CompactKeySet implements KeySet {
  private bytes = new Uint8Array(1024);
  private used = 0;
  /** Key i occupies bytes [starts[i], starts[i + 1]). */
  private starts = new Uint32Array(65);
  private count = 0;
  /** Open addressing, linear probing: 0 is empty, else the key's index + 1. */
  private slots = new Int32Array(128);
  private scratch = new Uint8Array(256);

  get size(): number {
    return this.count;
  }

  has(key: string): boolean {
    const length = this.encode(key);
    return this.find(length, this.hash(length)) >= 0;
  }

  /** Adds the key; answers false when it was there already. */
  add(key: string): boolean {
    const length = this.encode(key);
    const hash = this.hash(length);
    if (this.find(length, hash) >= 0) return false;
    if ((this.count + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    this.ensureBytes(this.used + length);
    this.bytes.set(this.scratch.subarray(0, length), this.used);
    if (this.count + 2 > this.starts.length) this.starts = grow(this.starts, this.starts.length * 2);
    this.starts[this.count] = this.used;
    this.used += length;
    this.starts[this.count + 1] = this.used;
    this.insert(this.count, hash);
    this.count++;
    return true;
  }

  /** UTF-8 of the key into the scratch buffer; its length. */
  private encode(key: string): number {
    if (key.length * 3 > this.scratch.length) this.scratch = new Uint8Array(key.length * 3);
    return encoder.encodeInto(key, this.scratch).written;
  }

  /** FNV-1a over the scratch bytes. */
  private hash(length: number): number {
    let hash = 0x811c9dc5;
    for (let i = 0; i < length; i++) hash = Math.imul(hash ^ this.scratch[i]!, 0x01000193);
    return hash >>> 0;
  }

  /** The index of the key in the scratch buffer, or -1. */
  private find(length: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      const index = entry - 1;
      const start = this.starts[index]!;
      if (this.starts[index + 1]! - start === length && this.equalAt(start, length)) return index;
    }
  }

  private equalAt(start: number, length: number): boolean {
    for (let i = 0; i < length; i++) if (this.bytes[start + i] !== this.scratch[i]) return false;
    return true;
  }

  private insert(index: number, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = index + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let index = 0; index < this.count; index++) {
      const start = this.starts[index]!;
      let hash = 0x811c9dc5;
      for (let i = start; i < this.starts[index + 1]!; i++)
        hash = Math.imul(hash ^ this.bytes[i]!, 0x01000193);
      this.insert(index, hash >>> 0);
    }
  }

  private ensureBytes(needed: number): void {
    if (needed <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < needed) size *= 2;
    this.bytes = grow(this.bytes, size);
  }
}

function grow<T extends Uint8Array | Uint32Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (size: number) => T)(size);
  bigger.set(array);
  return bigger;
}
