import { z } from 'zod';
import { BackupStreamTokenSchema, MAX_BACKUP_CHUNK_BYTES, OpenedBackupFileSchema } from './backup/stream-ipc';
import {
  AttachmentMediaTypeSchema,
  MAX_ATTACHMENT_BYTES,
  PreparedFileSchema,
  Sha256Schema,
} from './documents/attachment';
import {
  MAX_RECORD_ZIP_CHUNK_BYTES,
  MAX_RECORD_ZIP_FILES_BYTES,
  RecordZipTokenSchema,
} from './documents/record-zip-ipc';
import { AftercareSheetSchema, LogoSchema } from './domain/aftercare';
import { AppInfoSchema } from './domain/app-info';
import {
  BackupFileInfoSchema,
  BackupKindSchema,
  BackupScheduleSchema,
  BackupStatusSchema,
} from './domain/backup-settings';
import { ClientRecordSchema } from './domain/client-record';
import { TimestampSchema } from './domain/dates';
import {
  BytesSchema,
  ChosenFileSchema,
  ChosenImageSchema,
  SafeFileNameSchema,
  SaveResultSchema,
} from './domain/files';
import { AppLanguageSchema } from './i18n/languages';
import { BlankIntakeFormSchema, SignedConsentPaperSchema } from './intake/paper';
import { ProgressReportSchema } from './outcomes/report';
import type { Result } from './result';
import { ServerCertificateSchema } from './sync/certificate-pin';
import {
  SyncRenameSchema,
  SyncRotationStepSchema,
  SyncSecretsSchema,
  SyncSetupSchema,
  SyncStatusSchema,
} from './sync/sync-settings';

/**
 * The channel table: the one place a renderer-to-main call is declared. The preload builds
 * `window.stillpoint` from it and main registers a handler for every entry, so a channel
 * cannot exist on one side only. Main validates every request with `request` before its
 * handler runs, and every answer with `response` before it leaves.
 */
function channel<Req extends z.ZodType, Res extends z.ZodType>(name: string, request: Req, response: Res) {
  return { name, request, response } as const;
}

const NoRequest = z.undefined();

/**
 * The channels' own refusals, English like every schema's: main says them inside "The request was
 * not valid" in the app's language by the key `validation.ipc.<name>` (src-main/ipc.ts,
 * src-shared/i18n/field-messages.ts). The renderer checks sizes first, so they are a last guard;
 * a chunk or a range out of bounds is a fault of Stillpoint's, not something a person did.
 */
export const IPC_MESSAGES = {
  fileTooLarge: `The file is larger than ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB`,
  zipTooLarge: 'The files are larger than Stillpoint saves in one ZIP',
  chunkTooLarge: 'Chunk too large',
  badRange: 'Bad range',
} as const;

/**
 * How many clients the database held when the renderer last looked. Main keeps it in a file
 * outside IndexedDB, so the app can notice a database that is unexpectedly empty. Clients only:
 * counting a practice's notes means walking every one of them (about a second at 200,000), and
 * notes never outlive their client. Files written when notes were counted too still read: the
 * extra field is dropped.
 */
export const RecordCountsSchema = z.object({
  clients: z.number().int().min(0),
  at: TimestampSchema,
});
export type RecordCounts = z.infer<typeof RecordCountsSchema>;

