import { useRef, useState } from 'react';
import {
  ATTACHMENTS_CSV_FILE_NAME,
  CLIENTS_CSV_FILE_NAME,
  SESSIONS_CSV_FILE_NAME,
} from '../../../src-shared/exports/spreadsheet-columns';
import { repositories } from '../../app/repositories';
import { platform } from '../../platform';
import { formatCount, ProgressRow } from './ProgressRow';
import { buildSpreadsheetFiles, ExportCancelledError, type SpreadsheetProgress } from './spreadsheet-export';
import './exports.css';
import { OUTCOMES_CSV_FILE_NAME } from '../../../src-shared/outcomes/spreadsheet';

type Status = { kind: 'ok' | 'error' | 'warning'; text: string } | null;

/**
 * "Export spreadsheet" (clients.csv and sessions.csv, saved one after the other) and where to
 * find "Export client record" (on each client's page).
 */
export function ExportsCard() {
  const [progress, setProgress] = useState<SpreadsheetProgress | null>(null);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [cancelling, setCancelling] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const running = progress !== null || saving;

  const exportSpreadsheet = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setStatus(null);
    setCancelling(false);
    try {
      const files = await buildSpreadsheetFiles(repositories().practicePages, {
        signal: controller.signal,
        onProgress: setProgress,
      });
      setProgress(null);
      setSaving(true);
      const clients = await platform().filesSaveAs({
        fileName: CLIENTS_CSV_FILE_NAME,
        kind: 'csv',
        contents: files.clientsCsv,
      });
      if (!clients.ok) return setStatus({ kind: 'error', text: clients.error.message });
      if (!clients.value.path)
        return setStatus({ kind: 'warning', text: 'Export cancelled: nothing was saved.' });
      const sessions = await platform().filesSaveAs({
        fileName: SESSIONS_CSV_FILE_NAME,
        kind: 'csv',
        contents: files.sessionsCsv,
      });
      const clientsSaved = `${formatCount(files.clients)} ${files.clients === 1 ? 'client' : 'clients'} saved to ${clients.value.path}`;
      if (!sessions.ok)
        return setStatus({ kind: 'error', text: `${clientsSaved}; ${sessions.error.message}` });
      if (!sessions.value.path) {
        return setStatus({ kind: 'warning', text: `${clientsSaved}. The sessions file was not saved.` });
      }
      const sessionsSaved = `${clientsSaved}; ${formatCount(files.sessions)} session ${files.sessions === 1 ? 'note' : 'notes'} saved to ${sessions.value.path}`;
      // Outcome scores (issue 16), the third file.
      const outcomes = await platform().filesSaveAs({
        fileName: OUTCOMES_CSV_FILE_NAME,
        kind: 'csv',
        contents: files.outcomesCsv,
      });
      if (!outcomes.ok)
        return setStatus({ kind: 'error', text: `${sessionsSaved}; ${outcomes.error.message}` });
      if (!outcomes.value.path)
        return setStatus({ kind: 'warning', text: `${sessionsSaved}. The outcomes file was not saved.` });
      const outcomesSaved = `${sessionsSaved}; ${formatCount(files.outcomes)} outcome ${files.outcomes === 1 ? 'score' : 'scores'} saved to ${outcomes.value.path}`;
      // attachments.csv only when there are documents (issue 15): a practice without any is not asked.
      if (files.attachments > 0) {
        const attachments = await platform().filesSaveAs({
          fileName: ATTACHMENTS_CSV_FILE_NAME,
          kind: 'csv',
          contents: files.attachmentsCsv,
        });
        if (!attachments.ok)
          return setStatus({ kind: 'error', text: `${outcomesSaved}; ${attachments.error.message}` });
        if (!attachments.value.path)
          return setStatus({ kind: 'warning', text: `${outcomesSaved}. The documents list was not saved.` });
        return setStatus({
          kind: 'ok',
          text: `${outcomesSaved}; ${formatCount(files.attachments)} ${files.attachments === 1 ? 'document' : 'documents'} listed in ${attachments.value.path}.`,
        });
      }
      setStatus({ kind: 'ok', text: `${outcomesSaved}.` });
    } catch (error) {
      if (error instanceof ExportCancelledError) {
        setStatus({ kind: 'warning', text: 'Export cancelled: nothing was saved.' });
      } else {
        setStatus({
          kind: 'error',
          text: `The spreadsheet could not be made: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    } finally {
      setProgress(null);
      setSaving(false);
      abort.current = null;
    }
  };

  const cancel = () => {
    setCancelling(true);
    abort.current?.abort();
  };

  return (
    <section className="card exports-card" aria-labelledby="exports-title">
      <h2 id="exports-title">Exports</h2>
      <div className="export-option">
        <div className="export-option-text">
          <h3>Export spreadsheet</h3>
          <p className="muted">
            Every client, session note and outcome score as three CSV files for Excel, Numbers or LibreOffice:{' '}
            <code>{CLIENTS_CSV_FILE_NAME}</code> (one row per client), then{' '}
            <code>{SESSIONS_CSV_FILE_NAME}</code> (one row per note), then{' '}
            <code>{OUTCOMES_CSV_FILE_NAME}</code> (one row per outcome score). The files are not encrypted and
            hold health information: keep them somewhere safe.
          </p>
        </div>
        <button type="button" className="primary" onClick={exportSpreadsheet} disabled={running}>
          Export spreadsheet
        </button>
      </div>
      {progress && (
        <ProgressRow
          label="Preparing the spreadsheet"
          value={progress.clients + progress.sessions}
          max={progress.totalClients + progress.totalSessions}
          counts={`${formatCount(progress.clients)} of ${formatCount(progress.totalClients)} clients · ${formatCount(progress.sessions)} of ${formatCount(progress.totalSessions)} notes`}
          onCancel={cancel}
          cancelling={cancelling}
        />
      )}
      {saving && (
        <p className="muted" role="status">
          Choose where to save the files…
        </p>
      )}
      {status && (
        <p className={`notice ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
      <div className="export-option">
        <div className="export-option-text">
          <h3>Export client record</h3>
          <p className="muted">
            For a client who asks for a copy of their records: open the client and choose{' '}
            <strong>Export client record</strong>. It saves their details, health history and every note with
            its addenda, after-effects and audit trail as a PDF to hand over, and as a JSON file that other
            software can read.
          </p>
        </div>
        <a className="button" href="#/clients">
          Go to clients
        </a>
      </div>
    </section>
  );
}
