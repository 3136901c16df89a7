import type { BackupFileInfo } from '../../../../src-shared/domain/backup-settings';
import { formatByteSize, formatTimestamp } from '../../../app/format';
import { useT } from '../../../app/i18n';

/** The backups in the backup folder, newest first, each with its own "Restore…". */
export function BackupFileList({
  backups,
  onPick,
  disabled,
}: {
  backups: BackupFileInfo[] | undefined;
  onPick: (backup: BackupFileInfo) => void;
  disabled: boolean;
}) {
  const t = useT();
  if (backups === undefined) return null;
  if (backups.length === 0) return <p className="muted">{t('backup.restore.noBackups')}</p>;
  return (
    <table className="data backup-list">
      <caption>{t('backup.restore.listCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('backup.restore.file')}</th>
          <th scope="col">{t('backup.restore.saved')}</th>
          <th scope="col">{t('backup.restore.size')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('backup.restore.action')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {backups.map((backup) => (
          <tr key={backup.path}>
            <td>
              {backup.fileName}
              {backup.automatic && <span className="tag">{t('backup.restore.automaticTag')}</span>}
            </td>
            <td>{formatTimestamp(backup.modifiedAt)}</td>
            <td>{formatByteSize(backup.size)}</td>
            <td>
              <button
                type="button"
                className="link"
                onClick={() => onPick(backup)}
                disabled={disabled}
                aria-label={t('backup.restore.restoreFile', { fileName: backup.fileName })}
              >
                {t('backup.restore.restoreButton')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
