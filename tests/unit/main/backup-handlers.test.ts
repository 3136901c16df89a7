import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createMainHandlers, type MainDeps } from '../../../src-main/handlers';
import { createDispatcher } from '../../../src-main/ipc';
import type { KeyStorage } from '../../../src-shared/domain/backup-settings';

vi.mock('electron', () => ({}));

function setup(keyStorage: KeyStorage = 'secure') {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stillpoint-data-'));
  const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stillpoint-backups-'));
  let clock = new Date('2026-11-26T09:00:00Z');
  const deps: MainDeps = {
    appName: 'Stillpoint',
    appVersion: '0.1.0',
    platform: 'linux',
    userDataDir: dataDir,
    resourcesDir: '/nonexistent',
    dialogs: {
      chooseFolder: async () => backupDir,
      chooseOpenFile: async () => null,
      chooseSavePath: async () => null,
    },
    printer: { printPdf: vi.fn() },
    secureStore: {
      storage: () => keyStorage,
      encrypt: (text) => new TextEncoder().encode(`sealed:${text}`),
      decrypt: (data) => new TextDecoder().decode(data).replace(/^sealed:/, ''),
    },
    now: () => clock,
    harness: false,
  };
  const dispatch = createDispatcher(createMainHandlers(deps), { isTrustedSender: () => true, log: () => {} });
  const call = async (channel: string, payload?: unknown) => {
    const result = await dispatch(channel, payload, { url: 'app://stillpoint/', isMainFrame: true });
    // biome-ignore lint/suspicious/noExplicitAny: each test reads the value shape it expects
    return result as { ok: boolean; value?: any; error?: { code: string; message: string } };
  };
  return { dataDir, backupDir, call, tick: () => (clock = new Date(clock.getTime() + 60_000)) };
}

describe('backup channels', () => {
  it('needs a folder before writing, then writes atomically and records the last good backup', async () => {
    const t = setup();
    const early = await t.call('backup:write', {
      fileName: 'Stillpoint backup 1.stillpoint',
      bytes: new Uint8Array([1]),
      automatic: false,
    });
    expect(early).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    expect((await t.call('backup:choose-folder')).value.folder).toBe(t.backupDir);
    const written = await t.call('backup:write', {
      fileName: 'Stillpoint backup 2026-11-26 090000.stillpoint',
      bytes: new Uint8Array([7, 7, 7]),
      automatic: false,
    });
    expect(written.ok).toBe(true);
    expect([...fs.readFileSync(written.value.path)]).toEqual([7, 7, 7]);
    const status = (await t.call('backup:status')).value;
    expect(status).toMatchObject({
      lastSuccessFile: 'Stillpoint backup 2026-11-26 090000.stillpoint',
      lastSuccessAt: '2026-11-26T09:00:00.000Z',
    });
  });

  it('keeps only the newest automatic backups and never deletes manual ones', async () => {
    const t = setup();
    await t.call('backup:choose-folder');
    await t.call('backup:save-schedule', { daily: true, onQuit: true, keep: 2 });
    fs.writeFileSync(path.join(t.backupDir, 'Stillpoint backup 2020-01-01 000000.stillpoint'), 'manual');
    fs.writeFileSync(path.join(t.backupDir, 'holiday.jpg'), 'not ours');
    for (const stamp of ['2026-11-20 080000', '2026-11-21 080000', '2026-11-22 080000']) {
      const result = await t.call('backup:write', {
        fileName: `Stillpoint auto-backup ${stamp}.stillpoint`,
        bytes: new Uint8Array([1]),
        automatic: true,
      });
      expect(result.ok).toBe(true);
    }
    expect(fs.readdirSync(t.backupDir).sort()).toEqual([
      'Stillpoint auto-backup 2026-11-21 080000.stillpoint',
      'Stillpoint auto-backup 2026-11-22 080000.stillpoint',
      'Stillpoint backup 2020-01-01 000000.stillpoint',
      'holiday.jpg',
    ]);
    const list = (await t.call('backup:list')).value as { fileName: string }[];
    expect(list.map((b) => b.fileName)).not.toContain('holiday.jpg');
  });

  it('reads back only backups inside the backup folder', async () => {
    const t = setup();
    await t.call('backup:choose-folder');
    const inside = path.join(t.backupDir, 'Stillpoint backup x.stillpoint');
    fs.writeFileSync(inside, 'ciphertext');
    expect((await t.call('backup:read-file', { path: inside })).ok).toBe(true);
    for (const outside of [
      '/etc/passwd',
      path.join(t.dataDir, 'backup-key.bin'),
      path.join(t.backupDir, '../x.stillpoint'),
    ]) {
      expect(await t.call('backup:read-file', { path: outside })).toMatchObject({
        ok: false,
        error: { code: 'PERMISSION_DENIED' },
      });
    }
  });

  it('keeps the passphrase only through the OS key store, and says when there is none', async () => {
    const t = setup();
    expect((await t.call('backup:store-key', { passphrase: 'correct horse battery' })).value.hasKey).toBe(
      true,
    );
    expect(fs.readFileSync(path.join(t.dataDir, 'backup-key.bin'), 'utf8')).toBe(
      'sealed:correct horse battery',
    );
    expect((await t.call('backup:read-key')).value).toEqual({ passphrase: 'correct horse battery' });
    expect((await t.call('backup:store-key', { passphrase: null })).value.hasKey).toBe(false);

    const none = setup('unavailable');
    expect(await none.call('backup:store-key', { passphrase: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED' },
    });
    expect((await setup('insecure').call('backup:status')).value.keyStorage).toBe('insecure');
  });

  it('a full disk fails the backup plainly and leaves the previous one intact', async () => {
    const t = setup();
    await t.call('backup:choose-folder');
    const name = 'Stillpoint backup keep.stillpoint';
    await t.call('backup:write', { fileName: name, bytes: new Uint8Array([1, 2]), automatic: false });
    const fsp = await import('node:fs/promises');
    const realOpen = fsp.default.open;
    const spy = vi
      .spyOn(fsp.default, 'open')
      .mockImplementation(async (...args: Parameters<typeof realOpen>) => {
        const handle = await realOpen(...args);
        handle.writeFile = async () => {
          throw Object.assign(new Error('full'), { code: 'ENOSPC' });
        };
        return handle;
      });
    const result = await t.call('backup:write', {
      fileName: name,
      bytes: new Uint8Array([9, 9, 9]),
      automatic: false,
    });
    spy.mockRestore();
    expect(result).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    expect([...fs.readFileSync(path.join(t.backupDir, name))]).toEqual([1, 2]);
  });
});