export const channels = {
  appInfo: channel('app:info', NoRequest, AppInfoSchema),
  /** The renderer finished its work before quitting (the backup at quit); main may close. */
  appQuitReady: channel('app:quit-ready', NoRequest, z.object({ quitting: z.boolean() })),

  /** Characters in the sheet that no bundled font can print (checked before printing). */
  aftercareCheck: channel(
    'aftercare:check',
    z.object({ sheet: AftercareSheetSchema }),
    z.object({ unsupported: z.array(z.string()) }),
  ),
  /** Renders the handout with pdfkit and sends it to the system print dialog. */
  aftercarePrint: channel(
    'aftercare:print',
    z.object({ sheet: AftercareSheetSchema }),
    z.object({ printed: z.boolean() }),
  ),
  /** Renders the handout and saves it where the user chooses, atomically. */
  aftercareSavePdf: channel(
    'aftercare:save-pdf',
    z.object({ sheet: AftercareSheetSchema, fileName: SafeFileNameSchema }),
    SaveResultSchema,
  ),

  /** The blank intake form (same questions as the screen) as a PDF, saved where the user chooses. */
  intakeSaveBlankForm: channel(
    'intake:save-blank-form',
    z.object({ form: BlankIntakeFormSchema, fileName: SafeFileNameSchema }),
    SaveResultSchema,
  ),
  /** The blank intake form sent to the system print dialog. */
  intakePrintBlankForm: channel(
    'intake:print-blank-form',
    z.object({ form: BlankIntakeFormSchema }),
    z.object({ printed: z.boolean() }),
  ),
  /** A signed consent (text, signature image, name, date) as a PDF. */
  intakeSaveSignedConsent: channel(
    'intake:save-signed-consent',
    z.object({ paper: SignedConsentPaperSchema, fileName: SafeFileNameSchema }),
    SaveResultSchema,
  ),

  /** The practice logo for handouts: a PNG or JPEG of at most 2 MB, checked in main. */
  filesChooseLogo: channel('files:choose-logo', NoRequest, ChosenImageSchema.nullable()),
  /** Saves a file the renderer prepared (CSV, JSON) through a save dialog, atomically. */
  filesSaveAs: channel(
    'files:save-as',
    z.object({
      fileName: SafeFileNameSchema,
      kind: z.enum(['csv', 'json', 'pdf', 'backup']),
      contents: z.union([z.string(), BytesSchema]),
    }),
    SaveResultSchema,
  ),
  /** Lets the user pick a file to read (a backup to restore, a CSV to import). */
  filesOpen: channel(
    'files:open',
    z.object({ kind: z.enum(['backup', 'csv']) }),
    ChosenFileSchema.nullable(),
  ),

  /** Automatic-backup settings, key storage and the last good backup. */
  backupStatus: channel('backup:status', NoRequest, BackupStatusSchema),
  backupChooseFolder: channel('backup:choose-folder', NoRequest, BackupStatusSchema),
  backupSaveSchedule: channel(
    'backup:save-schedule',
    BackupScheduleSchema.pick({ daily: true, onQuit: true, keep: true }),
    BackupStatusSchema,
  ),
  /** Keeps (or forgets, with null) the passphrase for unattended backups, OS-encrypted. */
  backupStoreKey: channel(
    'backup:store-key',
    z.object({ passphrase: z.string().min(1).max(1024).nullable() }),
    BackupStatusSchema,
  ),
  backupReadKey: channel('backup:read-key', NoRequest, z.object({ passphrase: z.string().nullable() })),
  /**
   * A backup is written as a stream, never as one buffer (format version 2: a practice may hold
   * gigabytes of documents). Begin names the file from the kind and main's own clock (so no
   * request can choose a path, an extension or overwrite a backup), each chunk is appended to a
   * temporary file, commit flushes it and renames it into place (then prunes old automatic
   * backups), abort deletes it.
   */
  backupStreamBegin: channel(
    'backup:stream-begin',
    z.object({ kind: BackupKindSchema }),
    z.object({ token: BackupStreamTokenSchema }),
  ),
  backupStreamChunk: channel(
    'backup:stream-chunk',
    z.object({
      token: BackupStreamTokenSchema,
      bytes: BytesSchema.refine(
        (bytes) => bytes.byteLength <= MAX_BACKUP_CHUNK_BYTES,
        IPC_MESSAGES.chunkTooLarge,
      ),
    }),
    z.object({ written: z.number() }),
  ),
  backupStreamCommit: channel(
    'backup:stream-commit',
    z.object({ token: BackupStreamTokenSchema }),
    z.object({ path: z.string(), fileName: z.string(), pruned: z.array(z.string()) }),
  ),
  backupStreamAbort: channel(
    'backup:stream-abort',
    z.object({ token: BackupStreamTokenSchema }),
    z.object({}),
  ),
  /**
   * A backup to restore, read a range at a time (it may be gigabytes): chosen through the open
   * dialog or from the backup folder's list; main keeps the open file behind a token.
   */
  backupOpenChosen: channel('backup:open-chosen', NoRequest, OpenedBackupFileSchema.nullable()),
  backupOpenListed: channel(
    'backup:open-listed',
    z.object({ path: z.string().min(1).max(4096) }),
    OpenedBackupFileSchema,
  ),
  backupReadRange: channel(
    'backup:read-range',
    z
      .object({
        token: BackupStreamTokenSchema,
        start: z.number().int().min(0),
        end: z.number().int().min(0),
      })
      .refine(
        (range) => range.end >= range.start && range.end - range.start <= MAX_BACKUP_CHUNK_BYTES,
        IPC_MESSAGES.badRange,
      ),
    BytesSchema,
  ),
  backupCloseFile: channel('backup:close-file', z.object({ token: BackupStreamTokenSchema }), z.object({})),
  backupList: channel('backup:list', NoRequest, z.array(BackupFileInfoSchema)),

  /**
   * One client's complete record (the same document as the JSON export) rendered as a PDF to
   * hand over, saved where the user chooses; null path when cancelled.
   */
  exportClientRecordPdf: channel(
    'export:client-record-pdf',
    z.object({
      record: ClientRecordSchema,
      fileName: SafeFileNameSchema,
      /** The practice logo from Settings, for the cover. */
      logo: LogoSchema.nullable().default(null),
    }),
    SaveResultSchema,
  ),

  /** The last known record counts (null when never recorded on this computer). */
  recordsGetCounts: channel('records:get-counts', NoRequest, RecordCountsSchema.nullable()),
  recordsSetCounts: channel('records:set-counts', RecordCountsSchema, RecordCountsSchema),

  /**
   * Documents and photos (issue 15). Main opens the dialog, reads the file (50 MB at most),
   * decides its type from its bytes, refuses image bombs and odd names, removes GPS, hashes it.
   */
  documentsChoose: channel('documents:choose', NoRequest, PreparedFileSchema.nullable()),
  /**
   * The same checks for a file dropped on a page: the renderer sends the dropped file's bytes
   * and the name it had, never a path. The name is checked in main (folders, control characters).
   */
  documentsPrepareDropped: channel(
    'documents:prepare-dropped',
    z.object({
      fileName: z.string().max(1_000),
      bytes: BytesSchema.refine((bytes) => bytes.byteLength <= MAX_ATTACHMENT_BYTES, {
        message: IPC_MESSAGES.fileTooLarge,
      }),
    }),
    PreparedFileSchema,
  ),
  /** "Save a copy...": main checks the bytes against the stored hash and names the file itself. */
  documentsSaveCopy: channel(
    'documents:save-copy',
    z.object({
      title: z.string().min(1).max(200),
      mediaType: AttachmentMediaTypeSchema,
      sha256: Sha256Schema,
      bytes: BytesSchema,
    }),
    SaveResultSchema,
  ),
  /**
   * The progress report (issue 16) rendered as a PDF and saved where the user chooses; main names
   * the file from the client's name and the day it is signed. Null path when cancelled.
   */
  outcomesSaveProgressReport: channel(
    'outcomes:save-progress-report',
    z.object({ report: ProgressReportSchema }),
    SaveResultSchema,
  ),
  /**
   * Practice sync (issue 18): off until turned on here. Turning it on stores the server and
   * the sealed secrets and lets exactly that server's origin through the network lockdown and
   * the CSP (from the next page load); turning it off removes both.
   */
  syncStatus: channel('sync:status', NoRequest, SyncStatusSchema),
  syncTurnOn: channel('sync:turn-on', SyncSetupSchema, SyncStatusSchema),
  syncTurnOff: channel('sync:turn-off', NoRequest, SyncStatusSchema),
  syncSecrets: channel('sync:secrets', NoRequest, SyncSecretsSchema),
  /** Renames this computer (recorded on every note, addendum and audit entry written here). */
  syncRenameComputer: channel('sync:rename-computer', SyncRenameSchema, SyncStatusSchema),
  /** One step of rotating the practice key; answers the secrets after it (docs/sync.md). */
  syncRotation: channel('sync:rotation', SyncRotationStepSchema, SyncSecretsSchema),
  /**
   * The certificate an https sync server presents (fetched by main from that address only, not
   * verified), for the therapist to compare its fingerprint before it is pinned.
   */
  syncServerCertificate: channel(
    'sync:server-certificate',
    z.object({ serverUrl: z.string().min(1).max(500) }),
    ServerCertificateSchema,
  ),
  /**
   * The language the app speaks, as the renderer settled it (Settings, or the system's): main
   * follows it for the native menu and its own messages. Answers the language main now speaks.
   */
  appSetLanguage: channel(
    'app:set-language',
    z.object({ language: AppLanguageSchema }),
    z.object({ language: AppLanguageSchema }),
  ),
  /**
   * The client record as one ZIP, streamed (issue 15; the backup stream's pattern): begin sends
   * the record (main renders the PDF, asks where to save, names the file from the record and
   * writes the PDF and the JSON; a null token when cancelled), each chunk carries a bounded
   * piece of one document (`final` ends it: main checks its size and SHA-256 against the
   * record), commit writes the manifest and puts the file in place, abort leaves nothing.
   */
  exportRecordZipBegin: channel(
    'export:record-zip-begin',
    z
      .object({
        record: ClientRecordSchema,
        logo: LogoSchema.nullable().default(null),
      })
      .refine(
        (request) =>
          request.record.attachments.reduce((sum, file) => sum + file.size, 0) <= MAX_RECORD_ZIP_FILES_BYTES,
        { message: IPC_MESSAGES.zipTooLarge, path: ['record', 'attachments'] },
      ),
    z.object({ token: RecordZipTokenSchema.nullable() }),
  ),
  exportRecordZipChunk: channel(
    'export:record-zip-chunk',
    z.object({
      token: RecordZipTokenSchema,
      attachmentId: z.string().min(1).max(64),
      bytes: BytesSchema.refine(
        (bytes) => bytes.byteLength <= MAX_RECORD_ZIP_CHUNK_BYTES,
        IPC_MESSAGES.chunkTooLarge,
      ),
      final: z.boolean(),
    }),
    z.object({ written: z.number() }),
  ),
  exportRecordZipCommit: channel(
    'export:record-zip-commit',
    z.object({ token: RecordZipTokenSchema }),
    SaveResultSchema,
  ),
  exportRecordZipAbort: channel(
    'export:record-zip-abort',
    z.object({ token: RecordZipTokenSchema }),
    z.object({}),
  ),
} as const;

