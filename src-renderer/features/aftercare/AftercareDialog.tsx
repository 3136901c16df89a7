import { useEffect, useMemo, useState } from 'react';
import { buildAftercareSheet, type HandoutSession } from '../../../src-shared/aftercare/build-sheet';
import { AftercareSheetSchema } from '../../../src-shared/domain/aftercare';
import type { Client } from '../../../src-shared/domain/client';
import { fileNamePart } from '../../../src-shared/domain/files';
import {
  emptyPracticeSettings,
  PracticeSettingsSchema,
  SETTINGS_KEYS,
} from '../../../src-shared/domain/settings';
import { handoutTemplateFor, LANGUAGE_NAMES, type Language, translatorFor } from '../../../src-shared/i18n';
import { describeIssues } from '../../../src-shared/validation';
import { clientLanguage, clientLocale, currentLanguage, systemLocale, useT } from '../../app/i18n';
import { Dialog } from '../../app/ui/Dialog';
import { Field } from '../../app/ui/Field';
import { platform } from '../../platform';
import { useSigner } from '../sessions/useSigner';
import { languageNameList, useHandoutTexts } from '../settings/handout-texts';
import { lacksPracticeName, PracticeNamePrompt } from '../settings/PracticeNamePrompt';
import { useSetting } from '../settings/useSetting';
import { AftercarePreview } from './AftercarePreview';

export type AftercareOutcome = { action: 'printed' | 'pdf-saved'; detail: string };

/**
 * "Print aftercare": builds the handout from the session, the client, the practice settings and
 * the handout text; shows a preview; then "Print" (system print dialog) or "Save PDF" (save
 * dialog, written atomically by main). Each success is reported through `onDone` so the note's
 * audit log records it.
 */
export function AftercareDialog({
  open,
  onClose,
  session,
  client,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  session: HandoutSession;
  client: Pick<Client, 'firstName' | 'lastName' | 'preferredName'> & {
    preferredLanguage?: Language | undefined;
  };
  onDone: (outcome: AftercareOutcome) => Promise<void> | void;
}) {
  const t = useT();
  const practice = useSetting(
    SETTINGS_KEYS.practice,
    PracticeSettingsSchema,
    emptyPracticeSettings(systemLocale()),
  );
  const storedTemplates = useHandoutTexts();
  const [personalNote, setPersonalNote] = useState(session.homeCare);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error' | 'warning'; text: string } | null>(null);
  const [unsupported, setUnsupported] = useState<string[]>([]);

  // The handout is in the client's language whatever the app speaks; its wording is the
  // practice's edited text in that language, else Stillpoint's standard wording (handout-choice.ts).
  const language = clientLanguage(client);
  const choice = useMemo(
    () => (storedTemplates ? handoutTemplateFor(language, storedTemplates) : undefined),
    [language, storedTemplates],
  );
  const built = useMemo(() => {
    if (!practice || !choice) return undefined;
    try {
      const input = buildAftercareSheet({
        session,
        client,
        settings: practice,
        template: choice.template,
        personalNote,
        locale: clientLocale(client),
      });
      const parsed = AftercareSheetSchema.safeParse(input);
      return parsed.success
        ? { sheet: parsed.data }
        : { problem: t('aftercare.cannotMake', { problems: describeIssues(parsed.error).join('; ') }) };
    } catch (error) {
      return { problem: error instanceof Error ? error.message : String(error) };
    }
  }, [practice, choice, session, client, personalNote, t]);

  // Characters no bundled font can print are reported before printing, never printed as boxes.
  useEffect(() => {
    if (!open || !built?.sheet) return;
    let live = true;
    const timer = setTimeout(async () => {
      const result = await platform().aftercareCheck({ sheet: built.sheet });
      if (live && result.ok) setUnsupported(result.value.unsupported);
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [open, built]);

  const missingPractice = practice !== undefined && lacksPracticeName(practice);
  const [signer] = useSigner();
  // Named in the handout's language, like the sheet itself.
  const fileName = `${translatorFor(language)('fileNames.aftercare', {
    name: fileNamePart(`${client.lastName} ${client.firstName}`),
    date: session.serviceDate,
  })}.pdf`;

  const run = async (action: 'print' | 'save') => {
    if (!built?.sheet) return;
    setBusy(true);
    setMessage(null);
    try {
      if (action === 'print') {
        const result = await platform().aftercarePrint({ sheet: built.sheet });
        if (!result.ok) return setMessage({ kind: 'error', text: result.error.message });
        if (!result.value.printed)
          return setMessage({ kind: 'warning', text: t('aftercare.printCancelled') });
        await onDone({
          action: 'printed',
          detail: t('aftercare.printedAudit', { paperSize: built.sheet.paperSize }),
        });
        setMessage({ kind: 'ok', text: t('aftercare.sentToPrinter') });
      } else {
        const result = await platform().aftercareSavePdf({ sheet: built.sheet, fileName });
        if (!result.ok) return setMessage({ kind: 'error', text: result.error.message });
        if (!result.value.path) return setMessage({ kind: 'warning', text: t('aftercare.saveCancelled') });
        await onDone({ action: 'pdf-saved', detail: t('aftercare.savedAudit', { path: result.value.path }) });
        setMessage({ kind: 'ok', text: t('aftercare.savedTo', { path: result.value.path }) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('aftercare.title')} open={open} onClose={onClose}>
      <div className="aftercare-dialog">
        {missingPractice ? (
          <PracticeNamePrompt
            current={practice}
            suggestedName={signer}
            purpose={t('aftercare.practicePurpose')}
          />
        ) : built?.problem ? (
          <p className="notice error" role="alert">
            {built.problem}
          </p>
        ) : null}
        <p className="muted" data-testid="handout-language">
          {t('aftercare.language', { language: LANGUAGE_NAMES[language] })}
          {choice?.standard &&
            ` ${t('aftercare.standardWording', {
              language: LANGUAGE_NAMES[language],
              templateLanguage: languageNameList(choice.editedIn, currentLanguage()),
            })}`}
        </p>
        <Field label={t('aftercare.personalNote')} hint={t('aftercare.personalNoteHint')}>
          <textarea rows={3} value={personalNote} onChange={(e) => setPersonalNote(e.target.value)} />
        </Field>
        {unsupported.length > 0 && (
          <p className="notice warning" role="alert">
            {t('aftercare.unprintable', { characters: unsupported.join(' ') })}
          </p>
        )}
        {built?.sheet && <AftercarePreview sheet={built.sheet} />}
        {message && (
          <p className={`notice ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        <div className="button-row dialog-actions">
          <span className="muted">{t('aftercare.paper', { paperSize: practice?.paperSize ?? '…' })}</span>
          <button
            type="button"
            onClick={() => void run('save')}
            disabled={busy || !built?.sheet || missingPractice || unsupported.length > 0}
          >
            {t('aftercare.savePdf')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void run('print')}
            disabled={busy || !built?.sheet || missingPractice || unsupported.length > 0}
          >
            {t('aftercare.print')}
          </button>
          <button type="button" onClick={onClose}>
            {t('aftercare.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
