import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { MessageKey } from '../../../src-shared/i18n';
import { formatTimestamp } from '../../app/format';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import type { TableName } from '../../db/table-names';
import { conflictFieldLabel } from './conflict-fields';
import { runningSyncEngine } from './practice-sync';
import type { SyncConflict } from './sync-conflicts';
import { syncView } from './sync-status';
import './sync.css';

const TABLE_WORDS: Record<string, MessageKey> = {
  clients: 'sync.conflicts.table.clients',
  healthHistories: 'sync.conflicts.table.healthHistories',
  sessions: 'sync.conflicts.table.sessions',
};

/**
 * "Sync conflicts": what CouchDB reported as changed on two computers while apart, how the
 * merge rules settled it, and what they set aside, until a person marks it seen. Reached from
 * the sidebar's sync status and from Settings → Practice sync.
 */
export function SyncConflictsPage() {
  const t = useT();
  const { conflicts, state } = syncView.use();
  return (
    <div className="page sync-conflicts">
      <h1>{t('sync.conflicts.title')}</h1>
      <p className="muted">{t('sync.conflicts.intro')}</p>
      {state.kind === 'off' && <p>{t('sync.conflicts.syncOff')}</p>}
      {conflicts.length === 0 ? (
        <p data-testid="no-sync-conflicts">{t('sync.conflicts.none')}</p>
      ) : (
        <ul className="sync-conflict-list" data-testid="sync-conflict-list">
          {conflicts.map((conflict) => (
            <ConflictItem key={conflict.id} conflict={conflict} />
          ))}
        </ul>
      )}
      <p>
        <a href="#/settings">{t('sync.conflicts.backToSettings')}</a>
      </p>
    </div>
  );
}

function ConflictItem({ conflict }: { conflict: SyncConflict }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const what = t(TABLE_WORDS[conflict.table] ?? 'sync.conflicts.table.other');
  const title = conflict.label ? t('sync.conflicts.itemOf', { what, name: conflict.label }) : what;
  const seen = async () => {
    const engine = runningSyncEngine();
    if (!engine) {
      setError(t('sync.conflicts.seenNeedsSync'));
      return;
    }
    await engine.markSeen(conflict.id);
  };
  return (
    <li className="sync-conflict" aria-label={title}>
      <h2>{title}</h2>
      <p className="muted">{t('sync.conflicts.foundAt', { at: formatTimestamp(conflict.foundAt) })}</p>
      {conflict.kind === 'signed-note' ? (
        <SignedNoteVersions conflict={conflict} />
      ) : (
        <LosingVersions conflict={conflict} />
      )}
      {error && <p role="alert">{error}</p>}
      <button type="button" onClick={() => void seen()} aria-label={t('sync.conflicts.seenLabel', { title })}>
        {t('sync.conflicts.seen')}
      </button>
    </li>
  );
}

/** A signed note kept as both versions: the two side by side, each opening as a note. */
function SignedNoteVersions({ conflict }: { conflict: SyncConflict }) {
  const t = useT();
  const notes = useLiveQuery(
    () =>
      Promise.all(
        [conflict.noteId, conflict.copyId].map((id) => (id ? repositories().sessions.get(id) : undefined)),
      ),
    [conflict.noteId, conflict.copyId],
  );
  return (
    <>
      <p>{t('sync.conflicts.signedNote')}</p>
      <div className="sync-conflict-versions">
        {[conflict.noteId, conflict.copyId].map((id, index) => {
          const note = notes?.[index];
          return (
            <section
              key={id ?? index}
              aria-label={t(index === 0 ? 'sync.conflicts.theNote' : 'sync.conflicts.theCopy')}
            >
              <h3>{t(index === 0 ? 'sync.conflicts.theNote' : 'sync.conflicts.theCopy')}</h3>
              {note ? (
                <>
                  <p>
                    {note.signedAt
                      ? t('sync.conflicts.signedByOn', {
                          by: note.signedBy ?? '',
                          at: formatTimestamp(note.signedAt),
                        })
                      : t('sync.conflicts.draft')}
                  </p>
                  {note.chiefComplaint && <p className="sync-conflict-excerpt">{note.chiefComplaint}</p>}
                  <a
                    href={`#/clients/${encodeURIComponent(note.clientId)}/sessions/${encodeURIComponent(note.id)}`}
                  >
                    {t('sync.conflicts.open')}
                  </a>
                </>
              ) : (
                <p className="muted">{t('sync.conflicts.noteGone')}</p>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}

type Row = Record<string, unknown>;

/** The newer version was kept: the fields where the version it replaced differs. */
function LosingVersions({ conflict }: { conflict: SyncConflict }) {
  const t = useT();
  const [versions, setVersions] = useState<{ kept: Row | null; losing: Row[] } | null>(null);
  useEffect(() => {
    let cancelled = false;
    const engine = runningSyncEngine();
    void (async () => {
      const [kept] = await repositories().restoreWriter.recordsByKey(conflict.table as TableName, [
        conflict.key,
      ]);
      const losing: Row[] = [];
      for (const rev of conflict.losingRevisions ?? []) {
        const record = engine && conflict.docId ? await engine.revisionRecord(conflict.docId, rev) : null;
        if (record) losing.push(record);
      }
      if (!cancelled) setVersions({ kept: kept ?? null, losing });
    })();
    return () => {
      cancelled = true;
    };
  }, [conflict]);
  if (!versions) return null;
  return (
    <>
      <p>{t('sync.conflicts.newerKept')}</p>
      {versions.losing.length === 0 && <p className="muted">{t('sync.conflicts.versionGone')}</p>}
      {versions.losing.map((losing, index) => (
        <table key={String(index)} className="sync-conflict-diff">
          <thead>
            <tr>
              <th scope="col">{t('sync.conflicts.field')}</th>
              <th scope="col">{t('sync.conflicts.kept')}</th>
              <th scope="col">{t('sync.conflicts.otherVersion')}</th>
            </tr>
          </thead>
          <tbody>
            {differingFields(versions.kept, losing).map((field) => (
              <tr key={field}>
                <th scope="row">{conflictFieldLabel(t, conflict.table, field)}</th>
                <td>{shown(versions.kept?.[field])}</td>
                <td>{shown(losing[field])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}

const HIDDEN_FIELDS = new Set(['id', 'updatedAt', 'createdAt', 'searchText']);

function differingFields(kept: Row | null, losing: Row): string[] {
  const fields = new Set([...Object.keys(kept ?? {}), ...Object.keys(losing)]);
  return [...fields]
    .filter((field) => !HIDDEN_FIELDS.has(field))
    .filter((field) => JSON.stringify(kept?.[field]) !== JSON.stringify(losing[field]))
    .sort();
}

function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
