import { useMemo, useRef, useState } from 'react';
import { localToday } from '../../../src-shared/domain/dates';
import { csvRecords, UTF8_BOM } from '../../../src-shared/exports/csv';
import {
  DATE_FORMAT_LABELS,
  DATE_FORMATS,
  type DateFormat,
  guessDateFormat,
  localeDateOrder,
} from '../../../src-shared/exports/import-dates';
import {
  type ColumnMapping,
  guessMapping,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  type ImportField,
} from '../../../src-shared/exports/import-mapping';
import { describeSkippedRow, type PlannedRow, planImport } from '../../../src-shared/exports/import-plan';
import {
  DELIMITER_NAMES,
  ImportFileError,
  type ImportTable,
  readImportTable,
} from '../../../src-shared/exports/import-table';
import { platform } from '../../platform';
import { existingClientKeys, type ImportProgress, importClients } from './import-clients';
import { formatCount, ProgressRow } from './ProgressRow';
import './exports.css';

const locale = typeof navigator !== 'undefined' ? navigator.language : 'en-GB';
const PREVIEW_ROWS = 5;
const REPORT_LINES_SHOWN = 200;

type SkippedRow = Exclude<PlannedRow, { status: 'ready' }>;

type Stage =
  | { kind: 'idle' }
  | { kind: 'loaded'; fileName: string; table: ImportTable; existing: Set<string>; initial: ColumnMapping }
  | { kind: 'importing'; fileName: string; progress: ImportProgress }
  | {
      kind: 'done';
      fileName: string;
      imported: number;
      notImported: number;
      cancelled: boolean;
      skipped: SkippedRow[];
    };

/** "Import clients": a CSV from another tool, a column mapping with a preview, then a report. */
export function ImportClientsCard() {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);
  // Outside React state: Cancel must reach the import that is running.
  const running = useRef<AbortController | null>(null);

  const chooseFile = async () => {
    setError(null);
    setChoosing(true);
    try {
      const result = await platform().filesOpen({ kind: 'csv' });
      if (!result.ok) return setError(result.error.message);
      if (!result.value) return;
      const table = readImportTable(result.value.bytes);
      const existing = await existingClientKeys();
      setStage({
        kind: 'loaded',
        fileName: result.value.fileName,
        table,
        existing,
        initial: guessMapping(table.headers),
      });
    } catch (caught) {
      setError(
        caught instanceof ImportFileError
          ? caught.message
          : `That file could not be read: ${caught instanceof Error ? caught.message : String(caught)}`,
      );
    } finally {
      setChoosing(false);
    }
  };

  return (
    <section className="card import-card" aria-labelledby="import-title">
      <div className="card-header">
        <h2 id="import-title">Import clients</h2>
        {(stage.kind === 'idle' || stage.kind === 'done') && (
          <button type="button" onClick={chooseFile} disabled={choosing}>
            Choose CSV file…
          </button>
        )}
      </div>
      {stage.kind === 'idle' && (
        <p className="muted">
          Bring your client list from another tool: save it as a CSV file with a header row (Excel: File ›
          Save as › CSV UTF-8). You will see how its columns match Stillpoint's fields and a preview before
          anything is imported. Clients already on record (same name and date of birth) are skipped.
        </p>
      )}
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {stage.kind === 'loaded' && (
        <ImportPreview
          key={stage.fileName}
          stage={stage}
          onCancel={() => setStage({ kind: 'idle' })}
          onImport={async (ready, skipped) => {
            const controller = new AbortController();
            running.current = controller;
            setStage({
              kind: 'importing',
              fileName: stage.fileName,
              progress: { imported: 0, total: ready.length },
            });
            try {
              const result = await importClients(
                ready.map((row) => row.input),
                {
                  signal: controller.signal,
                  onProgress: (progress) =>
                    setStage({ kind: 'importing', fileName: stage.fileName, progress }),
                },
              );
              setStage({
                kind: 'done',
                fileName: stage.fileName,
                imported: result.imported,
                notImported: ready.length - result.imported,
                cancelled: result.cancelled,
                skipped,
              });
            } catch (caught) {
              setStage({ kind: 'idle' });
              setError(`The import stopped: ${caught instanceof Error ? caught.message : String(caught)}`);
            } finally {
              running.current = null;
            }
          }}
        />
      )}
      {stage.kind === 'importing' && (
        <ImportRunning stage={stage} onCancel={() => running.current?.abort()} />
      )}
      {stage.kind === 'done' && <ImportReport stage={stage} />}
    </section>
  );
}

