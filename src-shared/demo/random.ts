/**
 * A small, fast, seeded pseudo-random generator for the synthetic practice, and the helpers the
 * generator draws with. Pure TypeScript, no clock, no Math.random, no crypto: the same seed always
 * gives the same numbers on every machine.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state,
 * passes PractRand). Each client gets its own stream seeded by hashing (practice seed, client
 * index), so a client's records do not depend on the batch size or on the clients before it.
 * A counter-based generator such as mulberry32 would not do here: its 32-bit state makes streams
 * started at different points overlap, which would repeat UUIDs across clients.
 */

/** Murmur3's 32-bit finaliser: a good avalanche for mixing seeds. */
function fmix32(input: number): number {
  let h = input >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Splits any finite number into two 32-bit words (negative and fractional seeds are fine). */
function seedWords(seed: number): [number, number] {
  if (!Number.isFinite(seed)) throw new RangeError(`A seed must be a finite number, got ${seed}`);
  const whole = Math.floor(seed);
  return [whole >>> 0, Math.floor(whole / 4_294_967_296) >>> 0];
}

/** A 32-bit hash of a list of numbers, order-sensitive. */
export function hashSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    const [lo, hi] = seedWords(part);
    h = fmix32(h ^ fmix32(lo + 0x7f4a7c15));
    h = fmix32(h ^ fmix32(hi + 0x2545f491));
  }
  return h;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(n: number): string {
  return HEX[n >>> 24]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;
}

function hex16(n: number): string {
  return HEX[(n >>> 8) & 255]! + HEX[n & 255]!;
}

/** A seeded sfc32 stream with the draws the generator needs. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A stream for the given key parts, e.g. `new Random(seed, clientIndex)`. */
  constructor(...key: number[]) {
    const base = hashSeed(...key);
    this.a = fmix32(base ^ 0xa0761d65);
    this.b = fmix32(base ^ 0xe7037ed1);
    this.c = fmix32(base ^ 0x8ebc6af0);
    this.d = 1;
    for (let i = 0; i < 15; i += 1) this.uint32();
  }

  /** The next 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4_294_967_296;
  }

  /** An integer from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float from min (included) to max (excluded). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** `count` distinct items in random order (all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i += 1) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    return copy.slice(0, n);
  }

  /** A normal variate (Box-Muller). */
  normal(mean: number, sd: number): number {
    const u = 1 - this.next(); // (0, 1]: log never sees 0
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A normal variate rounded and clamped to [min, max]. */
  normalInt(mean: number, sd: number, min: number, max: number): number {
    return Math.min(max, Math.max(min, Math.round(this.normal(mean, sd))));
  }

  /** A Poisson count (Knuth for small means, a rounded normal above 30). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k += 1;
      p *= this.next();
    }
    return k;
  }

  /** A gamma variate with an integer shape (a sum of exponentials), mean shape * scale. */
  gammaInt(shape: number, scale: number): number {
    let sum = 0;
    for (let i = 0; i < shape; i += 1) sum -= Math.log(1 - this.next());
    return sum * scale;
  }

  /** A random UUID in version 4 format (what `crypto.randomUUID` gives), from this stream. */
  uuid(): string {
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const d = this.uint32();
    return (
      `${hex32(a)}-${hex16(b >>> 16)}-4${hex16(b & 0x0fff).slice(1)}-` +
      `${hex16(0x8000 | (c >>> 18)).slice(0, 4)}-${hex16(c & 0xffff)}${hex32(d)}`
    );
  }
}

/** A table for weighted picks: build once, pick many times. */
export class Weighted<T> {
  private readonly items: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.items = [];
    this.cumulative = [];
    let total = 0;
    for (const [item, weight] of entries) {
      if (!(weight > 0)) continue;
      total += weight;
      this.items.push(item);
      this.cumulative.push(total);
    }
    if (total === 0) throw new RangeError('A weighted table needs at least one positive weight');
    this.total = total;
  }

  pick(random: Random): T {
    const target = random.next() * this.total;
    const cumulative = this.cumulative;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

/** Shorthand for `new Weighted(entries)`. */
export function weighted<T>(entries: readonly (readonly [T, number])[]): Weighted<T> {
  return new Weighted(entries);
}
