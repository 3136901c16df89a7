import { clientDisplayName } from '../../../src-shared/domain/client';
import { localToday } from '../../../src-shared/domain/dates';
import { fileNamePart } from '../../../src-shared/domain/files';
import {
  emptyPracticeSettings,
  PracticeSettingsSchema,
  SETTINGS_KEYS,
} from '../../../src-shared/domain/settings';
import { type Translate, translatorFor } from '../../../src-shared/i18n';
import { consentTextFor, DEFAULT_CONSENT_TEXT } from '../../../src-shared/intake/default-consent';
import type { SignedConsent } from '../../../src-shared/intake/records';
import {
  DEFAULT_INTAKE_SETTINGS,
  INTAKE_SETTINGS_KEY,
  IntakeSettingsSchema,
} from '../../../src-shared/intake/settings';
import { clientLanguage, currentLanguage } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { platform } from '../../platform';

/**
 * The intake PDFs, rendered in main: what to print, and a message for the therapist (in the
 * app's language, `t`). A signed consent is printed in the client's language; the blank form,
 * which is for no client yet, in the app's (with the consent wording for that language).
 */

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
  const language = currentLanguage();
  return {
    practice,
    paperSize,
    language,
    consentText: consentTextFor(language, consent?.text ?? DEFAULT_CONSENT_TEXT).text,
    consentVersion: consent?.version ?? 1,
    practiceQuestions: intake.customQuestions,
  };
}

export type PaperOutcome = { ok: true; text: string } | { ok: false; text: string };

export async function saveBlankIntakeForm(t: Translate): Promise<PaperOutcome> {
  const result = await platform().intakeSaveBlankForm({
    form: await blankForm(),
    // The blank form is in the app's language, and so is its name.
    fileName: `${t('fileNames.intakeForm', { date: localToday() })}.pdf`,
  });
  if (!result.ok) return { ok: false, text: result.error.message };
  return result.value.path
    ? { ok: true, text: t('intake.paper.savedTo', { path: result.value.path }) }
    : { ok: false, text: t('intake.paper.saveCancelled') };
}

export async function printBlankIntakeForm(t: Translate): Promise<PaperOutcome> {
  const result = await platform().intakePrintBlankForm({ form: await blankForm() });
  if (!result.ok) return { ok: false, text: result.error.message };
  return result.value.printed
    ? { ok: true, text: t('intake.paper.sentToPrinter') }
    : { ok: false, text: t('intake.paper.printCancelled') };
}

export async function saveSignedConsent(
  clientId: string,
  consent: SignedConsent,
  t: Translate,
): Promise<PaperOutcome> {
  const repos = repositories();
  const [client, { practice, paperSize }] = await Promise.all([
    repos.clients.get(clientId),
    practiceHeader(),
  ]);
  if (!client) return { ok: false, text: t('intake.paper.clientGone') };
  const clientName = clientDisplayName(client);
  const result = await platform().intakeSaveSignedConsent({
    paper: { practice, paperSize, language: clientLanguage(client), clientName, consent },
    // Named in the consent's language (the client's), like the paper.
    fileName: `${translatorFor(clientLanguage(client))('fileNames.consent', {
      name: fileNamePart(`${client.lastName} ${client.firstName}`),
      date: consent.at.slice(0, 10),
    })}.pdf`,
  });
  if (!result.ok) return { ok: false, text: result.error.message };
  if (!result.value.path) return { ok: false, text: t('intake.paper.saveCancelled') };
  await repos.audit.append({
    noteId: consent.id,
    clientId,
    action: 'pdf-saved',
    detail: t('intake.paper.savedAudit', { version: consent.version, path: result.value.path }),
  });
  return { ok: true, text: t('intake.paper.savedTo', { path: result.value.path }) };
}
