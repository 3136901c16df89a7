import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createMainHandlers, type MainDeps } from '../../../src-main/handlers';
import { createDispatcher } from '../../../src-main/ipc';
import { MAX_ATTACHMENT_BYTES } from '../../../src-shared/documents/attachment';
import { sha256Hex } from '../../../src-shared/documents/hash';
import { exifTiff, holdsLatitude, jpegWithExif } from '../documents/exif-builder';
import { FIXED_NOW, FONTS_DIR } from '../pdf/fixtures';

/**
 * Main's documents channels through the real dispatcher (sender check, the shared schemas):
 * a picked file is read by main (capped), a dropped one arrives as bytes with its name checked,
 * and "Save a copy" writes only bytes that match their hash, under a name main builds.
 */

const workDir = fs.mkdtempSync(path.join(tmpdir(), 'stillpoint-documents-'));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));
const sender = { url: 'app://stillpoint/index.html', isMainFrame: true };

function dispatcher(dialogs: Partial<MainDeps['dialogs']> = {}) {
  const deps: MainDeps = {
    appName: 'Stillpoint',
    appVersion: '0.1.0',
    platform: 'linux',
    userDataDir: workDir,
    resourcesDir: path.resolve(FONTS_DIR, '..'),
    dialogs: {
      chooseSavePath: async () => null,
      chooseOpenFile: async () => null,
      chooseFolder: async () => null,
      ...dialogs,
    },
    printer: { printPdf: async () => ({ printed: false }) },
    secureStore: {
      storage: () => 'secure',
      encrypt: (t) => new TextEncoder().encode(t),
      decrypt: (d) => new TextDecoder().decode(d),
    },
    now: () => FIXED_NOW,
    harness: false,
  };
  const dispatch = createDispatcher(createMainHandlers(deps), { isTrustedSender: () => true, log: () => {} });
  return (channel: string, request: unknown) =>
    dispatch(channel, request, sender) as Promise<
      | { ok: true; value: Record<string, unknown> | null }
      | { ok: false; error: { code: string; message: string } }
    >;
}

describe('documents:choose', () => {
  it('reads, checks and cleans the picked photo', async () => {
    const file = path.join(workDir, 'IMG_2041.jpg');
    fs.writeFileSync(file, jpegWithExif(exifTiff()));
    const result = await dispatcher({ chooseOpenFile: async () => file })('documents:choose', undefined);
    expect(result.ok).toBe(true);
    const value = (
      result as unknown as { value: { bytes: Uint8Array; gpsRemoved: boolean; originalName: string } }
    ).value;
    expect(value).toMatchObject({ originalName: 'IMG_2041.jpg', mediaType: 'image/jpeg', gpsRemoved: true });
    expect(holdsLatitude(value.bytes)).toBe(false);
  });

  it('refuses a file over 50 MB by its size (main checks the open file before reading it)', async () => {
    const file = path.join(workDir, 'scan.pdf');
    const handle = fs.openSync(file, 'w');
    fs.ftruncateSync(handle, MAX_ATTACHMENT_BYTES + 10 * 1024 * 1024); // sparse: no 60 MB written
    fs.closeSync(handle);
    const result = await dispatcher({ chooseOpenFile: async () => file })('documents:choose', undefined);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'UNSUPPORTED',
        message: expect.stringContaining('"scan.pdf" is 60.0 MB; Stillpoint keeps files of up to 50 MB'),
      },
    });
  });

  it('answers null when the dialog is cancelled', async () => {
    expect(await dispatcher()('documents:choose', undefined)).toEqual({ ok: true, value: null });
  });
});

describe('documents:prepare-dropped', () => {
  it.each([
    [
      'a name with a folder',
      { fileName: '../secret.pdf', bytes: new TextEncoder().encode('%PDF-1.7') },
      /file's name cannot be kept/,
    ],
    ['an empty file', { fileName: 'empty.pdf', bytes: new Uint8Array(0) }, /is empty \(0 bytes\)/],
    [
      'bytes that are no document',
      { fileName: 'x.pdf', bytes: Uint8Array.from([0x4d, 0x5a, 0, 0]) },
      /is not a PDF, JPEG/,
    ],
  ])('refuses %s with a message', async (_, request, message) => {
    const result = await dispatcher()('documents:prepare-dropped', request);
    expect(result.ok).toBe(false);
    expect((result as { error: { message: string } }).error.message).toMatch(message);
  });

  it('refuses a path or bytes that are not bytes at the channel', async () => {
    const result = await dispatcher()('documents:prepare-dropped', {
      fileName: 'a.pdf',
      bytes: '/etc/passwd',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });
});

describe('documents:save-copy', () => {
  it('writes the bytes under a name built from the title, and refuses bytes that do not match the hash', async () => {
    const chooseSavePath = vi.fn(async (options: { defaultFileName: string }) =>
      path.join(workDir, options.defaultFileName),
    );
    const send = dispatcher({ chooseSavePath });
    const bytes = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
    const sha256 = await sha256Hex(bytes);
    const saved = await send('documents:save-copy', {
      title: 'Letter: ../../Dr Fischer',
      mediaType: 'application/pdf',
      sha256,
      bytes,
    });
    expect(saved).toEqual({ ok: true, value: { path: path.join(workDir, 'Letter-Dr-Fischer.pdf') } });
    expect(fs.readFileSync(path.join(workDir, 'Letter-Dr-Fischer.pdf')).equals(Buffer.from(bytes))).toBe(
      true,
    );

    chooseSavePath.mockClear();
    const refused = await send('documents:save-copy', {
      title: 'x',
      mediaType: 'application/pdf',
      sha256,
      bytes: new Uint8Array([1]),
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('checksum no longer matches') },
    });
    expect(chooseSavePath).not.toHaveBeenCalled();
  });
});
