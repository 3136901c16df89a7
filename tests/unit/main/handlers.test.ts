import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createMainHandlers, type MainDeps } from '../../../src-main/handlers';
import { aftercareHandlers } from '../../../src-main/handlers/aftercare';
import { createDispatcher } from '../../../src-main/ipc';
import { DEFAULT_AFTERCARE_TEMPLATE } from '../../../src-shared/aftercare';
import { buildAftercareSheet } from '../../../src-shared/aftercare/build-sheet';
import type { AftercareSheet } from '../../../src-shared/domain/aftercare';
import { jpegDeclaring, pngDeclaring } from '../domain/image-bombs';

vi.mock('electron', () => ({}));

const repoRoot = path.resolve(__dirname, '../../..');
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stillpoint-handlers-'));
  const open: (string | null)[] = [];
  const save: (string | null)[] = [];
  const printed: Uint8Array[] = [];
  const deps: MainDeps = {
    appName: 'Stillpoint',
    appVersion: '0.1.0',
    platform: 'linux',
    userDataDir: dir,
    resourcesDir: path.join(repoRoot, 'resources'),
    dialogs: {
      chooseOpenFile: async () => open.shift() ?? null,
      chooseSavePath: async () => save.shift() ?? null,
      chooseFolder: async () => null,
    },
    printer: {
      printPdf: async (pdf) => {
        printed.push(pdf);
        return { printed: true };
      },
    },
    secureStore: {
      storage: () => 'secure',
      encrypt: (t: string) => new TextEncoder().encode(t),
      decrypt: (d: Uint8Array) => new TextDecoder().decode(d),
    },
    now: () => new Date('2026-11-26T09:00:00Z'),
    harness: false,
  };
  const dispatch = createDispatcher(createMainHandlers(deps), { isTrustedSender: () => true, log: () => {} });
  const call = (channel: string, payload?: unknown) =>
    dispatch(channel, payload, { url: 'app://stillpoint/index.html', isMainFrame: true });
  return { dir, open, save, printed, call };
}

function sheet(clientFirst = 'Zoë', clientLast = 'Ødegård-Łukasiewicz') {
  return buildAftercareSheet({
    session: {
      serviceDate: '2026-11-26',
      treatedAreas: [{ regionId: 'occipital' }, { regionId: 'sacrum' }],
      nextSessionRecommendation: 'In about a week',
      homeCare: '',
    },
    client: { firstName: clientFirst, lastName: clientLast, preferredName: '' },
    settings: {
      practice: {
        name: 'Stillwater',
        address: '1 Quiet Lane',
        phone: '0123',
        email: '',
        website: '',
        logo: null,
      },
      therapistName: 'Anna Berg',
      paperSize: 'A4',
    },
    template: DEFAULT_AFTERCARE_TEMPLATE,
    personalNote: 'Take it easy today.',
    locale: 'en-GB',
  });
}

describe('files:choose-logo', () => {
  it('returns a PNG with its sniffed type, null when cancelled', async () => {
    const t = setup();
    const logo = path.join(t.dir, 'logo.png');
    fs.writeFileSync(logo, TINY_PNG);
    t.open.push(logo);
    const result = await t.call('files:choose-logo');
    expect(result).toMatchObject({ ok: true, value: { fileName: 'logo.png', mimeType: 'image/png' } });
    expect(await t.call('files:choose-logo')).toEqual({ ok: true, value: null });
  });

  it('refuses a file that is not a PNG or JPEG, whatever its name', async () => {
    const t = setup();
    const fake = path.join(t.dir, 'logo.png');
    fs.writeFileSync(fake, '<svg/>');
    t.open.push(fake);
    expect(await t.call('files:choose-logo')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: expect.stringContaining('PNG or JPEG') },
    });
  });

  it('refuses a logo over 2 MB before reading it', async () => {
    const t = setup();
    const big = path.join(t.dir, 'big.png');
    fs.writeFileSync(big, Buffer.concat([TINY_PNG, Buffer.alloc(2 * 1024 * 1024)]));
    t.open.push(big);
    expect(await t.call('files:choose-logo')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('larger than 2 MB') },
    });
  });
});

