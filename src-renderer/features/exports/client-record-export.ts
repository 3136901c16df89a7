import { recordZipBaseName } from '../../../src-shared/documents/record-zip';
import {
  MAX_RECORD_ZIP_CHUNK_BYTES,
  MAX_RECORD_ZIP_FILES_BYTES,
} from '../../../src-shared/documents/record-zip-ipc';
import type { Logo } from '../../../src-shared/domain/aftercare';
import type { ClientRecord } from '../../../src-shared/domain/client-record';
import {
  emptyPracticeSettings,
  PracticeSettingsSchema,
  SETTINGS_KEYS,
} from '../../../src-shared/domain/settings';
import { assembleClientRecord, clientRecordJson } from '../../../src-shared/exports/client-record-export';
import { clientLanguage, translate } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { platform } from '../../platform';

/**
 * "Export client record": everything the repositories hold about one client, as the versioned
 * document of src-shared/domain/client-record.ts, saved as JSON (prepared here) or as a PDF
 * (rendered in main). Each note in a saved export gets an "exported" audit entry.
 */

const locale = typeof navigator !== 'undefined' ? navigator.language : 'en-GB';

export interface LoadedClientRecord {
  record: ClientRecord;
  logo: Logo | null;
}

export async function loadClientRecord(
  clientId: string,
  now: Date = new Date(),
): Promise<LoadedClientRecord> {
  const repos = repositories();
  const client = await repos.clients.get(clientId);
  if (!client) throw new Error('This client no longer exists.');
  const [
    healthHistory,
    notes,
    afterEffects,
    auditLog,
    practice,
    intakeSubmissions,
    intakeDraft,
    consents,
    attachments,
    outcomeProfiles,
    outcomeScores,
    followUps,
  ] = await Promise.all([
    repos.healthHistories.get(clientId),
    repos.sessions.listForClient(clientId),
    repos.afterEffects.listForClient(clientId),
    repos.audit.listForClient(clientId),
    repos.settings.get(SETTINGS_KEYS.practice, PracticeSettingsSchema, emptyPracticeSettings(locale)),
    repos.intake.listForClient(clientId),
    repos.intake.draft(clientId),
    repos.consents.listForClient(clientId),
    repos.attachments.listForClient(clientId),
    repos.outcomes.listProfiles(clientId),
    repos.outcomes.listScoresForClient(clientId),
    repos.followUps.listForClient(clientId),
  ]);
  const record = assembleClientRecord({
    intakeSubmissions,
    intakeDraft: intakeDraft ?? null,
    consents,
    attachments,
    outcomeProfiles,
    outcomeScores,
    followUps,
    client,
    healthHistory,
    notes,
    afterEffects,
    auditLog,
    practice,
    now,
  });
  return { record, logo: practice.practice.logo };
}

/** The saved files' name, in the record's language (the client's, else the app's) like the PDF. */
export function clientRecordFileName(record: ClientRecord, extension: 'pdf' | 'json'): string {
  // The same stem main gives the ZIP (recordZipBaseName), so the three files are named alike.
  return `${recordZipBaseName(record, clientLanguage(record.client))}.${extension}`;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * One "exported" audit entry per note of the record, naming the file, all in one transaction:
 * every note records the export, or none does.
 */
async function auditExport(record: ClientRecord, what: 'PDF' | 'JSON' | 'ZIP', path: string): Promise<void> {
  await repositories().audit.appendMany(
    record.sessions.map(({ note }) => ({
      noteId: note.id,
      clientId: record.client.id,
      action: 'exported' as const,
      detail: `Client record exported as ${what} (${baseName(path)})`,
    })),
  );
}

export type SaveOutcome = { saved: true; path: string } | { saved: false; error?: string };

export async function saveClientRecordJson(loaded: LoadedClientRecord): Promise<SaveOutcome> {
  const { record } = loaded;
  const result = await platform().filesSaveAs({
    fileName: clientRecordFileName(record, 'json'),
    kind: 'json',
    contents: new TextEncoder().encode(clientRecordJson(record)),
  });
  if (!result.ok) return { saved: false, error: result.error.message };
  if (!result.value.path) return { saved: false };
  await auditExport(record, 'JSON', result.value.path);
  return { saved: true, path: result.value.path };
}

export async function saveClientRecordPdf(loaded: LoadedClientRecord): Promise<SaveOutcome> {
  const { record, logo } = loaded;
  const result = await platform().exportClientRecordPdf({
    record,
    fileName: clientRecordFileName(record, 'pdf'),
    logo,
  });
  if (!result.ok) return { saved: false, error: result.error.message };
  if (!result.value.path) return { saved: false };
  await auditExport(record, 'PDF', result.value.path);
  return { saved: true, path: result.value.path };
}

/** Whole megabytes, as main's size refusals count them (formatMegabytes): 3840 for the ZIP limit. */
function wholeMegabytes(bytes: number): number {
  return Math.max(1, Math.round(bytes / (1024 * 1024)));
}

/**
 * The record as one ZIP: the PDF, the JSON and every document and photo (issue 15), streamed to
 * main a bounded chunk at a time (the backup stream's pattern), so neither process holds the
 * whole ZIP. One file is read at a time, through the repository, which checks it against its
 * hash; main checks each again as it streams, renders the PDF, names the file and every entry,
 * and writes the manifest. Any failure aborts: no half-written ZIP is left.
 */
export async function saveClientRecordZip(loaded: LoadedClientRecord): Promise<SaveOutcome> {
  const { record, logo } = loaded;
  const total = record.attachments.reduce((sum, attachment) => sum + attachment.size, 0);
  if (total > MAX_RECORD_ZIP_FILES_BYTES) {
    return {
      saved: false,
      error: translate('exports.recordZip.filesTooLarge', {
        size: wholeMegabytes(total),
        limit: wholeMegabytes(MAX_RECORD_ZIP_FILES_BYTES),
      }),
    };
  }
  const bridge = platform();
  const begun = await bridge.exportRecordZipBegin({ record, logo });
  if (!begun.ok) return { saved: false, error: begun.error.message };
  const { token } = begun.value;
  if (!token) return { saved: false };
  try {
    for (const attachment of record.attachments) {
      const { bytes } = await repositories().attachments.open(attachment.id);
      for (let start = 0; start < bytes.byteLength || start === 0; start += MAX_RECORD_ZIP_CHUNK_BYTES) {
        const end = Math.min(bytes.byteLength, start + MAX_RECORD_ZIP_CHUNK_BYTES);
        const sent = await bridge.exportRecordZipChunk({
          token,
          attachmentId: attachment.id,
          bytes: bytes.subarray(start, end),
          final: end === bytes.byteLength,
        });
        if (!sent.ok) {
          await bridge.exportRecordZipAbort({ token });
          return { saved: false, error: sent.error.message };
        }
        if (end === bytes.byteLength) break;
      }
    }
  } catch (error) {
    await bridge.exportRecordZipAbort({ token });
    throw error;
  }
  const result = await bridge.exportRecordZipCommit({ token });
  if (!result.ok) return { saved: false, error: result.error.message };
  if (!result.value.path) return { saved: false };
  await auditExport(record, 'ZIP', result.value.path);
  return { saved: true, path: result.value.path };
}
