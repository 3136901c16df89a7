import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createMainHandlers, type MainDeps } from '../../../src-main/handlers';
import { createDispatcher } from '../../../src-main/ipc';

vi.mock('electron', () => ({}));

/**
 * Backups streamed through main (format version 2): written a chunk at a time into a temporary
 * file renamed into place on commit (nothing left by an abort), and read back a range at a
 * time behind a token, never by a path the renderer names.
 */
function setup() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stillpoint-data-'));
  const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stillpoint-backups-'));
  let chosen: string | null = null;
  const deps: MainDeps = {
    appName: 'Stillpoint',
    appVersion: '0.1.0',
    platform: 'linux',
    userDataDir: dataDir,
    resourcesDir: '/nonexistent',
    dialogs: {
      chooseFolder: async () => backupDir,
      chooseOpenFile: async () => chosen,
      chooseSavePath: async () => null,
    },
    printer: { printPdf: vi.fn() },
    secureStore: {
      storage: () => 'secure',
      encrypt: (t) => new TextEncoder().encode(t),
      decrypt: (d) => new TextDecoder().decode(d),
    },
    now: () => new Date('2026-12-07T09:00:00Z'),
    harness: false,
  };
  const dispatch = createDispatcher(createMainHandlers(deps), { isTrustedSender: () => true, log: () => {} });
  const call = async (channel: string, payload?: unknown) => {
    const result = await dispatch(channel, payload, { url: 'app://stillpoint/', isMainFrame: true });
    // biome-ignore lint/suspicious/noExplicitAny: each test reads the value shape it expects
    return result as { ok: boolean; value?: any; error?: { code: string; message: string } };
  };
  return { backupDir, call, choose: (file: string) => (chosen = file) };
}

describe('streamed backup files', () => {
  it('appends chunks to a temporary file and renames it into place on commit', async () => {
    const t = setup();
    await t.call('backup:choose-folder');
    const { token } = (await t.call('backup:stream-begin', { kind: 'manual' })).value;
    await t.call('backup:stream-chunk', { token, bytes: new Uint8Array([1, 2, 3]) });
    await t.call('backup:stream-chunk', { token, bytes: new Uint8Array([4, 5]) });
    // Until the commit, the folder holds no backup: only the temporary file.
    expect(fs.readdirSync(t.backupDir).filter((name) => name.endsWith('.stillpoint'))).toEqual([]);
    const committed = await t.call('backup:stream-commit', { token });
    expect(committed.ok).toBe(true);
    expect(committed.value.fileName).toMatch(/^Stillpoint backup .*\.stillpoint$/);
    expect([...fs.readFileSync(committed.value.path)]).toEqual([1, 2, 3, 4, 5]);
    expect(fs.readdirSync(t.backupDir)).toEqual([committed.value.fileName]);
    expect((await t.call('backup:status')).value.lastSuccessFile).toBe(committed.value.fileName);
    // A finished stream takes no more chunks.
    expect(await t.call('backup:stream-chunk', { token, bytes: new Uint8Array([6]) })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('an abort leaves nothing in the folder; tokens and chunks are checked', async () => {
    const t = setup();
    await t.call('backup:choose-folder');
    const { token } = (await t.call('backup:stream-begin', { kind: 'automatic' })).value;
    await t.call('backup:stream-chunk', { token, bytes: new Uint8Array(1000) });
    await t.call('backup:stream-abort', { token });
    expect(fs.readdirSync(t.backupDir)).toEqual([]);
    expect(
      (await t.call('backup:stream-chunk', { token: '../../etc/passwd', bytes: new Uint8Array(1) })).ok,
    ).toBe(false);
    expect((await t.call('backup:stream-chunk', { token, bytes: new Uint8Array(18 * 1024 * 1024) })).ok).toBe(
      false,
    );
  });

  it('reads a chosen or listed file a range at a time, and only inside the backup folder when listed', async () => {
    const t = setup();
    await t.call('backup:choose-folder');
    const inside = path.join(t.backupDir, 'Stillpoint backup 2026-12-07 090000.stillpoint');
    fs.writeFileSync(inside, Buffer.from('0123456789'));
    const listed = (await t.call('backup:open-listed', { path: inside })).value;
    expect(listed).toMatchObject({ size: 10, fileName: path.basename(inside) });
    const range = await t.call('backup:read-range', { token: listed.token, start: 3, end: 7 });
    expect(Buffer.from(range.value).toString()).toBe('3456');
    const past = await t.call('backup:read-range', { token: listed.token, start: 8, end: 20 });
    expect(Buffer.from(past.value).toString()).toBe('89');
    await t.call('backup:close-file', { token: listed.token });
    expect((await t.call('backup:read-range', { token: listed.token, start: 0, end: 1 })).ok).toBe(false);

    const outside = path.join(os.tmpdir(), `not-a-backup-${process.pid}.stillpoint`);
    fs.writeFileSync(outside, 'x');
    expect((await t.call('backup:open-listed', { path: outside })).ok).toBe(false);
    t.choose(outside); // the open dialog may pick any file: the therapist chose it
    expect((await t.call('backup:open-chosen')).value).toMatchObject({ size: 1 });
  });
});
