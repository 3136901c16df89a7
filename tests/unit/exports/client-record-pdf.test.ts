import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDocumentProxy, getMeta } from 'unpdf';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createMainHandlers, type MainDeps } from '../../../src-main/handlers';
import { createDispatcher } from '../../../src-main/ipc';
import { renderClientRecordPdf } from '../../../src-main/services/pdf/client-record';
import type { ClientRecord } from '../../../src-shared/domain/client-record';
import { channels } from '../../../src-shared/ipc';
import { UserFacingError } from '../../../src-shared/result';
import { FIXED_NOW, FONTS_DIR, pdfPagesText, runTool, TINY_PNG } from '../pdf/fixtures';
import { recordFixture, signedNote } from './fixtures';

vi.mock('electron', () => ({}));

const workDir = mkdtempSync(path.join(tmpdir(), 'stillpoint-record-pdf-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function render(record: ClientRecord, logo: Uint8Array | null = null): Promise<Uint8Array> {
  return renderClientRecordPdf(record, {
    fontsDir: FONTS_DIR,
    now: FIXED_NOW,
    timeZone: 'Europe/London',
    logo: logo ? { mimeType: 'image/png', bytes: logo } : null,
  });
}

async function renderError(record: unknown): Promise<UserFacingError> {
  const error = await render(record as ClientRecord).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  return error as UserFacingError;
}

const allText = (pages: string[]) => pages.join('\n').replace(/\s+/g, ' ');

describe('client record PDF: what the client reads', () => {
  it.each([
    [{ firstName: 'Σοφία', lastName: 'Παπαδοπούλου' }, 'Σοφία Παπαδοπούλου'],
    [{ firstName: 'Анна', lastName: 'Кузнецова' }, 'Анна Кузнецова'],
    [{ firstName: 'Zoë', lastName: 'Ødegård-Łukasiewicz' }, 'Zoë Ødegård-Łukasiewicz'],
  ])('prints the name %j on the cover and in every footer', async (name, printed) => {
    const pages = await pdfPagesText(await render(recordFixture(name).record));
    expect(pages[0]).toContain('Client record');
    expect(pages[0]).toContain(printed);
    for (const page of pages)
      expect(page.replace(/\s+/g, ' ')).toContain(
        `Confidential health record · ${printed}, born 2 April 1980`,
      );
  });

  it('prints the cover, contact and consent, health history, and every note with SOAP, signature, addendum, after-effects and audit trail', async () => {
    const pages = await pdfPagesText(await render(recordFixture().record));
    const text = allText(pages);
    for (const expected of [
      'Quiet Harbour Craniosacral Therapy',
      'Date of birth 2 April 1980',
      'Record exported 20 Mar 2026, 09:30',
      'Prepared by Anna Berg, Quiet Harbour Craniosacral Therapy',
      '3 session notes (2 signed, 1 draft), from 13 January 2025 to 27 January 2025',
      '1. Contact and consent',
      'Informed consent Given on 6 January 2025 (consent wording version 2025-01)',
      'Οδός Ερμού 12',
      'Osteoporosis: current, moderate, since 3 January 2020.',
      'Alendronate 70 mg weekly',
      'Last reviewed with the client on 6 January 2025.',
      'Session 1 · 13 January 2025 at 10:00 · 60 min',
      'Chief complaint: Tension headaches after desk work.',
      'Chief complaint: Jaw tension on waking.',
      'Subjective',
      'Objective',
      'Assessment',
      'Plan',
      'Signed by Anna Berg · 13 Jan 2025, 11:05',
      'Reason: Pain score recorded on the wrong scale',
      'Pain before was 5/10, not 6/10.',
      'Tiredness (mild), began 2 h after the session, lasted 24 h, resolved.',
      'AUDIT TRAIL',
      'Addendum added',
      'Draft: not signed.',
    ]) {
      expect(text).toContain(expected);
    }
    // Notes in date order.
    expect(text.indexOf('Session 1 ·')).toBeLessThan(text.indexOf('Session 2 ·'));
    expect(text.indexOf('Session 2 ·')).toBeLessThan(text.indexOf('Session 3 ·'));
    // Page X of Y on every page, and a running header from page 2.
    for (const [index, page] of pages.entries())
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
    expect(pages[1]).toContain('Client record: Σοφία Παπαδοπούλου');
  });

  it('fills the contents with the page each part starts on', async () => {
    const pages = await pdfPagesText(await render(recordFixture().record));
    const cover = pages[0]!.replace(/\s+/g, ' ');
    const started = (title: string) =>
      pages.findIndex((page) => page.replace(/\s+/g, ' ').includes(title)) + 1;
    expect(cover).toContain(`1. Contact and consent page ${started('1 Contact and consent')}`);
    expect(cover).toContain(`2. Health history page ${started('2 Health history')}`);
    expect(cover).toContain(`3. Session notes page ${started('3 Session notes')}`);
  });

  it('lists the documents and photos with kind, date, file and SHA-256, in the contents', async () => {
    const { record } = recordFixture();
    const sha = 'ab'.repeat(32);
    const withDocuments: ClientRecord = {
      ...record,
      attachments: [
        {
          id: 'doc-1',
          clientId: record.client.id,
          title: 'Clearance letter, Dr Fischer',
          kind: 'clearance letter',
          date: '2025-01-10',
          note: 'No contraindication to light touch',
          mediaType: 'application/pdf',
          size: 48_213,
          sha256: sha,
          originalName: 'fischer.pdf',
          addedAt: '2025-01-10T09:00:00.000Z',
          updatedAt: '2025-01-10T09:00:00.000Z',
          gpsRemoved: false,
          otherMetadataRemoved: false,
          orientation: 1,
        },
      ],
    };
    const pages = await pdfPagesText(await render(withDocuments));
    const text = allText(pages);
    for (const expected of [
      '4 Documents and photos', // numbered in the order this record has its sections
      'Clearance letter, Dr Fischer',
      'No contraindication to light touch',
      'Clearance letter',
      '10 January 2025',
      'PDF, 47 kB',
      '1 document or photo',
    ])
      expect(text).toContain(expected);
    // The hash wraps in its column at the spaces between groups of 16, never with a hyphen.
    expect(text.replace(/\s+/g, '')).toContain(sha);
    expect(text).not.toMatch(/ab-ab/);
    const cover = pages[0]!.replace(/\s+/g, ' ');
    expect(cover).toMatch(/4\. Documents and photos page \d+/);
  });

  it('passes qpdf --check, embeds only the Noto Sans subsets, and has a title', async () => {
    const pdf = await render(recordFixture().record, TINY_PNG);
    const file = path.join(workDir, 'record.pdf');
    writeFileSync(file, pdf);
    expect(runTool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors found');
    const fonts = runTool('pdffonts', [file]);
    expect(fonts).toMatch(/NotoSans-Regular/);
    expect(fonts).not.toMatch(/Helvetica|Times|Courier/);
    for (const line of fonts.split('\n').slice(2).filter(Boolean)) expect(line).toMatch(/ yes +yes /);
    const meta = await getMeta(await getDocumentProxy(pdf));
    expect((meta.info as Record<string, unknown>).Title).toBe('Client record: Σοφία Παπαδοπούλου');
  });

  it('lays out a long record (60 notes, long free text) with every note and page numbers that add up', async () => {
    const fixture = recordFixture({ firstName: 'Marta', lastName: 'Kowalska' });
    const long = 'A long observation that runs on and on. '.repeat(120);
    const sessions = Array.from({ length: 60 }, (_, index) => {
      const date = new Date(Date.UTC(2024, 0, 1 + index * 7)).toISOString().slice(0, 10);
      const note = signedNote(fixture.client.id, date, index + 1, {
        id: `long-${index}`,
        observations: index % 10 === 0 ? long : 'Calm.',
      });
      return {
        note: note as ClientRecord['sessions'][number]['note'],
        soap: fixture.record.sessions[0]!.soap,
      };
    });
    const record: ClientRecord = { ...fixture.record, sessions, afterEffects: [], auditLog: [] };
    const pages = await pdfPagesText(await render(record));
    expect(pages.length).toBeGreaterThan(20);
    const text = allText(pages);
    for (let n = 1; n <= 60; n++) expect(text).toContain(`Session ${n} ·`);
    // A page that continues a note says which one at the top.
    expect(text).toMatch(
      /Client record: Marta Kowalska · Session \d+, \d+ \w+ 20\d\d at 10:00 \(continued\)/,
    );
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
  });
});

describe('client record PDF: refusals', () => {
  it('refuses characters the fonts lack, naming them and where they are, like the handout', async () => {
    const fixture = recordFixture();
    const record: ClientRecord = {
      ...fixture.record,
      client: { ...fixture.record.client, notes: 'Likes tea 🍵' },
      sessions: fixture.record.sessions.map((session, index) =>
        index === 0 ? { ...session, note: { ...session.note, observations: 'Calmer 王' } } : session,
      ),
    };
    const error = await renderError(record);
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.message).toContain('These characters cannot be printed with the PDF fonts: 🍵, 王.');
    expect(error.message).toContain('Client notes');
    expect(error.message).toContain('Session 1 (13 January 2025)');
    expect(error.message).toContain('save the record as JSON');
  });
});

describe('export:client-record-pdf channel', () => {
  function deps(savePath: string | null): MainDeps {
    return {
      appName: 'Stillpoint',
      appVersion: '0.1.0',
      platform: 'linux',
      userDataDir: workDir,
      resourcesDir: path.resolve(FONTS_DIR, '..'),
      dialogs: {
        chooseSavePath: async () => savePath,
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
  }

  it('refuses a record that is not valid at the channel, naming the field, before any dialog opens', async () => {
    const chooseSavePath = vi.fn(async () => path.join(workDir, 'never.pdf'));
    const dispatch = createDispatcher(
      createMainHandlers({ ...deps(null), dialogs: { ...deps(null).dialogs, chooseSavePath } }),
      {
        isTrustedSender: () => true,
        log: () => {},
      },
    );
    const { record } = recordFixture();
    const result = (await dispatch(
      'export:client-record-pdf',
      {
        record: { ...record, client: { ...record.client, firstName: '' } },
        fileName: 'Client record.pdf',
        logo: null,
      },
      { url: 'app://stillpoint/index.html', isMainFrame: true },
    )) as { ok: boolean; error?: { code: string; message: string } };
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('INVALID_REQUEST');
    expect(result.error?.message).toContain('client.firstName');
    expect(chooseSavePath).not.toHaveBeenCalled();
  });

  it('validates the request with the shared schema, renders, and saves where the user chose', async () => {
    const target = path.join(workDir, 'Client record.pdf');
    const handlers = createMainHandlers(deps(target));
    const request = channels.exportClientRecordPdf.request.parse({
      record: JSON.parse(JSON.stringify(recordFixture().record)),
      fileName: 'Client record.pdf',
    });
    expect(request.logo).toBeNull();
    expect(await handlers.exportClientRecordPdf(request)).toEqual({ path: target });
    expect(existsSync(target)).toBe(true);
    expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers a null path when the user cancels, and writes nothing', async () => {
    const handlers = createMainHandlers(deps(null));
    const request = channels.exportClientRecordPdf.request.parse({
      record: recordFixture().record,
      fileName: 'Client record.pdf',
    });
    expect(await handlers.exportClientRecordPdf(request)).toEqual({ path: null });
  });

  it('refuses unsafe file names and records that are not client records', () => {
    const { record } = recordFixture();
    expect(channels.exportClientRecordPdf.request.safeParse({ record, fileName: '../x.pdf' }).success).toBe(
      false,
    );
    expect(
      channels.exportClientRecordPdf.request.safeParse({
        record: { ...record, format: 'x' },
        fileName: 'a.pdf',
      }).success,
    ).toBe(false);
  });
});
