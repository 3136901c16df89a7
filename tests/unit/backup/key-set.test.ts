import { describe, expect, it } from 'vitest';
import { CompactKeySet } from '../../../src-shared/backup/key-set';

/** The restore's key set (outside the JS heap) answers exactly as a Set<string> would. */
describe('CompactKeySet', () => {
  it('agrees with a Set<string> over many keys, near misses and non-ASCII keys', () => {
    const compact = new CompactKeySet();
    const reference = new Set<string>();
    const keys: string[] = [];
    for (let i = 0; i < 50_000; i++) keys.push(`${(i * 2_654_435_761) % 1_000_003}-key-${i % 977}`);
    keys.push('', 'Zoë', 'Zoe', 'Zoë ', '日本語', '\u{1F600}', 'a'.repeat(5_000), 'a'.repeat(4_999));
    for (const key of keys) {
      expect(compact.add(key)).toBe(!reference.has(key));
      reference.add(key);
    }
    expect(compact.size).toBe(reference.size);
    for (const key of keys) expect(compact.has(key)).toBe(true);
    for (const missing of ['Zoé', 'a'.repeat(5_001), '1-key-1x', 'key', '\u{1F601}'])
      expect(compact.has(missing)).toBe(reference.has(missing));
  });

  it('refuses a key added twice, as the reader needs for "appears twice"', () => {
    const set = new CompactKeySet();
    expect(set.add('c1')).toBe(true);
    expect(set.add('c1')).toBe(false);
    expect(set.size).toBe(1);
  });
});
