import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderClientRecordPdf } from '../../../src-main/services/pdf/client-record';
import { ClientRecordSchema } from '../../../src-shared/domain/client-record';
import { assembleClientRecord, clientRecordJson } from '../../../src-shared/exports/client-record-export';
import { CLIENT_COLUMNS } from '../../../src-shared/exports/spreadsheet-columns';
import { type ConsentRecord, type IntakeSubmission, sha256Hex } from '../../../src-shared/intake/records';
import { recordFixture } from '../exports/fixtures';
import { FIXED_NOW, FONTS_DIR, pdfPagesText, runTool } from '../pdf/fixtures';
import { CONSENT_TEXT, drawnSignature } from './builders';

const workDir = mkdtempSync(path.join(tmpdir(), 'stillpoint-intake-record-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function withIntake() {
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
    typedName: 'Sofia Papadopoulou',
    signerRole: 'client',
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
      { questionId: 'skullFracture', question: 'Have you ever broken a bone in your skull?', value: true },
      { questionId: 'skullFracture.when', question: 'When was that?', value: '2024-12-16' },
    ],
  };
  const record = assembleClientRecord({
    client: base.client,
    healthHistory: base.healthHistory,
    notes: base.notes,
    afterEffects: base.afterEffects,
    auditLog: base.auditLog,
    intakeSubmissions: [submission],
    consents: [consent],
    practice: null,
    now: FIXED_NOW,
  });
  return { record, consent, submission };
}

describe('intake and consent in the client record', () => {
  it('the JSON holds the submission and the signed consent exactly as stored', async () => {
    const { record, consent, submission } = await withIntake();
    const back = ClientRecordSchema.parse(JSON.parse(clientRecordJson(record)));
    expect(back.intakeSubmissions).toEqual([submission]);
    expect(back.consents).toEqual([consent]);
  });

  it('the PDF has a section with the consent text, the answers and the signature image', async () => {
    const { record } = await withIntake();
    const pdf = await renderClientRecordPdf(record, {
      fontsDir: FONTS_DIR,
      now: FIXED_NOW,
      timeZone: 'Europe/London',
    });
    const text = (await pdfPagesText(pdf)).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('4 Intake forms and consent');
    expect(text).toContain('It does not replace medical care.');
    expect(text).toContain('Have you ever broken a bone in your skull?');
    expect(text).toContain('Sofia Papadopoulou');
    const file = path.join(workDir, 'record.pdf');
    writeFileSync(file, pdf);
    expect(runTool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors found');
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter(Boolean);
    expect(images.length).toBeGreaterThanOrEqual(1);
  });

  it('clients.csv says when and which version was signed, and that it was withdrawn', async () => {
    const { record, consent } = await withIntake();
    const value = (name: string, consents: ConsentRecord[]) =>
      CLIENT_COLUMNS.find((c) => c.name === name)!.value({
        client: { ...record.client, searchText: '' },
        healthHistory: null,
        sessionCount: 0,
        consents,
      });
    expect(value('signed_consent_at', [consent])).toBe(consent.at);
    expect(value('signed_consent_version', [consent])).toBe(1);
    const withdrawal: ConsentRecord = {
      id: 'w-1',
      clientId: consent.clientId,
      kind: 'withdrawn',
      consentId: consent.id,
      recordedBy: 'Anna Berg',
      reason: '',
      at: '2025-02-01T09:00:00.000Z',
    };
    expect(value('signed_consent_at', [consent, withdrawal])).toBe('');
    expect(value('consent_withdrawn', [consent, withdrawal])).toBe('yes');
  });
});
