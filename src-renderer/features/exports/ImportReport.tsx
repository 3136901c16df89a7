import { useState } from 'react';
import { csvRecords, UTF8_BOM } from '../../../src-shared/exports/csv';
import {
  describeRowNotices,
  describeSkippedRow,
  type ReadyRow,
  type SkippedRow,
} from '../../../src-shared/exports/import-plan';
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
  return (
    <>
      <ul className="skipped-list" aria-labelledby={labelledBy}>
        {lines.slice(0, REPORT_LINES_SHOWN).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {lines.length > REPORT_LINES_SHOWN && (
        <p className="muted">
          and {formatCount(lines.length - REPORT_LINES_SHOWN)} more: save the report to see them all.
        </p>
      )}
    </>
  );
}

export function ImportReport({ result }: { result: ImportResult }) {
  const skippedLines = result.skipped.flatMap(describeSkippedRow);
  const noticeLines = result.noticed.flatMap(describeRowNotices);
  const [saveStatus, setSaveStatus] = useState<string | null>(null);
  const saveReport = async () => {
    const saved = await platform().filesSaveAs({
      fileName: 'import report.csv',
      kind: 'csv',
      contents: importReportCsv(result),
    });
    if (!saved.ok) setSaveStatus(saved.error.message);
    else if (saved.value.path) setSaveStatus(`Report saved to ${saved.value.path}`);
  };
  const skipped = result.skipped.length;
  const noticed = result.noticed.length;
  return (
    <section className="import-report" aria-label="Import report">
      <p className={`notice ${result.cancelled ? 'warning' : 'ok'}`} role="status">
        {result.cancelled
          ? `Import cancelled: ${formatCount(result.imported)} ${result.imported === 1 ? 'client was' : 'clients were'} imported from ${result.fileName}; ${formatCount(result.notImported)} were not.`
          : `Imported ${formatCount(result.imported)} ${result.imported === 1 ? 'client' : 'clients'} from ${result.fileName}.`}
        {skipped > 0 && ` ${formatCount(skipped)} ${skipped === 1 ? 'row was' : 'rows were'} skipped.`}
        {noticed > 0 &&
          ` ${formatCount(noticed)} ${noticed === 1 ? 'client was' : 'clients were'} imported with a field left empty or a name to check.`}
      </p>
      {skipped > 0 && (
        <>
          <h3 id="skipped-title">Rows skipped</h3>
          <ReportLines lines={skippedLines} labelledBy="skipped-title" />
        </>
      )}
      {noticed > 0 && (
        <>
          <h3 id="noticed-title">Imported: check these</h3>
          <ReportLines lines={noticeLines} labelledBy="noticed-title" />
        </>
      )}
      {skipped + noticed > 0 && (
        <div className="button-row">
          <button type="button" onClick={saveReport}>
            Save report as CSV…
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
