import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { localToday } from '../../../src-shared/domain/dates';
import type { ReportAudience } from '../../../src-shared/outcomes/report';
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
  return (
    <Dialog title="Progress report" open={open} onClose={onClose}>
      <ReportForm clientId={clientId} onClose={onClose} />
    </Dialog>
  );
}

function ReportForm({ clientId, onClose }: { clientId: string; onClose: () => void }) {
  const first = useLiveQuery(async () => {
    const notes = await repositories().sessions.listForClient(clientId);
    const dates = notes
      .filter((n) => n.status === 'signed')
      .map((n) => n.serviceDate)
      .sort();
    return dates[0] ?? localToday();
  }, [clientId]);
  if (first === undefined) return <p className="muted">Loading…</p>;
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
  const [signer, setSigner] = useSigner();
  const [audience, setAudience] = useState<ReportAudience>('physician');
  const [from, setFrom] = useState(firstDay);
  const [to, setTo] = useState(localToday());
  const [summary, setSummary] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    setMessage(null);
    const found: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) found.from = 'Enter the first day of the period';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(to)) found.to = 'Enter the last day of the period';
    else if (from > to) found.to = 'The end of the period is on or after its start';
    if (signer.trim() === '') found.signedBy = 'Enter your name: the report is signed';
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setBusy(false);
      return;
    }
    try {
      const outcome = await saveProgressReport({
        clientId,
        audience,
        from,
        to,
        summary,
        signedBy: signer,
        signedOn: localToday(),
      });
      if (outcome.saved) {
        setMessage(`Saved ${outcome.path.split(/[\\/]/).pop()}`);
      } else {
        setErrors(outcome.fields ?? {});
        if (outcome.error) setMessage(`Not saved: ${outcome.error}`);
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
        <legend>Written for</legend>
        <label className="checkbox">
          <input
            type="radio"
            name="audience"
            checked={audience === 'physician'}
            onChange={() => setAudience('physician')}
          />
          The referring physician
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name="audience"
            checked={audience === 'client'}
            onChange={() => setAudience('client')}
          />
          The client
        </label>
      </fieldset>
      <div className="outcome-words">
        <Field label="From" error={errors.from}>
          <DateInput value={from} onValue={setFrom} />
        </Field>
        <Field label="To" error={errors.to}>
          <DateInput value={to} onValue={setTo} />
        </Field>
      </div>
      <Field
        label="Your summary"
        hint="In your own words, what was done and what the client reported. State facts; do not claim the sessions caused a change."
        error={errors.summary}
        wide
      >
        <textarea rows={5} value={summary} onChange={(event) => setSummary(event.target.value)} />
      </Field>
      <Field label="Signed by" error={errors.signedBy}>
        <input
          type="text"
          autoComplete="name"
          value={signer}
          onChange={(event) => setSigner(event.target.value)}
        />
      </Field>
      {message && (
        <p
          className={message.startsWith('Saved') ? 'notice' : 'notice error'}
          role={message.startsWith('Saved') ? 'status' : 'alert'}
        >
          {message}
        </p>
      )}
      <div className="button-row dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Save report as PDF…
        </button>
      </div>
    </form>
  );
}
