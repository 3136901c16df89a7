import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { type Client, clientDisplayName } from '../../../src-shared/domain/client';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { Dialog } from '../../app/ui/Dialog';
import { documentErrorText } from '../documents/document-errors';
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
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('exports.record.button')}
      </button>
      <Dialog title={t('exports.record.title')} open={open} onClose={() => setOpen(false)}>
        <ExportClientRecordPanel client={client} onClose={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function ExportClientRecordPanel({ client, onClose }: { client: Client; onClose: () => void }) {
  const t = useT();
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
      // A damaged document stops the ZIP: the store's refusal in the app's language.
      outcome = { saved: false, error: documentErrorText(t, error) };
    } finally {
      setBusy(null);
    }
    const label = what.toUpperCase();
    const status: Status = outcome.saved
      ? { kind: 'ok', text: t('exports.record.savedTo', { format: label, path: outcome.path }) }
      : outcome.error
        ? { kind: 'error', text: outcome.error }
        : { kind: 'warning', text: t('exports.record.cancelled', { format: label }) };
    setStatuses((current) => ({ ...current, [what]: status }));
  };

  return (
    <div className="client-record-export">
      <p>{t('exports.record.intro', { name: clientDisplayName(client) })}</p>
      <p className="muted" aria-live="polite">
        {counts
          ? [
              t('exports.record.notes', { count: counts.notes, signed: counts.signed }),
              t('exports.record.afterEffects', { count: counts.afterEffects }),
              t('exports.record.audit', { count: counts.audit }),
              t('exports.record.documents', { count: counts.documents }),
            ].join(' · ')
          : t('exports.record.counting')}
      </p>
      <ul className="export-formats">
        <li>
          <strong>{t('exports.record.zip')}</strong>: {t('exports.record.zipText')}
        </li>
        <li>
          <strong>{t('exports.record.pdf')}</strong>: {t('exports.record.pdfText')}
        </li>
        <li>
          <strong>{t('exports.record.json')}</strong>: {t('exports.record.jsonText')}
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
          {busy === 'zip' ? t('exports.record.savingZip') : t('exports.record.saveZip')}
        </button>
        <button type="button" onClick={() => save('pdf')} disabled={busy !== null}>
          {busy === 'pdf' ? t('exports.record.savingPdf') : t('exports.record.savePdf')}
        </button>
        <button type="button" onClick={() => save('json')} disabled={busy !== null}>
          {busy === 'json' ? t('exports.record.savingJson') : t('exports.record.saveJson')}
        </button>
        <button type="button" className="link" onClick={onClose}>
          {t('exports.record.close')}
        </button>
      </div>
    </div>
  );
}
