import type { BackupFileInfo } from '../../../../src-shared/domain/backup-settings';
import { useT } from '../../../app/i18n';
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
  const t = useT();
  const busy = readingFileName !== null;
  return (
    <>
      <p className="muted">{t('backup.restore.chooseIntro')}</p>
      <div className="button-row">
        <button type="button" onClick={onDialog} disabled={busy}>
          {t('backup.restore.chooseFile')}
        </button>
        <button
          type="button"
          onClick={() => latestAutomatic && onPick(latestAutomatic)}
          disabled={busy || !latestAutomatic}
        >
          {t('backup.restore.latestAutomatic')}
        </button>
      </div>
      {readingFileName !== null && (
        <p className="muted">{t('backup.restore.reading', { fileName: readingFileName })}</p>
      )}
      <BackupFileList backups={backups} onPick={onPick} disabled={busy} />
    </>
  );
}
