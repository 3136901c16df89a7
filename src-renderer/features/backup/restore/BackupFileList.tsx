import type { BackupFileInfo } from '../../../../src-shared/domain/backup-settings';
import { formatTimestamp } from '../../../app/format';
import { formatBytes } from '../format';

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
  if (backups === undefined) return null;
  if (backups.length === 0) return <p className="muted">No backups in the backup folder yet.</p>;
  return (
    <table className="data backup-list">
      <caption>Backups in the backup folder</caption>
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Saved</th>
          <th scope="col">Size</th>
          <th scope="col">
            <span className="visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {backups.map((backup) => (
          <tr key={backup.path}>
            <td>
              {backup.fileName}
              {backup.automatic && <span className="tag">automatic</span>}
            </td>
            <td>{formatTimestamp(backup.modifiedAt)}</td>
            <td>{formatBytes(backup.size)}</td>
            <td>
              <button
                type="button"
                className="link"
                onClick={() => onPick(backup)}
                disabled={disabled}
                aria-label={`Restore ${backup.fileName}`}
              >
                Restore…
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