export type Channels = typeof channels;
export type ChannelMethod = keyof Channels;
/** What the renderer sends. */
export type ChannelRequest<M extends ChannelMethod> = z.input<Channels[M]['request']>;
/** What main's handler receives: the request after its schema parsed it (defaults applied). */
export type ChannelParsedRequest<M extends ChannelMethod> = z.output<Channels[M]['request']>;
export type ChannelResponse<M extends ChannelMethod> = z.output<Channels[M]['response']>;

/** `window.stillpoint`: one method per channel, each answering a Result, never throwing. */
export type StillpointBridge = {
  [M in ChannelMethod]: undefined extends ChannelRequest<M>
    ? (request?: ChannelRequest<M>) => Promise<Result<ChannelResponse<M>>>
    : (request: ChannelRequest<M>) => Promise<Result<ChannelResponse<M>>>;
};

export const channelMethods = Object.keys(channels) as ChannelMethod[];

/** The one message main sends to the renderer: the app is about to quit (see quit-handshake.ts). */
export const BEFORE_QUIT_EVENT = 'stillpoint:before-quit';

/**
 * Main asks the page to go back or forward through its history: the Go menu, and on Windows the
 * mouse's back and forward buttons (BrowserWindow 'app-command'). The payload is checked with
 * this schema in the preload before the page hears of it.
 */
