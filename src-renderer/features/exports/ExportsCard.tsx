import { useRef, useState } from 'react';
import {
  ATTACHMENTS_CSV_FILE_NAME,
  CLIENTS_CSV_FILE_NAME,
  SESSIONS_CSV_FILE_NAME,
} from '../../../src-shared/exports/spreadsheet-columns';
import { useT } from '../../app/i18n';
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
  const t = useT();
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
      if (!clients.value.path) return setStatus({ kind: 'warning', text: t('exports.card.cancelled') });
      const sessions = await platform().filesSaveAs({
        fileName: SESSIONS_CSV_FILE_NAME,
        kind: 'csv',
        contents: files.sessionsCsv,
      });
      const clientsSaved = t('exports.card.clientsSaved', { count: files.clients, path: clients.value.path });
      if (!sessions.ok)
        return setStatus({ kind: 'error', text: `${clientsSaved}; ${sessions.error.message}` });
      if (!sessions.value.path) {
        return setStatus({ kind: 'warning', text: `${clientsSaved}. ${t('exports.card.sessionsNotSaved')}` });
      }
      const sessionsSaved = `${clientsSaved}; ${t('exports.card.sessionsSaved', { count: files.sessions, path: sessions.value.path })}`;
      // Outcome scores (issue 16), the third file.
      const outcomes = await platform().filesSaveAs({
        fileName: OUTCOMES_CSV_FILE_NAME,
        kind: 'csv',
        contents: files.outcomesCsv,
      });
      if (!outcomes.ok)
        return setStatus({ kind: 'error', text: `${sessionsSaved}; ${outcomes.error.message}` });
      if (!outcomes.value.path)
        return setStatus({
          kind: 'warning',
          text: `${sessionsSaved}. ${t('exports.card.outcomesNotSaved')}`,
        });
      const outcomesSaved = `${sessionsSaved}; ${t('exports.card.outcomesSaved', { count: files.outcomes, path: outcomes.value.path })}`;
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
          return setStatus({
            kind: 'warning',
            text: `${outcomesSaved}. ${t('exports.card.documentsNotSaved')}`,
          });
        return setStatus({
          kind: 'ok',
          text: `${outcomesSaved}; ${t('exports.card.documentsListed', { count: files.attachments, path: attachments.value.path })}.`,
        });
      }
      setStatus({ kind: 'ok', text: `${outcomesSaved}.` });
    } catch (error) {
      if (error instanceof ExportCancelledError) {
        setStatus({ kind: 'warning', text: t('exports.card.cancelled') });
      } else {
        setStatus({
          kind: 'error',
          text: t('exports.card.failed', { reason: error instanceof Error ? error.message : String(error) }),
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
      <h2 id="exports-title">{t('exports.card.title')}</h2>
      <div className="export-option">
        <div className="export-option-text">
          <h3>{t('exports.card.spreadsheet')}</h3>
          <p className="muted">
            {t('exports.card.spreadsheetFiles', {
              clients: CLIENTS_CSV_FILE_NAME,
              sessions: SESSIONS_CSV_FILE_NAME,
              outcomes: OUTCOMES_CSV_FILE_NAME,
            })}{' '}
            {t('exports.card.notEncrypted')}
          </p>
        </div>
        <button type="button" className="primary" onClick={exportSpreadsheet} disabled={running}>
          {t('exports.card.spreadsheet')}
        </button>
      </div>
      {progress && (
        <ProgressRow
          label={t('exports.card.preparing')}
          value={progress.clients + progress.sessions}
          max={progress.totalClients + progress.totalSessions}
          counts={t('exports.card.progress', {
            clients: formatCount(progress.clients),
            totalClients: formatCount(progress.totalClients),
            sessions: formatCount(progress.sessions),
            totalSessions: formatCount(progress.totalSessions),
          })}
          onCancel={cancel}
          cancelling={cancelling}
        />
      )}
      {saving && (
        <p className="muted" role="status">
          {t('exports.card.chooseWhere')}
        </p>
      )}
      {status && (
        <p className={`notice ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
      <div className="export-option">
        <div className="export-option-text">
          <h3>{t('exports.card.record')}</h3>
          <p className="muted">
            {t('exports.card.recordTextBefore')} <strong>{t('exports.record.button')}</strong>.{' '}
            {t('exports.card.recordTextAfter')}
          </p>
        </div>
        <a className="button" href="#/clients">
          {t('exports.card.goToClients')}
        </a>
      </div>
    </section>
  );
}
