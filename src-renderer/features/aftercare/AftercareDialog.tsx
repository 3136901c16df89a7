import { useEffect, useMemo, useState } from 'react';
import { DEFAULT_AFTERCARE_TEMPLATE } from '../../../src-shared/aftercare';
import { buildAftercareSheet, type HandoutSession } from '../../../src-shared/aftercare/build-sheet';
import { AftercareSheetSchema, AftercareTemplateSchema } from '../../../src-shared/domain/aftercare';
import type { Client } from '../../../src-shared/domain/client';
import { fileNamePart } from '../../../src-shared/domain/files';
import {
  emptyPracticeSettings,
  PracticeSettingsSchema,
  SETTINGS_KEYS,
} from '../../../src-shared/domain/settings';
import { describeIssues } from '../../../src-shared/validation';
import { Dialog } from '../../app/ui/Dialog';
import { Field } from '../../app/ui/Field';
import { platform } from '../../platform';
import { useSigner } from '../sessions/useSigner';
import { lacksPracticeName, PracticeNamePrompt } from '../settings/PracticeNamePrompt';
import { useSetting } from '../settings/useSetting';
import { AftercarePreview } from './AftercarePreview';

const locale = typeof navigator !== 'undefined' ? navigator.language : 'en-GB';

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
  client: Pick<Client, 'firstName' | 'lastName' | 'preferredName'>;
  onDone: (outcome: AftercareOutcome) => Promise<void> | void;
}) {
  const practice = useSetting(SETTINGS_KEYS.practice, PracticeSettingsSchema, emptyPracticeSettings(locale));
  const template = useSetting(
    SETTINGS_KEYS.handoutTemplate,
    AftercareTemplateSchema,
    DEFAULT_AFTERCARE_TEMPLATE,
  );
  const [personalNote, setPersonalNote] = useState(session.homeCare);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error' | 'warning'; text: string } | null>(null);
  const [unsupported, setUnsupported] = useState<string[]>([]);

  const built = useMemo(() => {
    if (!practice || !template) return undefined;
    try {
      const input = buildAftercareSheet({
        session,
        client,
        settings: practice,
        template,
        personalNote,
        locale,
      });
      const parsed = AftercareSheetSchema.safeParse(input);
      return parsed.success
        ? { sheet: parsed.data }
        : { problem: `The handout cannot be made yet: ${describeIssues(parsed.error).join('; ')}` };
    } catch (error) {
      return { problem: error instanceof Error ? error.message : String(error) };
    }
  }, [practice, template, session, client, personalNote]);

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
  const fileName = `Aftercare ${fileNamePart(`${client.lastName} ${client.firstName}`)} ${session.serviceDate}.pdf`;

  const run = async (action: 'print' | 'save') => {
    if (!built?.sheet) return;
    setBusy(true);
    setMessage(null);
    try {
      if (action === 'print') {
        const result = await platform().aftercarePrint({ sheet: built.sheet });
        if (!result.ok) return setMessage({ kind: 'error', text: result.error.message });
        if (!result.value.printed) return setMessage({ kind: 'warning', text: 'Printing was cancelled.' });
        await onDone({ action: 'printed', detail: `Aftercare handout printed (${built.sheet.paperSize})` });
        setMessage({ kind: 'ok', text: 'Sent to the printer.' });
      } else {
        const result = await platform().aftercareSavePdf({ sheet: built.sheet, fileName });
        if (!result.ok) return setMessage({ kind: 'error', text: result.error.message });
        if (!result.value.path) return setMessage({ kind: 'warning', text: 'Saving was cancelled.' });
        await onDone({ action: 'pdf-saved', detail: `Aftercare handout saved as ${result.value.path}` });
        setMessage({ kind: 'ok', text: `Saved to ${result.value.path}` });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Print aftercare" open={open} onClose={onClose}>
      <div className="aftercare-dialog">
        {missingPractice ? (
          <PracticeNamePrompt
            current={practice}
            suggestedName={signer}
            purpose="The practice's name heads every handout."
          />
        ) : built?.problem ? (
          <p className="notice error" role="alert">
            {built.problem}
          </p>
        ) : null}
        <Field label="Personal note for the client" hint="Printed at the end of the handout">
          <textarea rows={3} value={personalNote} onChange={(e) => setPersonalNote(e.target.value)} />
        </Field>
        {unsupported.length > 0 && (
          <p className="notice warning" role="alert">
            These characters cannot be printed with the handout fonts: {unsupported.join(' ')}. Change them
            before printing.
          </p>
        )}
        {built?.sheet && <AftercarePreview sheet={built.sheet} />}
        {message && (
          <p className={`notice ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        <div className="button-row dialog-actions">
          <span className="muted">Paper: {practice?.paperSize ?? '…'}</span>
          <button
            type="button"
            onClick={() => void run('save')}
            disabled={busy || !built?.sheet || missingPractice || unsupported.length > 0}
          >
            Save PDF
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void run('print')}
            disabled={busy || !built?.sheet || missingPractice || unsupported.length > 0}
          >
            Print
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
