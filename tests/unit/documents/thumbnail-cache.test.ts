import { describe, expect, it } from 'vitest';
import {
  THUMBNAIL_EDGE,
  ThumbnailCache,
  thumbnailSize,
} from '../../../src-renderer/features/documents/thumbnail-cache';

/** A job the test finishes by hand, so what runs at once is seen, not timed. */
function controlled() {
  const jobs: { key: string; finish: (value: string) => void; fail: (error: Error) => void }[] = [];
  const make = (key: string) => () =>
    new Promise<string>((finish, fail) => {
      jobs.push({ key, finish, fail });
    });
  return { jobs, make };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('thumbnails are made one at a time, once each, and only so many kept', () => {
  it('200 photos asked for at once: one decode at a time, in order', async () => {
    const cache = new ThumbnailCache<string>({ capacity: 300, concurrency: 1 });
    const { jobs, make } = controlled();
    const results = Array.from({ length: 200 }, (_, i) => cache.get(`photo-${i}`, make(`photo-${i}`)));
    let highest = 0;
    for (let i = 0; i < 200; i++) {
      await settle();
      highest = Math.max(highest, cache.busy);
      expect(jobs).toHaveLength(i + 1); // the next starts only when the one before has finished
      jobs[i]!.finish(`thumb-${i}`);
    }
    expect(await Promise.all(results)).toEqual(Array.from({ length: 200 }, (_, i) => `thumb-${i}`));
    expect(highest).toBe(1);
    expect(cache.busy).toBe(0);
  });

  it('the same photo asked for twice is made once, and later taken from those kept', async () => {
    const cache = new ThumbnailCache<string>({ capacity: 10, concurrency: 2 });
    const { jobs, make } = controlled();
    const a = cache.get('a:hash', make('a'));
    const again = cache.get('a:hash', make('a'));
    await settle();
    expect(jobs).toHaveLength(1);
    jobs[0]!.finish('small a');
    expect(await a).toBe('small a');
    expect(await again).toBe('small a');
    expect(await cache.get('a:hash', make('a'))).toBe('small a');
    expect(jobs).toHaveLength(1);
  });

  it('keeps at most its capacity, letting the least recently used go (disposed)', async () => {
    const disposed: string[] = [];
    const cache = new ThumbnailCache<string>({
      capacity: 3,
      concurrency: 1,
      dispose: (v) => disposed.push(v),
    });
    const now = (key: string) => cache.get(key, async () => `t-${key}`);
    for (const key of ['a', 'b', 'c']) await now(key);
    await now('a'); // used again: b is now the oldest
    await now('d');
    expect(cache.size).toBe(3);
    expect(disposed).toEqual(['t-b']);
    let made = false;
    await cache.get('b', async () => {
      made = true;
      return 't-b2';
    });
    expect(made).toBe(true);
    expect(disposed).toEqual(['t-b', 't-c']);
  });

  it('a damaged file fails its own thumbnail only, and is tried again next time', async () => {
    const cache = new ThumbnailCache<string>({ capacity: 3, concurrency: 1 });
    const { jobs, make } = controlled();
    const broken = cache.get('x', make('x'));
    const fine = cache.get('y', make('y'));
    await settle();
    jobs[0]!.fail(new Error('checksum'));
    await expect(broken).rejects.toThrow('checksum');
    await settle();
    jobs[1]!.finish('ok');
    expect(await fine).toBe('ok');
    const retried = cache.get('x', make('x'));
    await settle();
    expect(jobs).toHaveLength(3);
    jobs[2]!.finish('x now');
    expect(await retried).toBe('x now');
  });

  it('forgets a removed document', async () => {
    const cache = new ThumbnailCache<string>({ capacity: 5, concurrency: 1 });
    await cache.get('doc1:aaa', async () => '1');
    await cache.get('doc2:bbb', async () => '2');
    cache.forget('doc1:');
    expect(cache.size).toBe(1);
  });
});

describe('the size a photo is decoded at', () => {
  it.each([
    ['a landscape photo', { width: 4000, height: 3000 }, 1, { width: 171, height: THUMBNAIL_EDGE }],
    [
      'the same photo stored on its side (orientation 6)',
      { width: 4000, height: 3000 },
      6,
      { width: THUMBNAIL_EDGE, height: 171 },
    ],
    ['a small picture is not enlarged', { width: 24, height: 16 }, 1, { width: 24, height: 16 }],
    ['a panorama keeps its shape', { width: 40_000, height: 2_500 }, 1, { width: 512, height: 32 }],
    ['an unreadable size', null, 1, { width: THUMBNAIL_EDGE, height: THUMBNAIL_EDGE }],
  ])('%s', (_, declared, orientation, expected) => {
    expect(thumbnailSize(declared, orientation)).toEqual(expected);
  });
});
