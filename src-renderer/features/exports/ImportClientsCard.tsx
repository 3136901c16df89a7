import { useRef, useState } from 'react';
import { localToday } from '../../../src-shared/domain/dates';
import { guessMapping } from '../../../src-shared/exports/import-mapping';
import type { ReadyRow, SkippedRow } from '../../../src-shared/exports/import-plan';
import { ImportFileError } from '../../../src-shared/exports/import-table';
import { translate, useT } from '../../app/i18n';
import { platform } from '../../platform';
import { ImportPreview, type LoadedFile } from './ImportPreview';
import { ImportReport } from './ImportReport';
import { existingClientKeys, type ImportProgress, importClients } from './import-clients';
import { formatCount, ProgressRow } from './ProgressRow';
import { readTableInSteps } from './plan-in-chunks';
import './exports.css';

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string; rowsRead: number }
  | { kind: 'loaded'; loaded: LoadedFile }
  | { kind: 'importing'; fileName: string; progress: ImportProgress }
  | {
      kind: 'done';
      fileName: string;
      imported: number;
      notImported: number;
      cancelled: boolean;
      skipped: SkippedRow[];
      /** Imported rows with a field left empty or a name to check. */
      noticed: ReadyRow[];
    };

function readError(caught: unknown): string {
  return caught instanceof ImportFileError
    ? translate(caught.key, caught.values)
    : translate('exports.import.unreadable', {
        reason: caught instanceof Error ? caught.message : String(caught),
      });
}

/** "Import clients": a CSV from another tool, a column mapping with a preview, then a report. */
export function ImportClientsCard() {
  const t = useT();
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
      const { bytes, fileName } = result.value;
      setStage({ kind: 'reading', fileName, rowsRead: 0 });
      const table = await readTableInSteps(
        bytes,
        {},
        {
          onProgress: (rowsRead) => setStage({ kind: 'reading', fileName, rowsRead }),
        },
      );
      const existing = await existingClientKeys();
      setStage({
        kind: 'loaded',
        loaded: { fileName, bytes, table, existing, initial: guessMapping(table.headers) },
      });
    } catch (caught) {
      setStage({ kind: 'idle' });
      setError(readError(caught));
    } finally {
      setChoosing(false);
    }
  };

  /** Reads the same bytes again as the user chose (UTF-8, or Windows-1252 for an older file). */
  const rereadAs = async (loaded: LoadedFile, encoding: 'utf-8' | 'windows-1252') => {
    setError(null);
    const { fileName } = loaded;
    setStage({ kind: 'reading', fileName, rowsRead: 0 });
    try {
      const table = await readTableInSteps(loaded.bytes, encoding === 'windows-1252' ? { encoding } : {}, {
        onProgress: (rowsRead) => setStage({ kind: 'reading', fileName, rowsRead }),
      });
      setStage({ kind: 'loaded', loaded: { ...loaded, table, initial: guessMapping(table.headers) } });
    } catch (caught) {
      setStage({ kind: 'idle' });
      setError(readError(caught));
    }
  };

  const startImport = async (loaded: LoadedFile, ready: ReadyRow[], skipped: SkippedRow[]) => {
    const controller = new AbortController();
    running.current = controller;
    const { fileName } = loaded;
    setStage({ kind: 'importing', fileName, progress: { imported: 0, total: ready.length } });
    try {
      const result = await importClients(ready, {
        signal: controller.signal,
        source: { fileName, today: localToday() },
        onProgress: (progress) => setStage({ kind: 'importing', fileName, progress }),
      });
      const imported = new Set(ready.slice(0, result.imported).map((row) => row.row));
      setStage({
        kind: 'done',
        fileName,
        imported: result.imported,
        notImported: ready.length - result.imported,
        cancelled: result.cancelled,
        skipped,
        noticed: ready.filter((row) => row.notices.length > 0 && imported.has(row.row)),
      });
    } catch (caught) {
      setStage({ kind: 'idle' });
      setError(
        t('exports.import.stopped', { reason: caught instanceof Error ? caught.message : String(caught) }),
      );
    } finally {
      running.current = null;
    }
  };

  return (
    <section className="card import-card" aria-labelledby="import-title">
      <div className="card-header">
        <h2 id="import-title">{t('exports.import.title')}</h2>
        {(stage.kind === 'idle' || stage.kind === 'done') && (
          <button type="button" onClick={chooseFile} disabled={choosing}>
            {t('exports.import.chooseFile')}
          </button>
        )}
      </div>
      {stage.kind === 'idle' && <p className="muted">{t('exports.import.intro')}</p>}
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {stage.kind === 'reading' && (
        <p className="muted" role="status">
          {t('exports.import.reading', { fileName: stage.fileName, count: stage.rowsRead })}
        </p>
      )}
      {stage.kind === 'loaded' && (
        <ImportPreview
          key={`${stage.loaded.fileName}|${stage.loaded.table.encoding}`}
          loaded={stage.loaded}
          onEncoding={(encoding) => void rereadAs(stage.loaded, encoding)}
          onCancel={() => setStage({ kind: 'idle' })}
          onImport={(ready, skipped) => void startImport(stage.loaded, ready, skipped)}
        />
      )}
      {stage.kind === 'importing' && (
        <ImportRunning stage={stage} onCancel={() => running.current?.abort()} />
      )}
      {stage.kind === 'done' && <ImportReport result={stage} />}
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
  const t = useT();
  const [cancelling, setCancelling] = useState(false);
  return (
    <ProgressRow
      label={t('exports.import.importing', { fileName: stage.fileName })}
      value={stage.progress.imported}
      max={stage.progress.total}
      counts={t('exports.import.importingCount', {
        done: formatCount(stage.progress.imported),
        total: formatCount(stage.progress.total),
      })}
      onCancel={() => {
        setCancelling(true);
        onCancel();
      }}
      cancelling={cancelling}
    />
  );
}
