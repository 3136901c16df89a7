import { clientDisplayName } from '../../../src-shared/domain/client';
import { localToday } from '../../../src-shared/domain/dates';
import { fileNamePart } from '../../../src-shared/domain/files';
import {
  emptyPracticeSettings,
  PracticeSettingsSchema,
  SETTINGS_KEYS,
} from '../../../src-shared/domain/settings';
import { DEFAULT_CONSENT_TEXT } from '../../../src-shared/intake/default-consent';
import type { SignedConsent } from '../../../src-shared/intake/records';
import {
  DEFAULT_INTAKE_SETTINGS,
  INTAKE_SETTINGS_KEY,
  IntakeSettingsSchema,
} from '../../../src-shared/intake/settings';
import { repositories } from '../../app/repositories';
import { platform } from '../../platform';

/** The intake PDFs, rendered in main: what to print, and a message for the therapist. */

const locale = typeof navigator !== 'undefined' ? navigator.language : 'en-GB';

async function practiceHeader() {
  const settings = await repositories().settings.get(
    SETTINGS_KEYS.practice,
    PracticeSettingsSchema,
    emptyPracticeSettings(locale),
  );
  return { practice: settings.practice, paperSize: settings.paperSize };
}

async function blankForm() {
  const repos = repositories();
  const [{ practice, paperSize }, intake, consent] = await Promise.all([
    practiceHeader(),
    repos.settings.get(INTAKE_SETTINGS_KEY, IntakeSettingsSchema, DEFAULT_INTAKE_SETTINGS),
    repos.consents.current(),
  ]);
  return {
    practice,
    paperSize,
    consentText: consent?.text ?? DEFAULT_CONSENT_TEXT,
    consentVersion: consent?.version ?? 1,
    practiceQuestions: intake.customQuestions,
  };
}

export type PaperOutcome = { ok: true; text: string } | { ok: false; text: string };

export async function saveBlankIntakeForm(): Promise<PaperOutcome> {
  const result = await platform().intakeSaveBlankForm({
    form: await blankForm(),
    fileName: `Intake form ${localToday()}.pdf`,
  });
  if (!result.ok) return { ok: false, text: result.error.message };
  return result.value.path
    ? { ok: true, text: `Saved to ${result.value.path}` }
    : { ok: false, text: 'Saving was cancelled.' };
}

export async function printBlankIntakeForm(): Promise<PaperOutcome> {
  const result = await platform().intakePrintBlankForm({ form: await blankForm() });
  if (!result.ok) return { ok: false, text: result.error.message };
  return result.value.printed
    ? { ok: true, text: 'Sent to the printer.' }
    : { ok: false, text: 'Printing was cancelled.' };
}

export async function saveSignedConsent(clientId: string, consent: SignedConsent): Promise<PaperOutcome> {
  const repos = repositories();
  const [client, { practice, paperSize }] = await Promise.all([
    repos.clients.get(clientId),
    practiceHeader(),
  ]);
  if (!client) return { ok: false, text: 'This client no longer exists.' };
  const clientName = clientDisplayName(client);
  const result = await platform().intakeSaveSignedConsent({
    paper: { practice, paperSize, clientName, consent },
    fileName: `Consent ${fileNamePart(`${client.lastName} ${client.firstName}`)} ${consent.at.slice(0, 10)}.pdf`,
  });
  if (!result.ok) return { ok: false, text: result.error.message };
  if (!result.value.path) return { ok: false, text: 'Saving was cancelled.' };
  await repos.audit.append({
    noteId: consent.id,
    clientId,
    action: 'pdf-saved',
    detail: `Signed consent (version ${consent.version}) saved as ${result.value.path}`,
  });
  return { ok: true, text: `Saved to ${result.value.path}` };
}