function ImportRunning({
  stage,
  onCancel,
}: {
  stage: Extract<Stage, { kind: 'importing' }>;
  onCancel: () => void;
}) {
  const [cancelling, setCancelling] = useState(false);
  return (
    <ProgressRow
      label={`Importing clients from ${stage.fileName}`}
      value={stage.progress.imported}
      max={stage.progress.total}
      counts={`${formatCount(stage.progress.imported)} of ${formatCount(stage.progress.total)} clients`}
      onCancel={() => {
        setCancelling(true);
        onCancel();
      }}
      cancelling={cancelling}
    />
  );
}

function ImportPreview({
  stage,
  onCancel,
  onImport,
}: {
  stage: Extract<Stage, { kind: 'loaded' }>;
  onCancel: () => void;
  onImport: (ready: Extract<PlannedRow, { status: 'ready' }>[], skipped: SkippedRow[]) => void;
}) {
  const { table } = stage;
  const [mapping, setMapping] = useState<ColumnMapping>(stage.initial);
  const [chosenFormat, setChosenFormat] = useState<DateFormat | null>(null);
  const today = useRef(localToday()).current;

  const dateGuess = useMemo(() => {
    const columns = [mapping.dateOfBirth, mapping.consentDate].filter((c): c is number => c !== null);
    const values = table.rows.flatMap((row) => columns.map((column) => row[column] ?? ''));
    return guessDateFormat(values, localeDateOrder(locale));
  }, [mapping.dateOfBirth, mapping.consentDate, table]);
  const dateFormat = chosenFormat ?? dateGuess.format;
  const plan = useMemo(
    () => planImport(table, mapping, { dateFormat, today }, stage.existing),
    [table, mapping, dateFormat, today, stage.existing],
  );
  const skippedLines = useMemo(
    () => plan.rows.flatMap((row) => (row.status === 'ready' ? [] : describeSkippedRow(row))),
    [plan],
  );
  const usesDates = mapping.dateOfBirth !== null || mapping.consentDate !== null;
  const hasName = mapping.lastName !== null || mapping.fullName !== null;

  const setField = (field: ImportField, value: string) =>
    setMapping((current) => ({ ...current, [field]: value === '' ? null : Number(value) }));

  const example = (column: number | null): string => {
    if (column === null) return '';
    const value = table.rows.slice(0, 20).find((row) => (row[column] ?? '').trim() !== '')?.[column] ?? '';
    return value.length > 40 ? `${value.slice(0, 39)}…` : value;
  };

  // Fields stay in the group they started in, so a field does not jump while it is changed.
  const guessed = IMPORT_FIELDS.filter((field) => stage.initial[field] !== null);
  const others = IMPORT_FIELDS.filter((field) => stage.initial[field] === null);
  const mappingRow = (field: ImportField) => (
    <MappingRow
      key={field}
      field={field}
      headers={table.headers}
      value={mapping[field]}
      example={example(mapping[field])}
      onChange={(value) => setField(field, value)}
    />
  );

  const start = () => {
    const ready = plan.rows.filter(
      (row): row is Extract<PlannedRow, { status: 'ready' }> => row.status === 'ready',
    );
    const skipped = plan.rows.filter((row): row is SkippedRow => row.status !== 'ready');
    onImport(ready, skipped);
  };

  return (
    <div className="import-preview">
      <p className="muted">
        <strong>{stage.fileName}</strong>: {formatCount(table.rows.length)}{' '}
        {table.rows.length === 1 ? 'row' : 'rows'}, fields separated by{' '}
        {DELIMITER_NAMES[table.delimiter] ?? `"${table.delimiter}"`}, read as{' '}
        {table.encoding === 'windows-1252'
          ? 'Windows-1252 (the file is not UTF-8: check accented letters below)'
          : table.encoding.toUpperCase()}
        .
        {table.longRows.length > 0 &&
          ` ${formatCount(table.longRows.length)} rows have more cells than the header; the extra cells are ignored.`}
      </p>

      <h3 id="mapping-title">Match the columns</h3>
      <p className="muted">
        Each Stillpoint field takes one column of your file. The matches below are guesses from the column
        names: check them.
      </p>
      <fieldset className="mapping-fields">
        <legend className="visually-hidden">The column of your file for each Stillpoint field</legend>
        <div className="mapping-grid">{guessed.map(mappingRow)}</div>
        {others.length > 0 && (
          <details className="mapping-more">
            <summary>Other Stillpoint fields ({others.length} without a matching column)</summary>
            <div className="mapping-grid">{others.map(mappingRow)}</div>
          </details>
        )}
      </fieldset>

      {usesDates && (
        <div className="date-format">
          <label htmlFor="import-date-format">Dates in this file are written</label>
          <select
            id="import-date-format"
            value={dateFormat}
            onChange={(event) => setChosenFormat(event.target.value as DateFormat)}
          >
            {DATE_FORMATS.map((format) => (
              <option key={format} value={format}>
                {DATE_FORMAT_LABELS[format]}
              </option>
            ))}
          </select>
          {dateGuess.ambiguous && chosenFormat === null ? (
            <p className="notice warning" role="status">
              Dates like 03/04/1980 could mean 3 April or March 4: choose whether the day or the month comes
              first.
            </p>
          ) : dateGuess.evidence.length > 0 ? (
            <span className="field-hint">Detected from dates such as {dateGuess.evidence.join(', ')}.</span>
          ) : null}
        </div>
      )}

      <h3 id="preview-title">Preview</h3>
      <p className="muted" aria-live="polite" data-testid="import-summary">
        {formatCount(plan.ready)} ready to import · {formatCount(plan.invalid)} with problems ·{' '}
        {formatCount(plan.duplicates)} already on record
      </p>
      {plan.invalid + plan.duplicates > 0 && (
        <details className="skipped-preview">
          <summary>Rows that will be skipped ({formatCount(plan.invalid + plan.duplicates)})</summary>
          <ul className="skipped-list">
            {skippedLines.slice(0, REPORT_LINES_SHOWN).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {skippedLines.length > REPORT_LINES_SHOWN && (
            <p className="muted">and {formatCount(skippedLines.length - REPORT_LINES_SHOWN)} more.</p>
          )}
        </details>
      )}
      <div className="table-scroll">
        <table className="data import-table" aria-labelledby="preview-title">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">First name</th>
              <th scope="col">Last name</th>
              <th scope="col">Date of birth</th>
              <th scope="col">Email</th>
              <th scope="col">Phone</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {plan.rows.slice(0, PREVIEW_ROWS).map((row) => {
              const values = row.status === 'invalid' ? row.values : row.input;
              return (
                <tr key={row.row} data-status={row.status}>
                  <td>{row.row}</td>
                  <td>{values.firstName}</td>
                  <td>{values.lastName}</td>
                  <td>{values.dateOfBirth ?? ''}</td>
                  <td>{values.email}</td>
                  <td>{values.phone}</td>
                  <td>
                    {row.status === 'ready'
                      ? 'Ready'
                      : row.problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!hasName && (
        <p className="notice warning" role="status">
          Choose the column with the last name (or the full name) to import.
        </p>
      )}
      <div className="button-row">
        <button type="button" className="primary" onClick={start} disabled={plan.ready === 0}>
          Import {formatCount(plan.ready)} {plan.ready === 1 ? 'client' : 'clients'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
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
  const id = `import-map-${field}`;
  return (
    <div className="mapping-row" data-mapped={value !== null}>
      <label htmlFor={id}>{IMPORT_FIELD_LABELS[field]}</label>
      <select
        id={id}
        value={value === null ? '' : String(value)}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">— not imported —</option>
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

function ImportReport({ stage }: { stage: Extract<Stage, { kind: 'done' }> }) {
  const lines = stage.skipped.flatMap(describeSkippedRow);
  const [saveStatus, setSaveStatus] = useState<string | null>(null);
  const saveReport = async () => {
    const rows = stage.skipped.flatMap((row) =>
      row.problems.map((problem) => [row.row, problem.field, problem.message]),
    );
    const text = UTF8_BOM + csvRecords([['row', 'field', 'reason'], ...rows]);
    const result = await platform().filesSaveAs({
      fileName: 'skipped rows.csv',
      kind: 'csv',
      contents: text,
    });
    if (!result.ok) setSaveStatus(result.error.message);
    else if (result.value.path) setSaveStatus(`Report saved to ${result.value.path}`);
  };
  return (
    <section className="import-report" aria-label="Import report">
      <p className={`notice ${stage.cancelled ? 'warning' : 'ok'}`} role="status">
        {stage.cancelled
          ? `Import cancelled: ${formatCount(stage.imported)} ${stage.imported === 1 ? 'client was' : 'clients were'} imported from ${stage.fileName}; ${formatCount(stage.notImported)} were not.`
          : `Imported ${formatCount(stage.imported)} ${stage.imported === 1 ? 'client' : 'clients'} from ${stage.fileName}.`}
        {stage.skipped.length > 0 &&
          ` ${formatCount(stage.skipped.length)} ${stage.skipped.length === 1 ? 'row was' : 'rows were'} skipped.`}
      </p>
      {stage.skipped.length > 0 && (
        <>
          <h3 id="skipped-title">Rows skipped</h3>
          <ul className="skipped-list" aria-labelledby="skipped-title">
            {lines.slice(0, REPORT_LINES_SHOWN).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {lines.length > REPORT_LINES_SHOWN && (
            <p className="muted">
              and {formatCount(lines.length - REPORT_LINES_SHOWN)} more: save the report to see them all.
            </p>
          )}
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
        </>
      )}
    </section>
  );
}
