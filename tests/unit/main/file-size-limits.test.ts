import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createMainHandlers, type MainDeps } from '../../../src-main/handlers';
import { createDispatcher } from '../../../src-main/ipc';
import { readFileCapped } from '../../../src-main/services/files/read-capped';
import {
  MAX_BACKUP_FILE_BYTES,
  MAX_CSV_FILE_BYTES,
  MAX_SAVED_TEXT_CHARS,
} from '../../../src-shared/domain/file-size-limits';
import { ImportFileError, readImportTable } from '../../../src-shared/exports/import-table';

vi.mock('electron', () => ({}));

// Issue 13, finding 7: files:open accepted 2 GB; IPC is unreliable above about 512 MB.
const MB = 1024 * 1024;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A file of `size` bytes that takes no disk space (sparse): size is what is being tested. */
function sparseFile(dir: string, name: string, size: number): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, '');
  fs.truncateSync(file, size);
  return file;
}

function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stillpoint-limits-'));
  dirs.push(dir);
  const backups = path.join(dir, 'backups');
  fs.mkdirSync(backups);
  const open: string[] = [];
  const deps: MainDeps = {
    appName: 'Stillpoint',
    appVersion: '0.1.0',
    platform: 'linux',
    userDataDir: dir,
    resourcesDir: '/nonexistent',
    dialogs: {
      chooseOpenFile: async () => open.shift() ?? null,
      chooseSavePath: async () => path.join(dir, 'saved.csv'),
      chooseFolder: async () => backups,
    },
    printer: { printPdf: vi.fn() },
    secureStore: { storage: () => 'secure', encrypt: () => new Uint8Array(), decrypt: () => '' },
    now: () => new Date('2026-11-26T09:00:00Z'),
    harness: false,
  };
  const dispatch = createDispatcher(createMainHandlers(deps), { isTrustedSender: () => true, log: () => {} });
  const call = (channel: string, payload?: unknown) =>
    dispatch(channel, payload, { url: 'app://stillpoint/index.html', isMainFrame: true }) as Promise<{
      ok: boolean;
      // biome-ignore lint/suspicious/noExplicitAny: each test reads the value shape it expects
      value?: any;
      error?: { code: string; message: string };
    }>;
  return { dir, backups, open, call };
}

describe('files that travel over IPC', () => {
  it('keeps every limit well below the 512 MB where IPC becomes unreliable', () => {
    expect(MAX_BACKUP_FILE_BYTES).toBeLessThanOrEqual(256 * MB);
    expect(MAX_CSV_FILE_BYTES).toBeLessThanOrEqual(64 * MB);
    expect(MAX_SAVED_TEXT_CHARS * 2).toBeLessThanOrEqual(256 * MB);
  });

  it.each([
    [
      'backup',
      'huge.stillpoint',
      600 * MB,
      /huge\.stillpoint” is 600 MB; Stillpoint restores backups of up to 256 MB/,
    ],
    ['backup', 'two gigabytes.stillpoint', 2048 * MB, /is 2 GB; Stillpoint restores backups of up to 256 MB/],
    [
      'csv',
      'clients.csv',
      65 * MB,
      /“clients\.csv” is 65 MB; Stillpoint imports CSV files of up to 64 MB\. Split it/,
    ],
  ] as const)(
    'files:open refuses a %s of %s over its limit, in words, without reading it',
    async (kind, name, size, message) => {
      const t = setup();
      t.open.push(sparseFile(t.dir, name, size));
      const before = process.memoryUsage().arrayBuffers;
      const result = await t.call('files:open', { kind });
      expect(result).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
      expect(result.error!.message).toMatch(message);
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * MB);
    },
  );

  it('files:open still reads a CSV right at the limit', async () => {
    const t = setup();
    t.open.push(sparseFile(t.dir, 'at-limit.csv', MAX_CSV_FILE_BYTES));
    const result = await t.call('files:open', { kind: 'csv' });
    expect(result.ok).toBe(true);
    expect(result.value.bytes.byteLength).toBe(MAX_CSV_FILE_BYTES);
  });

  it('files:save-as refuses text over the limit and saves nothing', async () => {
    const t = setup();
    const result = await t.call('files:save-as', {
      fileName: 'sessions.csv',
      kind: 'csv',
      contents: 'a'.repeat(MAX_SAVED_TEXT_CHARS + 1),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
    expect(result.error!.message).toMatch(/“sessions\.csv” would be about 128 MB.*Nothing was saved/);
    expect(fs.existsSync(path.join(t.dir, 'saved.csv'))).toBe(false);
  });
});

describe('readFileCapped', () => {
  it('reads a whole small file and refuses one a byte over', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stillpoint-capped-'));
    dirs.push(dir);
    const file = path.join(dir, 'ten.bin');
    fs.writeFileSync(file, Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect([...(await readFileCapped(file, 10))]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await expect(readFileCapped(file, 9)).rejects.toMatchObject({ name: 'FileTooLargeError', size: 10 });
    await expect(readFileCapped(dir, 10)).rejects.toThrow();
  });
});

describe('a CSV the decoder gives up on', () => {
  it('says it could not be read, not that it has no rows', () => {
    // Chromium's TextDecoder answered '' for a 600 MB file; here the decoder is made to.
    const decode = vi.spyOn(TextDecoder.prototype, 'decode').mockReturnValue('');
    try {
      const bytes = new TextEncoder().encode('First name,Last name\nZoë,Ødegård\n');
      expect(() => readImportTable(bytes)).toThrow(ImportFileError);
      expect(() => readImportTable(bytes)).toThrow(/could not be read as text/);
    } finally {
      decode.mockRestore();
    }
  });
});
