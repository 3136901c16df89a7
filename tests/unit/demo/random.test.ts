import { describe, expect, it } from 'vitest';
import { generatePracticeAll, practiceInfo, Random, weighted } from '../../../src-shared/demo';

describe('seeded random stream', () => {
  it('repeats for the same key and differs for another', () => {
    const a = new Random(1, 2);
    const b = new Random(1, 2);
    const c = new Random(1, 3);
    const seqA = Array.from({ length: 20 }, () => a.uint32());
    expect(Array.from({ length: 20 }, () => b.uint32())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.uint32())).not.toEqual(seqA);
    // Large, negative and fractional seeds are fine and distinct from their neighbours.
    expect(new Random(2 ** 40).uint32()).not.toBe(new Random(2 ** 40 + 1).uint32());
    expect(new Random(-1).uint32()).not.toBe(new Random(1).uint32());
    expect(() => new Random(Number.NaN)).toThrow(RangeError);
  });

  it('draws in range with plausible moments', () => {
    const random = new Random(7);
    const n = 20_000;
    let sum = 0;
    let sumSq = 0;
    let poissonSum = 0;
    let outOfRange = 0;
    for (let i = 0; i < n; i += 1) {
      const x = random.next();
      const k = random.int(3, 5);
      if (x < 0 || x >= 1 || k < 3 || k > 5 || !Number.isInteger(k)) outOfRange += 1;
      const z = random.normal(10, 2);
      sum += z;
      sumSq += z * z;
      poissonSum += random.poisson(4);
    }
    expect(outOfRange).toBe(0);
    const mean = sum / n;
    expect(mean).toBeCloseTo(10, 0);
    expect(Math.sqrt(sumSq / n - mean * mean)).toBeCloseTo(2, 0);
    expect(poissonSum / n).toBeCloseTo(4, 0);
  });

  it('picks by weight and samples without repeats', () => {
    const random = new Random(9);
    const table = weighted([
      ['a', 1],
      ['b', 3],
      ['never', 0],
    ] as const);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 8_000; i += 1) counts[table.pick(random)] += 1;
    expect(counts.never).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.5);
    expect(counts.b / counts.a).toBeLessThan(3.5);
    const sample = random.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(sample).size).toBe(4);
    expect(random.sample([1, 2], 5)).toHaveLength(2);
  });

  it('makes version 4 UUIDs', () => {
    const random = new Random(11);
    const ids = Array.from({ length: 5_000 }, () => random.uuid());
    const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(ids.filter((id) => !v4.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('practice options', () => {
  it('refuses impossible options', () => {
    expect(() => practiceInfo({ seed: 1, clients: -1 })).toThrow(RangeError);
    expect(() => practiceInfo({ seed: 1, clients: 1.5 })).toThrow(RangeError);
    expect(() => practiceInfo({ seed: 1, clients: 5, today: '2026-02-30' })).toThrow(RangeError);
    expect(() => practiceInfo({ seed: 1, clients: 5, yearsOfHistory: 0 })).toThrow(RangeError);
  });

  it('keeps every session inside the years of history and on or before today', () => {
    const practice = generatePracticeAll({ seed: 4, clients: 40, today: '2020-03-01', yearsOfHistory: 2 });
    expect(practice.sessions.length).toBeGreaterThan(0);
    for (const note of practice.sessions) {
      expect(note.serviceDate <= '2020-03-01').toBe(true);
      // Adults and children start within the window; babies start after birth, also inside it.
      expect(note.serviceDate >= '2018-02-01').toBe(true);
    }
  });

  it('has no clients and no records for an empty practice', () => {
    const empty = generatePracticeAll({ seed: 1, clients: 0 });
    expect(empty).toEqual({ clients: [], healthHistories: [], sessions: [], afterEffects: [], auditLog: [] });
    expect(practiceInfo({ seed: 1, clients: 0 }).busyClientId).toBeNull();
  });
});
