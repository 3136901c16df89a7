import { CsvFileBuilder } from '../../../src-shared/exports/csv';
import {
  ATTACHMENT_COLUMNS,
  type AttachmentSheetRow,
  CLIENT_COLUMNS,
  type ClientSheetRow,
  SESSION_COLUMNS,
  type SessionSheetRow,
} from '../../../src-shared/exports/spreadsheet-columns';
import { scoresInOrder } from '../../../src-shared/outcomes/score';
import { OUTCOME_COLUMNS, type OutcomeSheetRow } from '../../../src-shared/outcomes/spreadsheet';
import type { PracticePagesReader } from '../../db/practice-pages';

export interface SpreadsheetProgress {
  clients: number;
  sessions: number;
  totalClients: number;
  totalSessions: number;
}

export interface SpreadsheetFiles {
  clientsCsv: Uint8Array<ArrayBuffer>;
  sessionsCsv: Uint8Array<ArrayBuffer>;
  /** Documents and photos: details and hashes, not the files (schema version 4). */
  attachmentsCsv: Uint8Array<ArrayBuffer>;
  attachments: number;
  /** Outcome scores, one row each (schema version 5). */
  outcomesCsv: Uint8Array<ArrayBuffer>;
  clients: number;
  sessions: number;
  outcomes: number;
}

export class ExportCancelledError extends Error {
  constructor() {
    super('The export was cancelled.');
    this.name = 'ExportCancelledError';
  }
}

/** Lets the page paint the progress bar (and a Cancel click land) between pages. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Builds clients.csv and sessions.csv in one pass over the practice, a page of clients at a
 * time: each page's rows are turned into CSV and encoded at once, so memory holds the finished
 * bytes and one page of records. Checks `signal` between pages.
 */
export async function buildSpreadsheetFiles(
  practice: PracticePagesReader,
  options: {
    signal?: AbortSignal;
    onProgress?: (progress: SpreadsheetProgress) => void;
    pageSize?: number;
  } = {},
): Promise<SpreadsheetFiles> {
  const totals = await practice.count();
  const clientsCsv = new CsvFileBuilder<ClientSheetRow>(CLIENT_COLUMNS);
  const sessionsCsv = new CsvFileBuilder<SessionSheetRow>(SESSION_COLUMNS);
  const attachmentsCsv = new CsvFileBuilder<AttachmentSheetRow>(ATTACHMENT_COLUMNS);
  const outcomesCsv = new CsvFileBuilder<OutcomeSheetRow>(OUTCOME_COLUMNS);
  const report = () =>
    options.onProgress?.({
      clients: clientsCsv.rows,
      sessions: sessionsCsv.rows,
      totalClients: Math.max(totals.clients, clientsCsv.rows),
      totalSessions: Math.max(totals.sessions, sessionsCsv.rows),
    });
  report();
  for await (const page of practice.pages(options.pageSize)) {
    if (options.signal?.aborted) throw new ExportCancelledError();
    const clientRows: ClientSheetRow[] = [];
    const sessionRows: SessionSheetRow[] = [];
    const attachmentRows: AttachmentSheetRow[] = [];
    const outcomeRows: OutcomeSheetRow[] = [];
    for (const client of page.clients) {
      for (const attachment of page.attachmentsByClient.get(client.id) ?? [])
        attachmentRows.push({ attachment, client });
      const notes = page.notesByClient.get(client.id) ?? [];
      clientRows.push({
        client,
        healthHistory: page.healthHistories.get(client.id) ?? null,
        sessionCount: notes.length,
        consents: page.consentsByClient.get(client.id) ?? [],
      });
      for (const note of notes) {
        sessionRows.push({ note, client, afterEffects: page.afterEffectsBySession.get(note.id) ?? [] });
      }
      const scores = page.outcomeScoresByClient.get(client.id) ?? [];
      for (const profile of page.outcomeProfilesByClient.get(client.id) ?? []) {
        const own = scoresInOrder(scores.filter((s) => s.profileId === profile.id));
        const baseline = own.find((s) => s.kind === 'baseline') ?? null;
        for (const score of own) outcomeRows.push({ client, profile, score, baseline });
      }
    }
    clientsCsv.add(clientRows);
    sessionsCsv.add(sessionRows);
    attachmentsCsv.add(attachmentRows);
    outcomesCsv.add(outcomeRows);
    report();
    await nextFrame();
  }
  if (options.signal?.aborted) throw new ExportCancelledError();
  return {
    clientsCsv: clientsCsv.finish(),
    sessionsCsv: sessionsCsv.finish(),
    attachmentsCsv: attachmentsCsv.finish(),
    attachments: attachmentsCsv.rows,
    outcomesCsv: outcomesCsv.finish(),
    clients: clientsCsv.rows,
    sessions: sessionsCsv.rows,
    outcomes: outcomesCsv.rows,
  };
}
