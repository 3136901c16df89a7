/**
 * Posting lists: the ascending numbers of the notes that contain a term, stored as the gaps
 * between them in LEB128 varints (a term in every note costs one byte a note). A note's number
 * is its rank newest first, so the first hits of a query are the most recent notes.
 */

/** A growable byte buffer of varint gaps, filled with ascending numbers. */
export class PostingsWriter {
  private bytes = new Uint8Array(16);
  private length = 0;
  private last = -1;
  count = 0;

  add(value: number): void {
    if (value <= this.last) throw new RangeError('Postings must be added in ascending order');
    let gap = value - this.last;
    this.last = value;
    this.count += 1;
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    while (gap >= 0x80) {
      this.bytes[this.length++] = (gap & 0x7f) | 0x80;
      gap >>>= 7;
    }
    this.bytes[this.length++] = gap;
  }

  finish(): Uint8Array<ArrayBuffer> {
    return this.bytes.slice(0, this.length);
  }
}

/** Calls `visit` with each number of an encoded posting list, in ascending order. */
export function forEachPosting(bytes: Uint8Array, visit: (value: number) => void): void {
  let value = -1;
  let gap = 0;
  let shift = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    gap |= (byte & 0x7f) << shift;
    if (byte & 0x80) {
      shift += 7;
    } else {
      value += gap;
      visit(value);
      gap = 0;
      shift = 0;
    }
  }
}

export function decodePostings(bytes: Uint8Array): number[] {
  const out: number[] = [];
  forEachPosting(bytes, (value) => out.push(value));
  return out;
}

/** A set of note numbers 0..size-1 as a bitset: unions and intersections in a few milliseconds. */
export class NoteSet {
  readonly words: Uint32Array;

  constructor(readonly size: number) {
    this.words = new Uint32Array(Math.ceil(size / 32));
  }

  addPostings(bytes: Uint8Array): void {
    const words = this.words;
    forEachPosting(bytes, (value) => {
      words[value >>> 5]! |= 1 << (value & 31);
    });
  }

  has(value: number): boolean {
    return (this.words[value >>> 5]! & (1 << (value & 31))) !== 0;
  }

  intersect(other: NoteSet): void {
    for (let i = 0; i < this.words.length; i++) this.words[i]! &= other.words[i]!;
  }

  count(): number {
    let total = 0;
    for (let i = 0; i < this.words.length; i++) {
      let v = this.words[i]!;
      v -= (v >>> 1) & 0x55555555;
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
      total += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return total;
  }

  /** The first `limit` members, smallest first (the most recent notes). */
  first(limit: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.words.length && out.length < limit; i++) {
      let v = this.words[i]!;
      while (v !== 0 && out.length < limit) {
        const bit = 31 - Math.clz32(v & -v);
        out.push(i * 32 + bit);
        v &= v - 1;
      }
    }
    return out;
  }
}
