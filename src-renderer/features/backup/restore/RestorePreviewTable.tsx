import type { BackupInfo } from '../../../../src-shared/backup';
import { formatDate, formatTimestamp } from '../../../app/format';
import { TABLE_LABELS } from '../../../db/backup-tables';
import { TABLE_NAMES } from '../../../db/table-names';
import { formatBytes, formatCount } from '../format';
import type { RestorePreview, TableChange } from './restore-preview';

function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text);
}

function dateText(text: string): string {
  return isIsoDate(text) ? formatDate(text) : text;
}

/** "4 Mar 2025 to 11 Mar 2025" from the header's session dates ('' is an undated draft). */
export function sessionDateRange(info: BackupInfo): string {
  const range = info.header.dateRange;
  if (!range || (!range.first && !range.last)) return 'No sessions';
  if (!range.first) return `Up to ${dateText(range.last)} (some drafts have no date)`;
  return range.first === range.last
    ? dateText(range.first)
    : `${dateText(range.first)} to ${dateText(range.last)}`;
}

/** What the file says about itself, before the passphrase. */
export function BackupFacts({ fileName, info }: { fileName: string; info: BackupInfo }) {
  return (
    <dl className="facts" data-testid="backup-facts">
      <dt>File</dt>
      <dd>
        <code>{fileName}</code> ({formatBytes(info.fileSize)})
      </dd>
      <dt>Made</dt>
      <dd>{formatTimestamp(info.header.createdAt)}</dd>
      <dt>By</dt>
      <dd>Stillpoint {info.header.appVersion}</dd>
      <dt>Records</dt>
      <dd>{formatCount(info.totalRecords)}</dd>
      <dt>Sessions dated</dt>
      <dd>{sessionDateRange(info)}</dd>
    </dl>
  );
}

/** Records on this computer that the backup does not have: a merge leaves them as they are. */
function onlyHere(change: TableChange): number {
  return Math.max(
    0,
    change.current -
      change.unchanged -
      change.updated -
      change.keptCurrent -
      change.conflicts -
      change.refused -
      change.settingsKept,
  );
}

function mergeText(change: TableChange): string {
  const parts = [
    change.added && `${formatCount(change.added)} added`,
    change.updated && `${formatCount(change.updated)} updated`,
    change.keptCurrent && `${formatCount(change.keptCurrent)} newer here, kept`,
    change.conflicts && `${formatCount(change.conflicts)} in conflict, both kept`,
    change.refused && `${formatCount(change.refused)} differing history entries refused`,
    change.settingsKept && `${formatCount(change.settingsKept)} not taken, this computer’s kept`,
    change.unchanged && `${formatCount(change.unchanged)} unchanged`,
    onlyHere(change) && `${formatCount(onlyHere(change))} only here, kept`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : '—';
}

function replaceText(change: TableChange): string {
  if (change.current === 0 && change.incoming === 0) return '—';
  const parts = [
    change.deleted && `${formatCount(change.deleted)} removed`,
    change.added + change.updated > 0 && `${formatCount(change.added + change.updated)} written`,
    change.unchanged && `${formatCount(change.unchanged)} unchanged`,
  ].filter(Boolean);
  return parts.join(', ');
}

/** Counts per table: in the backup, here now, and what Merge or Replace all would do. */
export function RestorePreviewTable({ merge, replace }: { merge: RestorePreview; replace: RestorePreview }) {
  return (
    <table className="data restore-preview">
      <caption className="visually-hidden">What a restore would change, table by table</caption>
      <thead>
        <tr>
          <th scope="col">Records</th>
          <th scope="col">In the backup</th>
          <th scope="col">On this computer</th>
          <th scope="col">Merge</th>
          <th scope="col">Replace all</th>
        </tr>
      </thead>
      <tbody>
        {TABLE_NAMES.map((name) => (
          <tr key={name}>
            <th scope="row">{TABLE_LABELS[name]}</th>
            <td>{formatCount(merge.tables[name].incoming)}</td>
            <td>{formatCount(merge.tables[name].current)}</td>
            <td>{mergeText(merge.tables[name])}</td>
            <td>{replaceText(replace.tables[name])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const REASONS: Record<RestorePreview['conflicts'][number]['reason'], string> = {
  'both-signed': 'two different signed versions.',
  'current-signed': 'signed here, changed in the backup.',
  'incoming-signed': 'signed in the backup, changed here.',
};

/** One line per kept conflict: enough to find both versions of the note. */
export function ConflictList({ preview }: { preview: RestorePreview }) {
  if (preview.conflicts.length === 0) return null;
  return (
    <ul className="conflict-list" aria-label="Conflicts">
      {preview.conflicts.map((conflict) => (
        <li key={`${conflict.id}-${conflict.copyId}`}>
          {conflict.label}: {REASONS[conflict.reason]} The version on this computer stays as it is; the
          backup’s is added beside it as a conflict copy.
        </li>
      ))}
    </ul>
  );
}

/**
 * What Merge leaves out: settings kept as they are here (unless taken on purpose), and history
 * entries (audit log, after-effects) that differ from the ones here under the same id.
 */
export function NotAppliedList({ preview }: { preview: RestorePreview }) {
  const settings = preview.notApplied.filter((item) => item.why === 'setting');
  const history = preview.notApplied.filter((item) => item.why === 'history');
  return (
    <>
      {settings.length > 0 && (
        <div data-testid="settings-kept">
          <p>Settings kept as they are on this computer (the backup’s are not taken):</p>
          <ul>
            {settings.map((item) => (
              <li key={item.id}>{item.label}</li>
            ))}
          </ul>
        </div>
      )}
      {preview.totals.refused > 0 && (
        <div data-testid="history-refused">
          <p>
            {formatCount(preview.totals.refused)} history entr{preview.totals.refused === 1 ? 'y' : 'ies'} in
            the backup differ from the ones here and were not applied (history is only ever added to, never
            changed):
          </p>
          <ul>
            {history.map((item) => (
              <li key={`${item.table}-${item.id}`}>{item.label}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
