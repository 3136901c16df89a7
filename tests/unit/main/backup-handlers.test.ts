import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createMainHandlers, type MainDeps } from '../../../src-main/handlers';
import { createDispatcher } from '../../../src-main/ipc';
import {
  backupFileNameFor,
  type KeyStorage,
  MIN_AUTOMATIC_BACKUPS_KEPT,
} from '../../../src-shared/domain/backup-settings';

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
  /**
   * A backup written the way the renderer writes one: begin (main names the file), the bytes in
   * chunks, commit. Answers the first step that failed, else the commit.
   */
  const writeBackup = async (request: Record<string, unknown>, bytes: Uint8Array) => {
    const begun = await call('backup:stream-begin', request);
    if (!begun.ok) return begun;
    const { token } = begun.value;
    for (let at = 0; at < bytes.length; at += 2) {
      const chunk = await call('backup:stream-chunk', { token, bytes: bytes.slice(at, at + 2) });
      if (!chunk.ok) return chunk;
    }
    return call('backup:stream-commit', { token });
  };
  return {
    dataDir,
    backupDir,
    call,
    writeBackup,
    tick: () => (clock = new Date(clock.getTime() + 60_000)),
    setClock: (at: Date) => (clock = at),
  };
}

describe('backup channels', () => {
  it('needs a folder before writing, then writes the streamed file and records the last good backup', async () => {
    const t = setup();
    const early = await t.writeBackup({ kind: 'manual' }, new Uint8Array([1]));
    expect(early).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    expect((await t.call('backup:choose-folder')).value.folder).toBe(t.backupDir);
    const written = await t.writeBackup({ kind: 'manual' }, new Uint8Array([7, 7, 7]));
    expect(written.ok).toBe(true);
    const expectedName = backupFileNameFor('manual', new Date('2026-11-26T09:00:00Z'));
    expect(written.value).toEqual({
      path: path.join(t.backupDir, expectedName),
      fileName: expectedName,
      pruned: [],
    });
    expect([...fs.readFileSync(written.value.path)]).toEqual([7, 7, 7]);
    const status = (await t.call('backup:status')).value;
    expect(status).toMatchObject({
      lastSuccessFile: expectedName,
      lastSuccessAt: '2026-11-26T09:00:00.000Z',
    });
  });

  it('keeps only the newest automatic backups and never deletes manual ones', async () => {
    const t = setup();
    await t.call('backup:choose-folder');
    await t.call('backup:save-schedule', { daily: true, onQuit: true, keep: 3 });
    fs.writeFileSync(path.join(t.backupDir, 'Stillpoint backup 2020-01-01 000000.stillpoint'), 'manual');
    fs.writeFileSync(path.join(t.backupDir, 'holiday.jpg'), 'not ours');
    const names: string[] = [];
    for (let i = 0; i < 5; i++) {
      t.tick();
      const result = await t.writeBackup({ kind: 'automatic' }, new Uint8Array([i]));
      expect(result.ok).toBe(true);
      names.push(result.value.fileName);
    }
    expect(fs.readdirSync(t.backupDir).sort()).toEqual(
      [...names.slice(2), 'Stillpoint backup 2020-01-01 000000.stillpoint', 'holiday.jpg'].sort(),
    );
    const list = (await t.call('backup:list')).value as { fileName: string }[];
    expect(list.map((b) => b.fileName)).not.toContain('holiday.jpg');
  });

  // Issue 13, finding 6: main trusted the renderer with backup names and pruning.
  describe('a subverted renderer', () => {
    it('cannot choose the name, folder or extension of a backup', async () => {
      const t = setup();
      await t.call('backup:choose-folder');
      for (const fileName of ['../../escape.stillpoint', 'evil.sh', 'Stillpoint backup x.exe']) {
        const result = await t.writeBackup(
          {
            kind: 'manual',
            fileName,
            automatic: true,
          },
          new Uint8Array([1]),
        );
        expect(result.ok).toBe(true);
        expect(result.value.fileName).toMatch(/^Stillpoint backup 2026-11-26 \d{6}( \(\d+\))?\.stillpoint$/);
        expect(path.dirname(result.value.path)).toBe(t.backupDir);
      }
      // Three backups in the same second: three files, none overwritten.
      const second = new Date('2026-11-26T09:00:00Z');
      expect(fs.readdirSync(t.backupDir).sort()).toEqual(
        [1, 2, 3].map((copy) => backupFileNameFor('manual', second, copy)).sort(),
      );
      for (const kind of ['weekly', '', null, 'automatic.exe']) {
        expect(await t.writeBackup({ kind }, new Uint8Array([1]))).toMatchObject({
          ok: false,
          error: { code: 'INVALID_REQUEST' },
        });
      }
    });

    it('cannot wipe the automatic backups by asking to keep only one', async () => {
      const t = setup();
      await t.call('backup:choose-folder');
      expect(await t.call('backup:save-schedule', { daily: true, onQuit: true, keep: 1 })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST' },
      });
      // A settings file written when 1 was allowed (or by hand) still keeps the minimum.
      const settingsFile = path.join(t.dataDir, 'backup-settings.json');
      const stored = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
      fs.writeFileSync(settingsFile, JSON.stringify({ ...stored, keep: 1 }));
      expect((await t.call('backup:status')).value.folder).toBe(t.backupDir);
      const names: string[] = [];
      for (let i = 0; i < 5; i++) {
        t.tick();
        names.push((await t.writeBackup({ kind: 'automatic' }, new Uint8Array([i]))).value.fileName);
      }
      const left = fs.readdirSync(t.backupDir).sort();
      expect(left).toHaveLength(MIN_AUTOMATIC_BACKUPS_KEPT);
      expect(left).toEqual(names.slice(-MIN_AUTOMATIC_BACKUPS_KEPT).sort());
    });

    it('after a clock reset to 2000, keeps the backup just written and prunes by creation time', async () => {
      const t = setup();
      await t.call('backup:choose-folder');
      await t.call('backup:save-schedule', { daily: true, onQuit: true, keep: 3 });
      // Three earlier automatic backups, made in this order; their names sort the other way.
      const earlier = [
        'Stillpoint auto-backup 2026-11-25 080000.stillpoint',
        'Stillpoint auto-backup 2026-11-24 080000.stillpoint',
        'Stillpoint auto-backup 2026-11-23 080000.stillpoint',
      ];
      for (const [i, name] of earlier.entries()) {
        const file = path.join(t.backupDir, name);
        fs.writeFileSync(file, 'older');
        // Where the file system keeps no creation time, the change time stands in: same order.
        const at = new Date(Date.UTC(2026, 10, 20 + i));
        fs.utimesSync(file, at, at);
      }
      t.setClock(new Date(2000, 0, 1, 0, 0, 0));
      const result = await t.writeBackup({ kind: 'automatic' }, new Uint8Array([1]));
      expect(result.ok).toBe(true);
      expect(result.value.fileName).toBe('Stillpoint auto-backup 2000-01-01 000000.stillpoint');
      expect(fs.existsSync(result.value.path)).toBe(true);
      // The oldest by creation went, although its name is the newest.
      expect(result.value.pruned).toEqual([earlier[0]]);
      expect(fs.readdirSync(t.backupDir).sort()).toEqual(
        [result.value.fileName, earlier[1], earlier[2]].sort(),
      );
      expect((await t.call('backup:status')).value.lastSuccessFile).toBe(result.value.fileName);
    });
  });

  it('opens a listed backup only inside the backup folder', async () => {
    const t = setup();
    await t.call('backup:choose-folder');
    const inside = path.join(t.backupDir, 'Stillpoint backup x.stillpoint');
    fs.writeFileSync(inside, 'ciphertext');
    const opened = await t.call('backup:open-listed', { path: inside });
    expect(opened.ok).toBe(true);
    await t.call('backup:close-file', { token: opened.value.token });
    for (const outside of [
      '/etc/passwd',
      path.join(t.dataDir, 'backup-key.bin'),
      path.join(t.backupDir, '../x.stillpoint'),
    ]) {
      expect(await t.call('backup:open-listed', { path: outside })).toMatchObject({
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
    const first = await t.writeBackup({ kind: 'manual' }, new Uint8Array([1, 2]));
    const name = first.value.fileName as string;
    const fsp = await import('node:fs/promises');
    const realOpen = fsp.default.open;
    const spy = vi
      .spyOn(fsp.default, 'open')
      .mockImplementation(async (...args: Parameters<typeof realOpen>) => {
        const handle = await realOpen(...args);
        handle.write = async () => {
          throw Object.assign(new Error('full'), { code: 'ENOSPC' });
        };
        return handle;
      });
    const result = await t.writeBackup({ kind: 'manual' }, new Uint8Array([9, 9, 9]));
    spy.mockRestore();
    expect(result).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    expect([...fs.readFileSync(path.join(t.backupDir, name))]).toEqual([1, 2]);
    expect(fs.readdirSync(t.backupDir)).toEqual([name]); // no half-written second file
  });
});
