import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  groupsOfEight,
  renderBlankIntakeFormPdf,
  renderSignedConsentPdf,
} from '../../../src-main/services/pdf/render-intake';
import { DEFAULT_CONSENT_TEXT, STANDARD_CONSENT_TEXTS } from '../../../src-shared/intake/default-consent';
import { BlankIntakeFormSchema, SignedConsentPaperSchema } from '../../../src-shared/intake/paper';
import { sha256Hex } from '../../../src-shared/intake/records';
import { channels } from '../../../src-shared/ipc';
import { FIXED_NOW, FONTS_DIR, pdfPagesText, runTool } from '../pdf/fixtures';
import { drawnSignature } from './builders';

const workDir = mkdtempSync(path.join(tmpdir(), 'stillpoint-intake-pdf-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const practice = {
  name: 'Quiet Harbour Craniosacral Therapy',
  address: '12 Harbour Lane, Bristol',
  phone: '0117 496 0123',
  email: '',
  website: '',
  logo: null,
};

function blankForm(paperSize: 'A4' | 'Letter') {
  return BlankIntakeFormSchema.parse({
    practice,
    paperSize,
    consentText: DEFAULT_CONSENT_TEXT,
    consentVersion: 3,
    practiceQuestions: [
      { id: 'parking', kind: 'yes-no', label: 'Do you need a parking space?', options: [] },
    ],
  });
}

async function consentPaper(paperSize: 'A4' | 'Letter', language: 'en' | 'es' = 'en') {
  const text = STANDARD_CONSENT_TEXTS[language];
  return SignedConsentPaperSchema.parse({
    practice,
    paperSize,
    language,
    clientName: 'Ingrid Solberg',
    consent: {
      id: 'c1',
      clientId: 'client-1',
      kind: 'signed',
      consentVersionId: 'v1',
      version: 1,
      text,
      textSha256: await sha256Hex(text),
      typedName: 'Ingrid Solberg',
      signerRole: 'client',
      signature: drawnSignature(),
      witness: 'Anna Berg',
      at: '2026-12-07T09:30:00.000Z',
    },
  });
}

function check(file: string): void {
  expect(runTool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors found');
  const fonts = runTool('pdffonts', [file]);
  expect(fonts).toMatch(/NotoSans-Regular/);
  expect(fonts).not.toMatch(/Helvetica|Times|Courier/);
}

describe.each(['A4', 'Letter'] as const)('intake PDFs on %s', (paperSize) => {
  it('the blank intake form asks every question, with the consent text and a signature line', async () => {
    const pdf = await renderBlankIntakeFormPdf(blankForm(paperSize), { fontsDir: FONTS_DIR, now: FIXED_NOW });
    const file = path.join(workDir, `blank-${paperSize}.pdf`);
    writeFileSync(file, pdf);
    check(file);
    const pages = await pdfPagesText(pdf);
    const text = pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Quiet Harbour Craniosacral Therapy');
    expect(text).toContain('Have you ever broken a bone in your skull (a skull fracture)?');
    expect(text).toContain('If yes: When was that?');
    expect(text).toContain('Do you need a parking space?');
    expect(text).toContain('Consent (version 3)');
    expect(text).toContain('It is not a medical treatment.');
    expect(text).toContain('Signature');
    for (const [index, page] of pages.entries())
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
    const size = runTool('pdfinfo', [file]);
    expect(size).toMatch(paperSize === 'A4' ? /595\.\d* x 841\.\d*/ : /612 x 792/);
  });

  it('the signed consent holds the text, the signature image, name, date and hash', async () => {
    const paper = await consentPaper(paperSize);
    const pdf = await renderSignedConsentPdf(paper, { fontsDir: FONTS_DIR, now: FIXED_NOW });
    const file = path.join(workDir, `consent-${paperSize}.pdf`);
    writeFileSync(file, pdf);
    check(file);
    const text = (await pdfPagesText(pdf)).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('You may see your records and have a copy of them at any time.');
    expect(text).toContain('Name: Ingrid Solberg');
    expect(text).toContain(groupsOfEight(paper.consent.textSha256));
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter(Boolean);
    // The signature: one image (its transparency travels as a soft mask beside it).
    expect(images.filter((row) => row.trim().split(/\s+/)[2] === 'image')).toHaveLength(1);
  });
});

describe('intake PDFs in the client language', () => {
  it('a blank intake form in Spanish: title, questions, follow-ups, choices, consent and signature line', async () => {
    const form = BlankIntakeFormSchema.parse({
      ...blankForm('A4'),
      language: 'es',
      consentText: STANDARD_CONSENT_TEXTS.es,
    });
    const pdf = await renderBlankIntakeFormPdf(form, { fontsDir: FONTS_DIR, now: FIXED_NOW });
    const pages = await pdfPagesText(pdf);
    const text = pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Formulario de admisión');
    expect(text).toContain('¿Se ha roto alguna vez un hueso del cráneo (una fractura de cráneo)?');
    expect(text).toContain('En caso afirmativo: ¿Cuándo fue? (basta con una fecha aproximada)');
    expect(text).toContain('Cuello o espalda');
    expect(text).toContain('Consentimiento (versión 3)');
    expect(text).toContain('No es un tratamiento médico.');
    expect(text).toContain('El tutor o la tutora legal');
    expect(text).toContain('Firma');
    // The practice's own question stays as the practice wrote it.
    expect(text).toContain('Do you need a parking space?');
    for (const [index, page] of pages.entries())
      expect(page).toContain(`Página ${index + 1} de ${pages.length}`);
    for (const english of [
      'Intake form',
      'Have you ever broken',
      'If yes',
      'Consent (version',
      'It is not a medical',
    ])
      expect(text).not.toContain(english);
  });

  it('a signed consent for a Spanish client is Spanish, the signed words exactly as signed', async () => {
    const paper = await consentPaper('A4', 'es');
    const pdf = await renderSignedConsentPdf(paper, {
      fontsDir: FONTS_DIR,
      now: FIXED_NOW,
      formatMoment: () => () => '7 dic 2026, 10:30',
    });
    const text = (await pdfPagesText(pdf)).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Consentimiento para la terapia craneosacral');
    expect(text).toContain('Puede ver su historial y obtener una copia en cualquier momento.');
    expect(text).toContain('Nombre: Ingrid Solberg');
    expect(text).toContain('Firmado por: El/la cliente');
    expect(text).toContain('Fecha y hora: 7 dic 2026, 10:30');
    expect(text).toContain('Testigo: Anna Berg');
    expect(text).toContain(`SHA-256 del texto: ${groupsOfEight(paper.consent.textSha256)}`);
    expect(text).toContain('Firmado en pantalla en Stillpoint.');
    expect(text).toContain('Página 1 de 1');
    for (const english of [
      'Consent to craniosacral',
      'Signed by',
      'Witness',
      'Page 1',
      'You may see your records',
    ])
      expect(text).not.toContain(english);
  });
});

describe('the intake channels', () => {
  it('refuse a consent whose signature is a dot, before any dialog opens', async () => {
    const paper = await consentPaper('A4');
    const dot = { ...paper.consent.signature, strokes: [{ points: [{ x: 1, y: 1, t: 1 }] }] };
    const parsed = channels.intakeSaveSignedConsent.request.safeParse({
      paper: { ...paper, consent: { ...paper.consent, signature: dot } },
      fileName: 'Consent.pdf',
    });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('Please sign in the box');
  });
});
