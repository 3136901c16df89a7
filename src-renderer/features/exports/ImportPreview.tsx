import { useMemo, useRef, useState } from 'react';
import { localToday } from '../../../src-shared/domain/dates';
import {
  DATE_FORMATS,
  type DateFormat,
  guessDateFormat,
  localeDateOrder,
} from '../../../src-shared/exports/import-dates';
import {
  defaultExtraUse,
  type ExtraColumn,
  type ExtraColumnUse,
  sampleValues,
  unmappedColumns,
} from '../../../src-shared/exports/import-extras';
import {
  type ColumnMapping,
  IMPORT_FIELDS,
  type ImportField,
} from '../../../src-shared/exports/import-mapping';
import type { CapitalNameOrder } from '../../../src-shared/exports/import-names';
import {
  describeRowNotices,
  describeSkippedRow,
  type ImportOptions,
  type PlannedRow,
  type ReadyRow,
  type SkippedRow,
} from '../../../src-shared/exports/import-plan';
import type { ImportTable } from '../../../src-shared/exports/import-table';
import {
  capitalOrderLabel,
  dateFormatLabel,
  delimiterName,
  importFieldLabel,
} from '../../../src-shared/exports/import-words';
import type { Translate } from '../../../src-shared/i18n';
import { useT } from '../../app/i18n';
import { ExtraColumns } from './ExtraColumns';
import { ReportLines } from './ImportReport';
import { formatCount, ProgressRow } from './ProgressRow';
import { useChunkedPlan } from './use-chunked-plan';

const locale = typeof navigator !== 'undefined' ? navigator.language : 'en-GB';
const PREVIEW_ROWS = 5;
const CAPITAL_ORDERS: readonly CapitalNameOrder[] = ['last-first', 'first-last'];

export interface LoadedFile {
  fileName: string;
  bytes: Uint8Array;
  table: ImportTable;
  existing: Set<string>;
  initial: ColumnMapping;
}

/** The first example value of a column, shortened for a line of the mapping. */
function exampleOf(table: ImportTable, column: number | null): string {
  if (column === null) return '';
  const value = table.rows.slice(0, 20).find((row) => (row[column] ?? '').trim() !== '')?.[column] ?? '';
  return value.length > 40 ? `${value.slice(0, 39)}…` : value;
}