describe('files:save-as and files:open', () => {
  it('writes where the user chose, and reports a cancel as a null path', async () => {
    const t = setup();
    const target = path.join(t.dir, 'clients.csv');
    t.save.push(target);
    expect(
      await t.call('files:save-as', { fileName: 'clients.csv', kind: 'csv', contents: 'a,b\n' }),
    ).toEqual({
      ok: true,
      value: { path: target },
    });
    expect(fs.readFileSync(target, 'utf8')).toBe('a,b\n');
    expect(await t.call('files:save-as', { fileName: 'x.csv', kind: 'csv', contents: 'z' })).toEqual({
      ok: true,
      value: { path: null },
    });
  });

  it.each(['../escape.csv', 'a/b.csv', '.hidden', 'con:.csv'])(
    'refuses the proposed file name %j',
    async (name) => {
      const t = setup();
      expect(await t.call('files:save-as', { fileName: name, kind: 'csv', contents: 'z' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST' },
      });
    },
  );

  it('reads back a chosen file as bytes', async () => {
    const t = setup();
    const file = path.join(t.dir, 'practice.stillpoint');
    fs.writeFileSync(file, Buffer.from([1, 2, 3]));
    t.open.push(file);
    const result = await t.call('files:open', { kind: 'backup' });
    expect(result).toMatchObject({ ok: true, value: { fileName: 'practice.stillpoint' } });
    expect([...(result as { value: { bytes: Uint8Array } }).value.bytes]).toEqual([1, 2, 3]);
  });
});

describe('aftercare channels', () => {
  it('saves a real PDF through the dialog', async () => {
    const t = setup();
    const target = path.join(t.dir, 'handout.pdf');
    t.save.push(target);
    const result = await t.call('aftercare:save-pdf', { sheet: sheet(), fileName: 'handout.pdf' });
    expect(result).toEqual({ ok: true, value: { path: target } });
    expect(fs.readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('prints through the printer adapter', async () => {
    const t = setup();
    expect(await t.call('aftercare:print', { sheet: sheet() })).toEqual({
      ok: true,
      value: { printed: true },
    });
    expect(Buffer.from(t.printed[0]!).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('names characters no font can print, and refuses to render them', async () => {
    const t = setup();
    const odd = sheet('王', 'Ødegård');
    expect(await t.call('aftercare:check', { sheet: odd })).toEqual({
      ok: true,
      value: { unsupported: ['王'] },
    });
    expect(await t.call('aftercare:print', { sheet: odd })).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED' },
    });
    expect(t.printed).toHaveLength(0);
  });

  it('refuses a damaged sheet, naming the field', async () => {
    const t = setup();
    const damaged = { ...sheet(), sections: { whatToExpect: [], selfCare: [], seekHelp: [] } };
    const result = await t.call('aftercare:print', { sheet: damaged });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect((result as { error: { message: string } }).error.message).toContain('seekHelp');
  });
});

// Issue 13, finding 5: a small PNG declaring 16000 x 16000 pixels took 46 s and 4 GB to print.
describe('a logo that declares an enormous image', () => {
  const bomb = pngDeclaring(16000, 16000);

  it('is refused when chosen, with its size in words; 4096 x 4096 is still taken', async () => {
    const t = setup();
    for (const [name, bytes] of [
      ['bomb.png', bomb],
      ['tall.jpg', jpegDeclaring(300, 20000)],
    ] as const) {
      const file = path.join(t.dir, name);
      fs.writeFileSync(file, bytes);
      t.open.push(file);
      const result = await t.call('files:choose-logo');
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
      if (!result.ok)
        expect(result.error.message).toMatch(
          /^The logo is \d+ × \d+ pixels; the largest Stillpoint accepts is 4096 × 4096/,
        );
    }
    const fine = path.join(t.dir, 'fine.png');
    fs.writeFileSync(fine, pngDeclaring(4096, 4096));
    t.open.push(fine);
    expect(await t.call('files:choose-logo')).toMatchObject({ ok: true, value: { mimeType: 'image/png' } });
  });

  it('never reaches pdfkit: printing and saving the handout refuse it', async () => {
    const t = setup();
    const withBomb = sheet();
    withBomb.practice.logo = { mimeType: 'image/png', bytes: bomb };
    for (const [channel, payload] of [
      ['aftercare:print', { sheet: withBomb }],
      ['aftercare:save-pdf', { sheet: withBomb, fileName: 'Aftercare.pdf' }],
    ] as const) {
      const result = await t.call(channel, payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
      if (!result.ok) expect(result.error.message).toMatch(/16000 × 16000 pixels/);
    }
    expect(t.printed).toEqual([]);
  });

  it('is refused by the aftercare handler itself, should a request ever get past the schema', async () => {
    const handlers = aftercareHandlers({
      resourcesDir: path.join(repoRoot, 'resources'),
      now: () => new Date('2026-11-26T09:00:00Z'),
      printer: { printPdf: vi.fn() },
    } as unknown as MainDeps);
    const withBomb = sheet();
    withBomb.practice.logo = { mimeType: 'image/png', bytes: bomb };
    await expect(handlers.aftercarePrint({ sheet: withBomb as AftercareSheet })).rejects.toMatchObject({
      name: 'UserFacingError',
      message: expect.stringMatching(/16000 × 16000 pixels.*choose it again in Settings\./),
    });
  });
});
