import type { BackupInfo } from '../../../../src-shared/backup';
import type { MessageKey } from '../../../../src-shared/i18n';
import { formatByteSize, formatDate, formatTimestamp } from '../../../app/format';
import { translate, useT } from '../../../app/i18n';
import { TABLE_NAMES } from '../../../db/table-names';
import { formatCount } from '../format';
import type { RestorePreview, TableChange } from './restore-preview';
import { tableLabel } from './restore-preview';

function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text);
}

function dateText(text: string): string {
  return isIsoDate(text) ? formatDate(text) : text;
}

/** "4 Mar 2025 to 11 Mar 2025" from the header's session dates ('' is an undated draft). */
export function sessionDateRange(info: BackupInfo): string {
  const range = info.header.dateRange;
  if (!range || (!range.first && !range.last)) return translate('backup.facts.noSessions');
  if (!range.first) return translate('backup.facts.upTo', { date: dateText(range.last) });
  return range.first === range.last
    ? dateText(range.first)
    : translate('backup.facts.range', { first: dateText(range.first), last: dateText(range.last) });
}

/** What the file says about itself, before the passphrase. */
export function BackupFacts({ fileName, info }: { fileName: string; info: BackupInfo }) {
  const t = useT();
  return (
    <dl className="facts" data-testid="backup-facts">
      <dt>{t('backup.facts.file')}</dt>
      <dd>
        <code>{fileName}</code> {t('backup.facts.fileSize', { size: formatByteSize(info.fileSize) })}
      </dd>
      <dt>{t('backup.facts.made')}</dt>
      <dd>{formatTimestamp(info.header.createdAt)}</dd>
      <dt>{t('backup.facts.by')}</dt>
      <dd>{t('backup.facts.byApp', { version: info.header.appVersion })}</dd>
      <dt>{t('backup.facts.records')}</dt>
      <dd>{formatCount(info.totalRecords)}</dd>
      <dt>{t('backup.facts.sessionsDated')}</dt>
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
  const count = (n: number, key: MessageKey) => n > 0 && translate(key, { count: formatCount(n) });
  const parts = [
    count(change.added, 'backup.preview.added'),
    count(change.updated, 'backup.preview.updated'),
    count(change.keptCurrent, 'backup.preview.keptCurrent'),
    count(change.conflicts, 'backup.preview.conflicts'),
    count(change.refused, 'backup.preview.refused'),
    count(change.settingsKept, 'backup.preview.settingsKept'),
    count(change.unchanged, 'backup.preview.unchanged'),
    count(onlyHere(change), 'backup.preview.onlyHere'),
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : '—';
}

function replaceText(change: TableChange): string {
  if (change.current === 0 && change.incoming === 0) return '—';
  const count = (n: number, key: MessageKey) => n > 0 && translate(key, { count: formatCount(n) });
  const parts = [
    count(change.deleted, 'backup.preview.removed'),
    count(change.added + change.updated, 'backup.preview.written'),
    count(change.unchanged, 'backup.preview.unchanged'),
  ].filter(Boolean);
  return parts.join(', ');
}

/** Counts per table: in the backup, here now, and what Merge or Replace all would do. */
export function RestorePreviewTable({ merge, replace }: { merge: RestorePreview; replace: RestorePreview }) {
  const t = useT();
  return (
    <table className="data restore-preview">
      <caption className="visually-hidden">{t('backup.preview.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('backup.preview.records')}</th>
          <th scope="col">{t('backup.preview.inBackup')}</th>
          <th scope="col">{t('backup.preview.here')}</th>
          <th scope="col">{t('backup.preview.merge')}</th>
          <th scope="col">{t('backup.preview.replace')}</th>
        </tr>
      </thead>
      <tbody>
        {TABLE_NAMES.map((name) => (
          <tr key={name}>
            <th scope="row">{tableLabel(name)}</th>
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

const REASONS: Record<RestorePreview['conflicts'][number]['reason'], MessageKey> = {
  'both-signed': 'backup.preview.bothSigned',
  'current-signed': 'backup.preview.currentSigned',
  'incoming-signed': 'backup.preview.incomingSigned',
};

/** One line per kept conflict: enough to find both versions of the note. */
export function ConflictList({ preview }: { preview: RestorePreview }) {
  const t = useT();
  if (preview.conflicts.length === 0) return null;
  return (
    <ul className="conflict-list" aria-label={t('backup.preview.conflictsLabel')}>
      {preview.conflicts.map((conflict) => (
        <li key={`${conflict.id}-${conflict.copyId}`}>
          {t(REASONS[conflict.reason], { label: conflict.label })}
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
  const t = useT();
  const settings = preview.notApplied.filter((item) => item.why === 'setting');
  const history = preview.notApplied.filter((item) => item.why === 'history');
  return (
    <>
      {settings.length > 0 && (
        <div data-testid="settings-kept">
          <p>{t('backup.preview.settingsKeptHere')}</p>
          <ul>
            {settings.map((item) => (
              <li key={item.id}>{item.label}</li>
            ))}
          </ul>
        </div>
      )}
      {preview.totals.refused > 0 && (
        <div data-testid="history-refused">
          <p>{t('backup.preview.historyRefused', { count: preview.totals.refused })}</p>
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