export const NAVIGATE_EVENT = 'stillpoint:navigate';
export const NavigateDirectionSchema = z.enum(['back', 'forward']);
export type NavigateDirection = z.infer<typeof NavigateDirectionSchema>;

/** `window.stillpointEvents`: what main tells the renderer, beside the request channels. */
export interface StillpointEvents {
  /** Runs `listener` when the app is about to quit; answer with `appQuitReady()`. Returns an unsubscribe. */
  onBeforeQuit(listener: () => void): () => void;
  /** Runs `listener` with a valid direction when main asks for Back or Forward. Returns an unsubscribe. */
  onNavigate(listener: (direction: NavigateDirection) => void): () => void;
}

export function channelByName(name: string): ChannelMethod | undefined {
  return channelMethods.find((method) => channels[method].name === name);
}

/**
 * Builds the bridge object from the table around one transport function. The preload passes
 * `ipcRenderer.invoke`; the e2e harness passes a Playwright binding. Same shape either way.
 */
export function buildBridge(invoke: (channelName: string, request: unknown) => Promise<unknown>) {
  const bridge: Record<string, (request?: unknown) => Promise<unknown>> = {};
  for (const method of channelMethods) {
    const name = channels[method].name;
    bridge[method] = (request?: unknown) => invoke(name, request);
  }
  return Object.freeze(bridge) as unknown as StillpointBridge;
}
