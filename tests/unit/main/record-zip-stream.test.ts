import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { createMainHandlers, type MainDeps } from '../../../src-main/handlers';
import { createDispatcher } from '../../../src-main/ipc';
import type { Attachment } from '../../../src-shared/documents/attachment';
import { RecordZipWriter } from '../../../src-shared/documents/record-zip';
import { MAX_RECORD_ZIP_CHUNK_BYTES } from '../../../src-shared/documents/record-zip-ipc';
import type { ClientRecord } from '../../../src-shared/domain/client-record';
import { recordFixture } from '../exports/fixtures';
import { FIXED_NOW, FONTS_DIR } from '../pdf/fixtures';

/**
 * The client record ZIP streamed to main (issue 15): through the real dispatcher and the shared
 * schemas, a client whose files take more than the old 256 MB cap goes over in chunks of at most
 * 4 MB, main writes each straight to the file, and the ZIP is valid (`unzip -t`) with every
 * file's hash as the manifest says. A damaged or foreign file leaves no file behind.
 */

const workDir = fs.mkdtempSync(path.join(tmpdir(), 'stillpoint-record-zip-'));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));
const sender = { url: 'app://stillpoint/index.html', isMainFrame: true };
const sha = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

type Reply =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; error: { code: string; message: string } };