export function ImportPreview({
  loaded,
  onEncoding,
  onCancel,
  onImport,
}: {
  loaded: LoadedFile;
  onEncoding: (encoding: 'utf-8' | 'windows-1252') => void;
  onCancel: () => void;
  onImport: (ready: ReadyRow[], skipped: SkippedRow[]) => void;
}) {
  const t = useT();
  const { table } = loaded;
  const [mapping, setMapping] = useState<ColumnMapping>(loaded.initial);
  const [chosenFormat, setChosenFormat] = useState<DateFormat | null>(null);
  const [capitalOrder, setCapitalOrder] = useState<CapitalNameOrder>('last-first');
  const [chosenUses, setChosenUses] = useState<Record<number, ExtraColumnUse>>({});
  const today = useRef(localToday()).current;

  const dateGuess = useMemo(() => {
    const columns = [mapping.dateOfBirth, mapping.consentDate].filter((c): c is number => c !== null);
    const values = table.rows.flatMap((row) => columns.map((column) => row[column] ?? ''));
    return guessDateFormat(values, localeDateOrder(locale));
  }, [mapping.dateOfBirth, mapping.consentDate, table]);
  const dateFormat = chosenFormat ?? dateGuess.format;

  // Columns no field takes, with samples and what the therapist chose to do with each.
  const unmapped = useMemo(
    () =>
      unmappedColumns(table.headers, mapping).map((column) => {
        const header = table.headers[column] ?? t('exports.import.column', { number: column + 1 });
        const samples = sampleValues(table.rows, column);
        return { column, header, samples, proposed: defaultExtraUse(header, samples) };
      }),
    [table, mapping, t],
  );
  const extras = useMemo(
    () =>
      unmapped.flatMap(({ column, header, proposed }): ExtraColumn[] => {
        const use = chosenUses[column] ?? proposed;
        return use === 'leave-out' ? [] : [{ column, header, use }];
      }),
    [unmapped, chosenUses],
  );
  const options = useMemo<ImportOptions>(
    () => ({ dateFormat, today, capitalNameOrder: capitalOrder, extras, t }),
    [dateFormat, today, capitalOrder, extras, t],
  );
  const { plan, progress } = useChunkedPlan(table, mapping, options, loaded.existing);

  const skippedLines = useMemo(
    () => plan?.rows.flatMap((row) => (row.status === 'ready' ? [] : describeSkippedRow(row, t))) ?? [],
    [plan, t],
  );
  const noticeLines = useMemo(
    () => plan?.rows.flatMap((row) => (row.status === 'ready' ? describeRowNotices(row, t) : [])) ?? [],
    [plan, t],
  );
  const usesDates = mapping.dateOfBirth !== null || mapping.consentDate !== null;
  const hasName = mapping.lastName !== null || mapping.fullName !== null;

  const setField = (field: ImportField, value: string) =>
    setMapping((current) => ({ ...current, [field]: value === '' ? null : Number(value) }));

  // Fields stay in the group they started in, so a field does not jump while it is changed.
  const guessed = IMPORT_FIELDS.filter((field) => loaded.initial[field] !== null);
  const others = IMPORT_FIELDS.filter((field) => loaded.initial[field] === null);
  const mappingRow = (field: ImportField) => (
    <MappingRow
      key={field}
      field={field}
      headers={table.headers}
      value={mapping[field]}
      example={exampleOf(table, mapping[field])}
      onChange={(value) => setField(field, value)}
    />
  );

  const planning = progress !== null || plan === null;
  const start = () => {
    if (!plan || planning) return;
    const ready = plan.rows.filter((row): row is ReadyRow => row.status === 'ready');
    const skipped = plan.rows.filter((row): row is SkippedRow => row.status !== 'ready');
    onImport(ready, skipped);
  };
  const skippedCount = plan ? plan.invalid + plan.duplicates : 0;

  return (
    <div className="import-preview">
      <p className="muted" data-testid="import-file-summary">
        <strong>{loaded.fileName}</strong>:{' '}
        {t('exports.import.fileSummary', {
          count: table.rows.length + table.unreadableRows.length,
          delimiter: delimiterName(t, table.delimiter),
          encoding:
            table.encoding === 'windows-1252'
              ? t('exports.import.windows1252Chosen')
              : table.encoding.toUpperCase(),
        })}
        {table.longRows.length > 0 && ` ${t('exports.import.longRows', { count: table.longRows.length })}`}
      </p>
      {table.unreadableRows.length > 0 && (
        <p className="notice warning" role="status">
          {t('exports.import.unreadableRows', { count: table.unreadableRows.length })}
        </p>
      )}
      {(table.notUtf8 || table.encoding === 'windows-1252') && (
        <div className="encoding-choice">
          {table.notUtf8 && (
            <p className="notice warning" role="status">
              {t('exports.import.notUtf8')}
            </p>
          )}
          <label htmlFor="import-encoding">{t('exports.import.readAs')}</label>
          <select
            id="import-encoding"
            value={table.encoding === 'windows-1252' ? 'windows-1252' : 'utf-8'}
            onChange={(event) => onEncoding(event.target.value as 'utf-8' | 'windows-1252')}
          >
            <option value="utf-8">{t('exports.import.utf8')}</option>
            <option value="windows-1252">{t('exports.import.windows1252')}</option>
          </select>
        </div>
      )}

      <h3 id="mapping-title">{t('exports.import.matchTitle')}</h3>
      <p className="muted">{t('exports.import.matchText')}</p>
      <fieldset className="mapping-fields">
        <legend className="visually-hidden">{t('exports.import.mappingLegend')}</legend>
        <div className="mapping-grid">{guessed.map(mappingRow)}</div>
        {others.length > 0 && (
          <details className="mapping-more">
            <summary>{t('exports.import.otherFields', { count: others.length })}</summary>
            <div className="mapping-grid">{others.map(mappingRow)}</div>
          </details>
        )}
      </fieldset>

      {unmapped.length > 0 && (
        <ExtraColumns
          columns={unmapped.map((column) => ({
            ...column,
            use: chosenUses[column.column] ?? column.proposed,
          }))}
          onChange={(column, use) => setChosenUses((current) => ({ ...current, [column]: use }))}
        />
      )}

      {usesDates && (
        <div className="date-format">
          <label htmlFor="import-date-format">{t('exports.import.datesWritten')}</label>
          <select
            id="import-date-format"
            value={dateFormat}
            onChange={(event) => setChosenFormat(event.target.value as DateFormat)}
          >
            {DATE_FORMATS.map((format) => (
              <option key={format} value={format}>
                {dateFormatLabel(t, format)}
              </option>
            ))}
          </select>
          {dateGuess.ambiguous && chosenFormat === null ? (
            <p className="notice warning" role="status">
              {t('exports.import.datesAmbiguous')}
            </p>
          ) : dateGuess.evidence.length > 0 ? (
            <span className="field-hint">
              {t('exports.import.datesDetected', { dates: dateGuess.evidence.join(', ') })}
            </span>
          ) : null}
        </div>
      )}

      {mapping.fullName !== null && (plan?.capitalNames ?? 0) > 0 && (
        <div className="date-format">
          <label htmlFor="import-capital-names">{t('exports.import.capitalNames')}</label>
          <select
            id="import-capital-names"
            value={capitalOrder}
            onChange={(event) => setCapitalOrder(event.target.value as CapitalNameOrder)}
          >
            {CAPITAL_ORDERS.map((order) => (
              <option key={order} value={order}>
                {capitalOrderLabel(t, order)}
              </option>
            ))}
          </select>
          <p className="notice warning" role="status">
            {t('exports.import.capitalNamesCount', { count: plan?.capitalNames ?? 0 })}
          </p>
        </div>
      )}

      <h3 id="preview-title">{t('exports.import.previewTitle')}</h3>
      {progress && (
        <ProgressRow
          label={t('exports.import.checkingRows')}
          value={progress.done}
          max={progress.total}
          counts={t('exports.import.checkingRowsCount', {
            done: formatCount(progress.done),
            total: formatCount(progress.total),
          })}
        />
      )}
      <p className="muted" aria-live="polite" data-testid="import-summary">
        {plan === null
          ? t('exports.import.checking')
          : t('exports.import.summary', {
              ready: formatCount(plan.ready),
              invalid: formatCount(plan.invalid),
              duplicates: formatCount(plan.duplicates),
            })}
      </p>
      {skippedCount > 0 && (
        <details className="skipped-preview">
          <summary>{t('exports.import.skippedRows', { count: formatCount(skippedCount) })}</summary>
          <ReportLines lines={skippedLines} />
        </details>
      )}
      {plan && plan.withNotices > 0 && (
        <details className="skipped-preview noticed-preview">
          <summary>{t('exports.import.noticedRows', { count: formatCount(plan.withNotices) })}</summary>
          <ReportLines lines={noticeLines} />
        </details>
      )}
      {plan && <PreviewTable rows={plan.rows.slice(0, PREVIEW_ROWS)} />}
      {!hasName && (
        <p className="notice warning" role="status">
          {t('exports.import.needName')}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="primary" onClick={start} disabled={planning || plan.ready === 0}>
          {planning ? t('exports.import.checking') : t('exports.import.importButton', { count: plan.ready })}
        </button>
        <button type="button" onClick={onCancel}>
          {t('exports.import.cancel')}
        </button>
      </div>
    </div>
  );
}

function statusText(t: Translate, row: PlannedRow): string {
  const said = (problem: { field: string; message: string }) => t('exports.import.problems.status', problem);
  if (row.status === 'ready') return [t('exports.import.ready'), ...row.notices.map(said)].join('; ');
  return row.problems.map(said).join('; ');
}

function PreviewTable({ rows }: { rows: readonly PlannedRow[] }) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className="data import-table" aria-labelledby="preview-title">
        <thead>
          <tr>
            <th scope="col">{t('exports.import.row')}</th>
            <th scope="col">{t('exports.import.firstName')}</th>
            <th scope="col">{t('exports.import.lastName')}</th>
            <th scope="col">{t('exports.import.dateOfBirth')}</th>
            <th scope="col">{t('exports.import.email')}</th>
            <th scope="col">{t('exports.import.phone')}</th>
            <th scope="col">{t('exports.import.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            if (row.status === 'unreadable') {
              return (
                <tr key={row.row} data-status={row.status}>
                  <td>{row.row}</td>
                  <td colSpan={5}>
                    <code>{row.text}</code>
                  </td>
                  <td>{statusText(t, row)}</td>
                </tr>
              );
            }
            const values = row.status === 'invalid' ? row.values : row.input;
            return (
              <tr
                key={row.row}
                data-status={row.status}
                data-notices={row.status === 'ready' && row.notices.length > 0}
              >
                <td>{row.row}</td>
                <td>{values.firstName}</td>
                <td>{values.lastName}</td>
                <td>{values.dateOfBirth ?? ''}</td>
                <td>{values.email}</td>
                <td>{values.phone}</td>
                <td>{statusText(t, row)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function MappingRow({
  field,
  headers,
  value,
  example,
  onChange,
}: {
  field: ImportField;
  headers: readonly string[];
  value: number | null;
  example: string;
  onChange: (value: string) => void;
}) {
  const t = useT();
  const id = `import-map-${field}`;
  return (
    <div className="mapping-row" data-mapped={value !== null}>
      <label htmlFor={id}>{importFieldLabel(t, field)}</label>
      <select
        id={id}
        value={value === null ? '' : String(value)}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{t('exports.import.notImported')}</option>
        {headers.map((header, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two columns may share a header name
          <option key={index} value={String(index)}>
            {header}
          </option>
        ))}
      </select>
      <span className="mapping-example muted">{example}</span>
    </div>
  );
}
