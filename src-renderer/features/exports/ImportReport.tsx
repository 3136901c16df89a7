import { useState } from 'react';
import { csvRecords, UTF8_BOM } from '../../../src-shared/exports/csv';
import {
  describeRowNotices,
  describeSkippedRow,
  type ReadyRow,
  type SkippedRow,
} from '../../../src-shared/exports/import-plan';
import { useT } from '../../app/i18n';
import { platform } from '../../platform';
import { formatCount } from './ProgressRow';

export const REPORT_LINES_SHOWN = 200;

export interface ImportResult {
  fileName: string;
  imported: number;
  notImported: number;
  cancelled: boolean;
  skipped: SkippedRow[];
  noticed: ReadyRow[];
}

/** The report's rows as a CSV file: one line per problem or notice, skipped rows first. */
export function importReportCsv(result: Pick<ImportResult, 'skipped' | 'noticed'>): string {
  const rows = [
    ...result.skipped.flatMap((row) =>
      row.problems.map((problem) => [row.row, 'skipped', problem.field, problem.message]),
    ),
    ...result.noticed.flatMap((row) =>
      row.notices.map((notice) => [row.row, 'imported', notice.field, notice.message]),
    ),
  ].sort((a, b) => Number(a[0]) - Number(b[0]));
  return UTF8_BOM + csvRecords([['row', 'outcome', 'field', 'reason'], ...rows]);
}

/** A list of report lines, the first REPORT_LINES_SHOWN of them, and how many more there are. */
export function ReportLines({ lines, labelledBy }: { lines: readonly string[]; labelledBy?: string }) {
  const t = useT();
  return (
    <>
      <ul className="skipped-list" aria-labelledby={labelledBy}>
        {lines.slice(0, REPORT_LINES_SHOWN).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {lines.length > REPORT_LINES_SHOWN && (
        <p className="muted">
          {t('exports.report.more', { count: formatCount(lines.length - REPORT_LINES_SHOWN) })}
        </p>
      )}
    </>
  );
}

export function ImportReport({ result }: { result: ImportResult }) {
  const t = useT();
  const skippedLines = result.skipped.flatMap((row) => describeSkippedRow(row, t));
  const noticeLines = result.noticed.flatMap((row) => describeRowNotices(row, t));
  const [saveStatus, setSaveStatus] = useState<string | null>(null);
  const saveReport = async () => {
    const saved = await platform().filesSaveAs({
      fileName: t('exports.report.fileName'),
      kind: 'csv',
      contents: importReportCsv(result),
    });
    if (!saved.ok) setSaveStatus(saved.error.message);
    else if (saved.value.path) setSaveStatus(t('exports.report.saved', { path: saved.value.path }));
  };
  const skipped = result.skipped.length;
  const noticed = result.noticed.length;
  return (
    <section className="import-report" aria-label={t('exports.report.label')}>
      <p className={`notice ${result.cancelled ? 'warning' : 'ok'}`} role="status">
        {result.cancelled
          ? t('exports.report.cancelled', {
              count: result.imported,
              fileName: result.fileName,
              notImported: formatCount(result.notImported),
            })
          : t('exports.report.imported', { count: result.imported, fileName: result.fileName })}
        {skipped > 0 && ` ${t('exports.report.skipped', { count: skipped })}`}
        {noticed > 0 && ` ${t('exports.report.noticed', { count: noticed })}`}
      </p>
      {skipped > 0 && (
        <>
          <h3 id="skipped-title">{t('exports.report.skippedTitle')}</h3>
          <ReportLines lines={skippedLines} labelledBy="skipped-title" />
        </>
      )}
      {noticed > 0 && (
        <>
          <h3 id="noticed-title">{t('exports.report.noticedTitle')}</h3>
          <ReportLines lines={noticeLines} labelledBy="noticed-title" />
        </>
      )}
      {skipped + noticed > 0 && (
        <div className="button-row">
          <button type="button" onClick={saveReport}>
            {t('exports.report.save')}
          </button>
          {saveStatus && (
            <span className="muted" role="status">
              {saveStatus}
            </span>
          )}
        </div>
      )}
    </section>
  );
}
