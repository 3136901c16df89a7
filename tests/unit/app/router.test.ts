import { describe, expect, it } from 'vitest';
import { parseRoute, routeToHash, sectionOf } from '../../../src-renderer/app/router';

describe('the Sync conflicts screen has its own place', () => {
  it('parses and writes #/sync-conflicts, under Settings in the sidebar', () => {
    const route = parseRoute('#/sync-conflicts');
    expect(route).toEqual({ name: 'sync-conflicts' });
    expect(routeToHash(route)).toBe('#/sync-conflicts');
    expect(sectionOf(route)).toBe('settings');
  });
});
