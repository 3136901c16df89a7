import path from 'node:path';
import type { BackupKind, BackupStatus } from '../../src-shared/domain/backup-settings';
import { mainTranslator, translatedError } from '../i18n';
import type { MainHandlers } from '../ipc';
import {
  assertInsideFolder,
  freeBackupFileName,
  listBackups,
  pruneAutomaticBackups,
} from '../services/backups/backup-folder';
import { BackupSettingsStore } from '../services/backups/backup-settings-store';
import { BackupReadStreams, BackupWriteStreams } from '../services/backups/backup-streams';
import type { MainDeps } from './deps';

type BackupChannels =
  | 'backupStatus'
  | 'backupChooseFolder'
  | 'backupSaveSchedule'
  | 'backupStoreKey'
  | 'backupReadKey'
  | 'backupList'
  | 'backupStreamBegin'
  | 'backupStreamChunk'
  | 'backupStreamCommit'
  | 'backupStreamAbort'
  | 'backupOpenChosen'
  | 'backupOpenListed'
  | 'backupReadRange'
  | 'backupCloseFile';

/**
 * Main's part of backups: it never sees a record. The renderer encrypts; main writes the
 * ciphertext atomically into the chosen folder, prunes old automatic backups, keeps the
 * schedule and (OS-encrypted) the passphrase for unattended runs.
 */
export function backupHandlers(deps: MainDeps): Pick<MainHandlers, BackupChannels> {
  const store = new BackupSettingsStore(deps.userDataDir);
  // Dialog titles in the app's language (English when main has no language, as in some tests).
  const t = mainTranslator(deps.language);
  /** Names of backups still being written, so two writes in one second get different names. */
  const beingWritten = new Set<string>();
  const writes = new BackupWriteStreams();
  const reads = new BackupReadStreams();
  /** What each streamed write is: its kind and name, for the commit. */
  const streamed = new Map<string, { kind: BackupKind; fileName: string; folder: string }>();

  const status = (): BackupStatus => {
    const settings = store.read();
    return { ...settings, hasKey: store.readKey() !== null, keyStorage: deps.secureStore.storage() };
  };

  const configuredFolder = (): string => {
    const folder = store.read().folder;
    if (!folder) throw translatedError('NOT_FOUND', 'backup.main.noFolder');
    return folder;
  };

  return {
    backupStatus: async () => status(),
    backupChooseFolder: async () => {
      const folder = await deps.dialogs.chooseFolder({ title: t('backup.main.chooseFolderTitle') });
      if (folder) await store.write({ ...store.read(), folder });
      return status();
    },
    backupSaveSchedule: async ({ daily, onQuit, keep }) => {
      await store.write({ ...store.read(), daily, onQuit, keep });
      return status();
    },
    backupStoreKey: async ({ passphrase }) => {
      if (passphrase === null) {
        await store.writeKey(null);
        return status();
      }
      if (deps.secureStore.storage() === 'unavailable') {
        throw translatedError('UNSUPPORTED', 'backup.main.noSafeKeyStore');
      }
      await store.writeKey(deps.secureStore.encrypt(passphrase));
      return status();
    },
    backupReadKey: async () => {
      const stored = store.readKey();
      if (!stored) return { passphrase: null };
      try {
        return { passphrase: deps.secureStore.decrypt(stored) };
      } catch {
        throw translatedError('FILE_READ_FAILED', 'backup.main.keyUnreadable');
      }
    },
    backupStreamBegin: async ({ kind }) => {
      const folder = configuredFolder();
      const fileName = await freeBackupFileName(folder, kind, deps.now(), beingWritten);
      beingWritten.add(fileName);
      try {
        const token = await writes.begin(path.join(folder, fileName));
        streamed.set(token, { kind, fileName, folder });
        return { token };
      } catch (error) {
        beingWritten.delete(fileName);
        throw error;
      }
    },
    backupStreamChunk: async ({ token, bytes }) => {
      const stream = streamed.get(token);
      try {
        return { written: await writes.append(token, bytes) };
      } catch (error) {
        if (stream) beingWritten.delete(stream.fileName);
        streamed.delete(token);
        throw error;
      }
    },
    backupStreamCommit: async ({ token }) => {
      const stream = streamed.get(token);
      if (!stream) throw translatedError('NOT_FOUND', 'backup.main.notOpen');
      streamed.delete(token);
      try {
        const { target } = await writes.commit(token);
        const settings = store.read();
        const pruned =
          stream.kind === 'automatic'
            ? await pruneAutomaticBackups(stream.folder, settings.keep, stream.fileName)
            : [];
        await store.write({
          ...settings,
          lastSuccessAt: deps.now().toISOString(),
          lastSuccessFile: stream.fileName,
        });
        return { path: target, fileName: stream.fileName, pruned };
      } finally {
        beingWritten.delete(stream.fileName);
      }
    },
    backupStreamAbort: async ({ token }) => {
      const stream = streamed.get(token);
      streamed.delete(token);
      if (stream) beingWritten.delete(stream.fileName);
      await writes.abort(token);
      return {};
    },
    backupOpenChosen: async () => {
      const file = await deps.dialogs.chooseOpenFile({
        title: t('backup.main.chooseBackupTitle'),
        filters: [{ name: t('backup.main.backupFilter'), extensions: ['stillpoint'] }],
      });
      return file ? reads.openFile(file) : null;
    },
    backupOpenListed: async ({ path: file }) => reads.openFile(assertInsideFolder(configuredFolder(), file)),
    backupReadRange: async ({ token, start, end }) => reads.read(token, start, end),
    backupCloseFile: async ({ token }) => {
      await reads.close(token);
      return {};
    },
    backupList: async () => {
      const folder = store.read().folder;
      return folder ? listBackups(folder) : [];
    },
  };
}
