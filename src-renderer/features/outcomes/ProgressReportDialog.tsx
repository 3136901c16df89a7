import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { localToday } from '../../../src-shared/domain/dates';
import type { ReportAudience } from '../../../src-shared/outcomes/report';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { DateInput } from '../../app/ui/DateInput';
import { Dialog } from '../../app/ui/Dialog';
import { Field } from '../../app/ui/Field';
import { useSigner } from '../sessions/useSigner';
import { saveProgressReport } from './progress-report-service';

/**
 * "Progress report…": for the client or for the referring physician (two wordings), over a
 * period (from the first signed session to today unless changed), with the therapist's own
 * summary, signed and dated. Saved as a PDF through the save dialog.
 */
export function ProgressReportDialog({
  clientId,
  open,
  onClose,
}: {
  clientId: string;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Dialog title={t('outcomes.dialog.title')} open={open} onClose={onClose}>
      <ReportForm clientId={clientId} onClose={onClose} />
    </Dialog>
  );
}

function ReportForm({ clientId, onClose }: { clientId: string; onClose: () => void }) {
  const t = useT();
  const first = useLiveQuery(async () => {
    const notes = await repositories().sessions.listForClient(clientId);
    const dates = notes
      .filter((n) => n.status === 'signed')
      .map((n) => n.serviceDate)
      .sort();
    return dates[0] ?? localToday();
  }, [clientId]);
  if (first === undefined) return <p className="muted">{t('outcomes.loading')}</p>;
  return <ReportFields clientId={clientId} onClose={onClose} firstDay={first} />;
}

function ReportFields({
  clientId,
  onClose,
  firstDay,
}: {
  clientId: string;
  onClose: () => void;
  firstDay: string;
}) {
  const t = useT();
  const [signer, setSigner] = useSigner();
  const [audience, setAudience] = useState<ReportAudience>('physician');
  const [from, setFrom] = useState(firstDay);
  const [to, setTo] = useState(localToday());
  const [summary, setSummary] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ saved: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    setMessage(null);
    const found: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) found.from = t('outcomes.dialog.fromMissing');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(to)) found.to = t('outcomes.dialog.toMissing');
    else if (from > to) found.to = t('outcomes.dialog.periodOrder');
    if (signer.trim() === '') found.signedBy = t('outcomes.dialog.signerMissing');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setBusy(false);
      return;
    }
    try {
      const outcome = await saveProgressReport(t, {
        clientId,
        audience,
        from,
        to,
        summary,
        signedBy: signer,
        signedOn: localToday(),
      });
      if (outcome.saved) {
        setMessage({
          saved: true,
          text: t('outcomes.dialog.saved', { file: outcome.path.split(/[\\/]/).pop() ?? '' }),
        });
      } else {
        setErrors(outcome.fields ?? {});
        if (outcome.error)
          setMessage({ saved: false, text: t('outcomes.notSaved', { reason: outcome.error }) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="outcome-form progress-report-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <fieldset className="score-inputs">
        <legend>{t('outcomes.dialog.writtenFor')}</legend>
        <label className="checkbox">
          <input
            type="radio"
            name="audience"
            checked={audience === 'physician'}
            onChange={() => setAudience('physician')}
          />
          {t('outcomes.dialog.physician')}
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name="audience"
            checked={audience === 'client'}
            onChange={() => setAudience('client')}
          />
          {t('outcomes.dialog.client')}
        </label>
      </fieldset>
      <div className="outcome-words">
        <Field label={t('outcomes.dialog.from')} error={errors.from}>
          <DateInput value={from} onValue={setFrom} />
        </Field>
        <Field label={t('outcomes.dialog.to')} error={errors.to}>
          <DateInput value={to} onValue={setTo} />
        </Field>
      </div>
      <Field
        label={t('outcomes.dialog.summary')}
        hint={t('outcomes.dialog.summaryHint')}
        error={errors.summary}
        wide
      >
        <textarea rows={5} value={summary} onChange={(event) => setSummary(event.target.value)} />
      </Field>
      <Field label={t('outcomes.dialog.signedBy')} error={errors.signedBy}>
        <input
          type="text"
          autoComplete="name"
          value={signer}
          onChange={(event) => setSigner(event.target.value)}
        />
      </Field>
      {message && (
        <p className={message.saved ? 'notice' : 'notice error'} role={message.saved ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <div className="button-row dialog-actions">
        <button type="button" onClick={onClose}>
          {t('outcomes.close')}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {t('outcomes.dialog.save')}
        </button>
      </div>
    </form>
  );
}
