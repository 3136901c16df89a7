import type { BackupFileInfo } from '../../../../src-shared/domain/backup-settings';
import { BackupFileList } from './BackupFileList';

/** Step 1: pick a file, from the open dialog or from the backup folder. */
export function ChooseStep({
  readingFileName,
  backups,
  latestAutomatic,
  onDialog,
  onPick,
}: {
  /** The file being read, while it is. */
  readingFileName: string | null;
  backups: BackupFileInfo[] | undefined;
  latestAutomatic: BackupFileInfo | undefined;
  onDialog: () => void;
  onPick: (backup: BackupFileInfo) => void;
}) {
  const busy = readingFileName !== null;
  return (
    <>
      <p className="muted">
        Pick a backup file. You will see what it holds and what would change before anything is written.
      </p>
      <div className="button-row">
        <button type="button" onClick={onDialog} disabled={busy}>
          Choose a backup file…
        </button>
        <button
          type="button"
          onClick={() => latestAutomatic && onPick(latestAutomatic)}
          disabled={busy || !latestAutomatic}
        >
          Restore latest automatic backup
        </button>
      </div>
      {readingFileName !== null && <p className="muted">Reading {readingFileName}…</p>}
      <BackupFileList backups={backups} onPick={onPick} disabled={busy} />
    </>
  );
}
