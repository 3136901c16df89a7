import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { type Client, clientDisplayName } from '../../../src-shared/domain/client';
import { repositories } from '../../app/repositories';
import { Dialog } from '../../app/ui/Dialog';
import {
  type LoadedClientRecord,
  loadClientRecord,
  type SaveOutcome,
  saveClientRecordJson,
  saveClientRecordPdf,
  saveClientRecordZip,
} from './client-record-export';
import './exports.css';

type Status = { kind: 'ok' | 'error' | 'warning'; text: string };
type Format = 'zip' | 'pdf' | 'json';

/**
 * "Export client record" on the client's page: a dialog that saves the client's complete record
 * as a PDF to hand over and as JSON (machine-readable), for a request for their records.
 */
export function ExportClientRecordButton({ client }: { client: Client }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Export client record
      </button>
      <Dialog title="Export client record" open={open} onClose={() => setOpen(false)}>
        <ExportClientRecordPanel client={client} onClose={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function ExportClientRecordPanel({ client, onClose }: { client: Client; onClose: () => void }) {
  const [busy, setBusy] = useState<Format | null>(null);
  const [statuses, setStatuses] = useState<Partial<Record<Format, Status>>>({});
  const counts = useLiveQuery(async () => {
    const repos = repositories();
    const [notes, afterEffects, audit, documents] = await Promise.all([
      repos.sessions.listForClient(client.id),
      repos.afterEffects.listForClient(client.id),
      repos.audit.listForClient(client.id),
      repos.attachments.listForClient(client.id),
    ]);
    return {
      documents: documents.length,
      notes: notes.length,
      signed: notes.filter((note) => note.status === 'signed').length,
      afterEffects: afterEffects.length,
      audit: audit.length,
    };
  }, [client.id]);

  const save = async (what: Format) => {
    setBusy(what);
    setStatuses((current) => ({ ...current, [what]: undefined }));
    let outcome: SaveOutcome;
    try {
      // Read afresh for each file, so each holds the record as it is when saved.
      const loaded: LoadedClientRecord = await loadClientRecord(client.id);
      outcome =
        what === 'pdf'
          ? await saveClientRecordPdf(loaded)
          : what === 'zip'
            ? await saveClientRecordZip(loaded)
            : await saveClientRecordJson(loaded);
    } catch (error) {
      outcome = { saved: false, error: error instanceof Error ? error.message : String(error) };
    } finally {
      setBusy(null);
    }
    const label = what.toUpperCase();
    const status: Status = outcome.saved
      ? { kind: 'ok', text: `${label} saved to ${outcome.path}` }
      : outcome.error
        ? { kind: 'error', text: outcome.error }
        : { kind: 'warning', text: `Saving the ${label} was cancelled.` };
    setStatuses((current) => ({ ...current, [what]: status }));
  };

  return (
    <div className="client-record-export">
      <p>
        A complete copy of <strong>{clientDisplayName(client)}</strong>'s record for a request for their
        records: contact details and consent, health history, and every session note with its SOAP sections,
        signature, addenda, after-effects and audit trail.
      </p>
      <p className="muted" aria-live="polite">
        {counts
          ? `${counts.notes} ${counts.notes === 1 ? 'note' : 'notes'} (${counts.signed} signed) · ${counts.afterEffects} after-effect ${counts.afterEffects === 1 ? 'report' : 'reports'} · ${counts.audit} audit ${counts.audit === 1 ? 'entry' : 'entries'} · ${counts.documents} ${counts.documents === 1 ? 'document or photo' : 'documents and photos'}`
          : 'Counting…'}
      </p>
      <ul className="export-formats">
        <li>
          <strong>ZIP</strong>: the PDF, the JSON and every document and photo, with a list of the files and
          their checksums (manifest.json).
        </li>
        <li>
          <strong>PDF</strong>: to print or hand over. Each note's audit trail records the export.
        </li>
        <li>
          <strong>JSON</strong>: machine-readable, for moving the record to another service or program.
        </li>
      </ul>
      {(['zip', 'pdf', 'json'] as const).map((what) => {
        const status = statuses[what];
        return status ? (
          <p
            key={what}
            className={`notice ${status.kind}`}
            role={status.kind === 'error' ? 'alert' : 'status'}
          >
            {status.text}
          </p>
        ) : null;
      })}
      <div className="dialog-actions button-row">
        <button type="button" className="primary" onClick={() => save('zip')} disabled={busy !== null}>
          {busy === 'zip' ? 'Saving ZIP…' : 'Save ZIP with files…'}
        </button>
        <button type="button" onClick={() => save('pdf')} disabled={busy !== null}>
          {busy === 'pdf' ? 'Saving PDF…' : 'Save PDF…'}
        </button>
        <button type="button" onClick={() => save('json')} disabled={busy !== null}>
          {busy === 'json' ? 'Saving JSON…' : 'Save JSON…'}
        </button>
        <button type="button" className="link" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
