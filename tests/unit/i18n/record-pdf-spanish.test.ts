import { describe, expect, it } from 'vitest';
import { renderClientRecordPdf } from '../../../src-main/services/pdf/client-record';
import type { HealthHistory } from '../../../src-shared/domain/health-history';
import { assembleClientRecord } from '../../../src-shared/exports/client-record-export';
import { translatorFor } from '../../../src-shared/i18n';
import { type ConsentRecord, type IntakeSubmission, sha256Hex } from '../../../src-shared/intake/records';
import { recordFixture } from '../exports/fixtures';
import { CONSENT_TEXT, drawnSignature } from '../intake/builders';
import { FIXED_NOW, FONTS_DIR, pdfPagesText } from '../pdf/fixtures';

/**
 * Issue 19: a client who reads Spanish gets a Spanish client record, including the intake
 * section (Stillpoint's questions, yes/no, the signer) and the clearance lines (the built-in
 * rule's title and the condition picked from the list), while what was typed stays as typed.
 */

const text = (pages: string[]) => pages.join('\n').replace(/\s+/g, ' ');
const en = translatorFor('en');

async function spanishRecord() {
  const base = recordFixture();
  const clientId = base.client.id;
  const consent: ConsentRecord = {
    id: 'consent-1',
    clientId,
    kind: 'signed',
    consentVersionId: 'cv-1',
    version: 1,
    text: CONSENT_TEXT,
    textSha256: await sha256Hex(CONSENT_TEXT),
    typedName: 'Lucía Fernández',
    signerRole: 'parent',
    signature: drawnSignature(),
    witness: 'Anna Berg',
    at: '2025-01-06T09:00:00.000Z',
  };
  const submission: IntakeSubmission = {
    id: 'sub-1',
    clientId,
    kind: 'intake',
    submittedAt: '2025-01-06T09:05:00.000Z',
    consentId: 'consent-1',
    answers: [
      // The client read the English form; the record is printed in Spanish.
      { questionId: 'skullFracture', question: en('intake.questions.skullFracture'), value: true },
      { questionId: 'surgery', question: en('intake.questions.surgery'), value: false },
      { questionId: 'surgery.site', question: en('intake.questions.surgerySite'), value: 'cranial' },
      // A wording this version does not know, and the client's own words: both kept as submitted.
      { questionId: 'fever', question: 'Are you unwell today?', value: null },
      {
        questionId: 'otherHealth',
        question: en('intake.questions.otherHealth'),
        value: 'Migraine since 2019',
      },
    ],
  };
  const healthHistory: HealthHistory = {
    ...base.healthHistory,
    conditions: [
      { ...base.healthHistory.conditions[0]!, id: 'c1' },
      {
        id: 'c2',
        catalogId: 'skull-fracture',
        label: 'Skull fracture',
        status: 'past',
        onsetDate: '2024-12-16',
        resolvedDate: null,
        severity: null,
        treated: true,
        notes: '',
      },
      {
        id: 'c3',
        catalogId: 'chiari-malformation',
        label: 'Chiari type I, per MRI',
        status: 'current',
        onsetDate: null,
        resolvedDate: null,
        severity: null,
        treated: null,
        notes: '',
      },
    ],
    clearances: [
      {
        id: 'k1',
        ruleId: 'skull-fracture',
        itemId: 'c2',
        givenBy: 'Dra. Marta Ruiz',
        date: '2025-01-03',
        validUntil: '2025-06-30',
        notes: '',
        recordedBy: 'Anna Berg',
        recordedAt: '2025-01-03T10:00:00.000Z',
      },
      {
        id: 'k2',
        ruleId: 'chiari',
        itemId: 'c3',
        givenBy: 'Dr. Pablo Gil',
        date: '2025-01-04',
        validUntil: null,
        notes: '',
        recordedBy: '',
        recordedAt: null,
      },
    ],
  };
  const record = assembleClientRecord({
    client: { ...base.client, preferredLanguage: 'es' },
    healthHistory,
    notes: base.notes,
    afterEffects: base.afterEffects,
    auditLog: base.auditLog,
    intakeSubmissions: [submission],
    consents: [consent],
    practice: null,
    now: FIXED_NOW,
  });
  const pdf = await renderClientRecordPdf(record, {
    fontsDir: FONTS_DIR,
    now: FIXED_NOW,
    timeZone: 'Europe/Madrid',
    language: 'es',
  });
  return text(await pdfPagesText(pdf));
}

describe('a Spanish client record', () => {
  it('prints the intake section in Spanish: questions, answers, signer and headings', async () => {
    const all = await spanishRecord();
    expect(all).toContain('Consentimiento versión 1, firmado el 6 ene 2025');
    expect(all).toContain('Firmado por Lucía Fernández (el padre o la madre)');
    expect(all).toContain('Testigo Anna Berg');
    expect(all).toContain('Formulario de admisión enviado el 6 ene 2025');
    expect(all).toContain('¿Se ha roto alguna vez un hueso del cráneo (una fractura de cráneo)? Sí');
    expect(all).toContain('¿Le han operado de la cabeza, el cuello o la espalda? No');
    expect(all).toContain('¿Dónde fue? Cabeza');
    expect(all).toContain('Are you unwell today? Sin respuesta');
    expect(all).toContain('Migraine since 2019');
    // Each note's entry time is printed in the record's language too.
    expect(all).toContain('Registrada el 13 ene 2025');
    for (const english of [
      'Have you ever broken',
      'Witness',
      'kept as submitted',
      '(a parent)',
      'Intake form',
    ])
      expect(all).not.toContain(english);
  });

  it('names built-in rules and listed conditions in Spanish in the clearance and condition lines', async () => {
    const all = await spanishRecord();
    expect(all).toContain(
      'Fractura de cráneo reciente (Fractura de cráneo): autorizado por Dra. Marta Ruiz el 3 de enero de 2025, válido hasta el 30 de junio de 2025.',
    );
    // The therapist typed their own name for a listed condition: kept as typed.
    expect(all).toContain(
      'Malformación de Chiari (Chiari type I, per MRI): autorizado por Dr. Pablo Gil el 4 de enero de 2025.',
    );
    expect(all).toContain('Fractura de cráneo:');
    expect(all).not.toContain('Recent skull fracture');
    expect(all).not.toContain('Chiari malformation');
  });
});
