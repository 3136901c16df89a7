import { describe, expect, it, vi } from 'vitest';
import {
  readStorageState,
  requestPersistentStorage,
} from '../../../src-renderer/features/storage/persistence';

function manager(options: {
  persisted?: boolean;
  grant?: boolean;
  fail?: boolean;
  usage?: number;
  quota?: number;
}) {
  return {
    persisted: vi.fn(async () => {
      if (options.fail) throw new Error('unavailable');
      return options.persisted ?? false;
    }),
    persist: vi.fn(async () => options.grant ?? false),
    estimate: vi.fn(async () => ({ usage: options.usage, quota: options.quota })),
  };
}

describe('requestPersistentStorage', () => {
  it('asks only when not yet persistent, and reports the answer', async () => {
    const granted = manager({ persisted: false, grant: true });
    expect(await requestPersistentStorage(granted)).toBe(true);
    expect(granted.persist).toHaveBeenCalledOnce();

    const already = manager({ persisted: true });
    expect(await requestPersistentStorage(already)).toBe(true);
    expect(already.persist).not.toHaveBeenCalled();

    expect(await requestPersistentStorage(manager({ persisted: false, grant: false }))).toBe(false);
  });

  it('never throws: unsupported or failing storage reads as "unknown"', async () => {
    expect(await requestPersistentStorage(undefined)).toBeNull();
    expect(await requestPersistentStorage(manager({ fail: true }))).toBeNull();
  });
});

describe('readStorageState', () => {
  it('reports persistence, use and room', async () => {
    expect(await readStorageState(manager({ persisted: true, usage: 1_234_567, quota: 50e9 }))).toEqual({
      persisted: true,
      usage: 1_234_567,
      quota: 50e9,
    });
    expect(await readStorageState(undefined)).toEqual({ persisted: null, usage: null, quota: null });
    expect(await readStorageState(manager({ fail: true }))).toMatchObject({ persisted: null });
  });
});