function dispatcher(target: string | null) {
  const deps: MainDeps = {
    appName: 'Stillpoint',
    appVersion: '0.1.0',
    platform: 'linux',
    userDataDir: workDir,
    resourcesDir: path.resolve(FONTS_DIR, '..'),
    dialogs: {
      chooseSavePath: async () => target,
      chooseOpenFile: async () => null,
      chooseFolder: async () => null,
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
  return (channel: string, request: unknown) => dispatch(channel, request, sender) as Promise<Reply>;
}

function attachmentFor(record: ClientRecord, id: string, bytes: Uint8Array, title: string): Attachment {
  return {
    id,
    clientId: record.client.id,
    title,
    kind: 'report',
    date: '2026-03-01',
    mediaType: 'application/pdf',
    size: bytes.byteLength,
    sha256: sha(bytes),
    originalName: 'scan.pdf',
    addedAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    gpsRemoved: false,
    otherMetadataRemoved: false,
    orientation: 1,
  };
}

/** Sends each file the way the renderer does: 4 MB chunks, the last one final. */
async function send(call: ReturnType<typeof dispatcher>, token: string, id: string, bytes: Uint8Array) {
  let largest = 0;
  for (let start = 0; start < bytes.byteLength; start += MAX_RECORD_ZIP_CHUNK_BYTES) {
    const end = Math.min(bytes.byteLength, start + MAX_RECORD_ZIP_CHUNK_BYTES);
    largest = Math.max(largest, end - start);
    const reply = await call('export:record-zip-chunk', {
      token,
      attachmentId: id,
      bytes: bytes.subarray(start, end),
      final: end === bytes.byteLength,
    });
    if (!reply.ok) return { reply, largest };
  }
  return { reply: { ok: true } as Reply, largest };
}

/** The token a begin answered (the test stops with main's message when it refused). */
function tokenOf(reply: Reply): string {
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value.token as string;
}

const leftovers = (dir: string) => fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'));

describe('the client record ZIP, streamed to main', () => {
  it('a client with 270 MB of files: bounded chunks, a valid ZIP, every hash as the manifest says', async () => {
    const dir = fs.mkdtempSync(path.join(workDir, 'big-'));
    const target = path.join(dir, 'record.zip');
    const { record: base } = recordFixture({ firstName: 'Sam', lastName: 'Okafor' });
    // Six 45 MB scans (the same pages with a different first line each, so each hash differs).
    const scans = Array.from({ length: 6 }, (_, i) => {
      const bytes = Buffer.alloc(45 * 1024 * 1024, 0x20 + i);
      bytes.write(`%PDF-1.7\n% scan ${i + 1}\n`, 0, 'latin1');
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    });
    const record: ClientRecord = {
      ...base,
      attachments: scans.map((bytes, i) =>
        attachmentFor(base, `scan-${i + 1}`, bytes, `Hospital scan ${i + 1}`),
      ),
    };
    const total = scans.reduce((sum, bytes) => sum + bytes.byteLength, 0);
    expect(total).toBeGreaterThan(256 * 1024 * 1024);

    const call = dispatcher(target);
    const begun = await call('export:record-zip-begin', { record, logo: null });
    expect(begun.ok).toBe(true);
    const token = tokenOf(begun);
    let largest = 0;
    for (const [i, bytes] of scans.entries()) {
      const sent = await send(call, token, `scan-${i + 1}`, bytes);
      expect(sent.reply.ok).toBe(true);
      largest = Math.max(largest, sent.largest);
    }
    expect(largest).toBe(MAX_RECORD_ZIP_CHUNK_BYTES);
    // Nothing at the target until commit: the ZIP grows in a temporary file beside it.
    expect(fs.existsSync(target)).toBe(false);
    const committed = await call('export:record-zip-commit', { token });
    expect(committed).toEqual({ ok: true, value: { path: target } });
    expect(leftovers(dir)).toEqual([]);

    const size = fs.statSync(target).size;
    expect(size).toBeGreaterThan(total);
    expect(execFileSync('unzip', ['-tqq', target]).toString()).toBe('');
    const manifest = JSON.parse(execFileSync('unzip', ['-p', target, 'manifest.json']).toString()) as {
      files: { path: string; role: string; sha256: string; size: number }[];
    };
    expect(manifest.files.map((file) => file.path)).toEqual([
      'Client record Okafor-Sam 2026-03-20.pdf',
      'Client record Okafor-Sam 2026-03-20.json',
      ...scans.map((_, i) => `files/0${i + 1} Hospital-scan-${i + 1}.pdf`),
    ]);
    for (const file of manifest.files) {
      const inside = execFileSync('unzip', ['-p', target, file.path], { maxBuffer: 64 * 1024 * 1024 });
      expect(inside.length, file.path).toBe(file.size);
      expect(sha(inside), file.path).toBe(file.sha256);
    }
  }, 240_000);

  it('a chunk larger than 4 MB is refused at the channel', async () => {
    const reply = await dispatcher(null)('export:record-zip-chunk', {
      token: 'a'.repeat(32),
      attachmentId: 'x',
      bytes: new Uint8Array(MAX_RECORD_ZIP_CHUNK_BYTES + 1),
      final: true,
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('the ZIP comes out in pieces no larger than the chunks that went in (plus a header)', async () => {
    const { record: base } = recordFixture();
    const scan = new Uint8Array(10 * 1024 * 1024).fill(0x41);
    const record = { ...base, attachments: [attachmentFor(base, 'scan', scan, 'Scan')] };
    const pieces: number[] = [];
    const writer = new RecordZipWriter(
      record,
      'Record',
      (bytes) => pieces.push(bytes.byteLength),
      () => {
        const hash = crypto.createHash('sha256');
        return { update: (b) => void hash.update(b), digest: () => hash.digest('hex') };
      },
    );
    await writer.addRecord(new Uint8Array(1000), '{}');
    for (let start = 0; start < scan.length; start += MAX_RECORD_ZIP_CHUNK_BYTES)
      await writer.pushDocument(
        'scan',
        scan.subarray(start, start + MAX_RECORD_ZIP_CHUNK_BYTES),
        start + MAX_RECORD_ZIP_CHUNK_BYTES >= scan.length,
      );
    await writer.finish();
    expect(Math.max(...pieces)).toBeLessThanOrEqual(MAX_RECORD_ZIP_CHUNK_BYTES + 1024);
  });

  it('a file whose bytes do not match the record is refused, and no file is left', async () => {
    const dir = fs.mkdtempSync(path.join(workDir, 'damaged-'));
    const target = path.join(dir, 'record.zip');
    const { record: base } = recordFixture();
    const letter = new TextEncoder().encode('%PDF-1.7\nclearance\n%%EOF\n');
    const record = { ...base, attachments: [attachmentFor(base, 'letter', letter, 'Clearance letter')] };
    const call = dispatcher(target);
    const begun = await call('export:record-zip-begin', { record, logo: null });
    const token = tokenOf(begun);
    const changed = letter.slice();
    changed[10] = 0x58;
    const sent = await send(call, token, 'letter', changed);
    expect(sent.reply).toMatchObject({
      ok: false,
      error: {
        message: expect.stringContaining('"Clearance letter": This file has changed since it was attached'),
      },
    });
    expect(fs.readdirSync(dir)).toEqual([]);
    // The ZIP is gone with it: a later chunk or commit finds nothing open.
    expect(await call('export:record-zip-commit', { token })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('a file not in the record, or a record missing a file at commit, is refused', async () => {
    const dir = fs.mkdtempSync(path.join(workDir, 'foreign-'));
    const target = path.join(dir, 'record.zip');
    const { record: base } = recordFixture();
    const letter = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
    const record = { ...base, attachments: [attachmentFor(base, 'letter', letter, 'Letter')] };
    const call = dispatcher(target);
    let token = tokenOf(await call('export:record-zip-begin', { record, logo: null }));
    expect((await send(call, token, 'someone-else', letter)).reply).toMatchObject({
      ok: false,
      error: { message: 'A file that is not in this client record was sent, so no ZIP was saved.' },
    });
    token = tokenOf(await call('export:record-zip-begin', { record, logo: null }));
    expect(await call('export:record-zip-commit', { token })).toMatchObject({
      ok: false,
      error: { message: '"Letter" is missing from the export, so no ZIP was saved.' },
    });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('cancelled in the save dialog: no token, nothing written', async () => {
    const { record } = recordFixture();
    expect(await dispatcher(null)('export:record-zip-begin', { record, logo: null })).toEqual({
      ok: true,
      value: { token: null },
    });
  });

  it('a small record made whole in memory unzips to the same files', async () => {
    const { record } = recordFixture();
    const parts: Uint8Array[] = [];
    const writer = new RecordZipWriter(
      record,
      'R',
      (bytes) => parts.push(bytes.slice()),
      () => {
        const hash = crypto.createHash('sha256');
        return { update: (b) => void hash.update(b), digest: () => hash.digest('hex') };
      },
    );
    await writer.addRecord(new TextEncoder().encode('%PDF-x'), '{"a":1}');
    await writer.finish();
    const entries = unzipSync(Buffer.concat(parts));
    expect(strFromU8(entries['R.json']!)).toBe('{"a":1}');
  });
});
