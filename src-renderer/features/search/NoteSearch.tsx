import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Translate } from '../../../src-shared/i18n';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n';
import { routeToHash } from '../../app/router';
import { noteSearchEngine } from './engine';
import { noteFieldLabel } from './field-labels';
import type { IndexState, NoteSearchResult } from './note-search';
import './note-search.css';

function indexStatus(t: Translate, state: IndexState): string | null {
  if (state.kind === 'building') {
    return state.total > 0
      ? t('search.notes.preparingProgress', { done: state.done, total: state.total })
      : t('search.notes.preparing');
  }
  if (state.kind === 'failed') return t('search.notes.unavailable', { reason: state.message });
  return null;
}

/**
 * "Search all notes": finds words across every session note as they are typed (each word as the
 * start of a word in the note: "sacr rel" finds "sacrum release"), newest first, and links each
 * hit to its note. The index is prepared the first time the field is focused.
 */
export function NoteSearch() {
  const t = useT();
  const engine = noteSearchEngine();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<NoteSearchResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const state = useSyncExternalStore(
    (onChange) => engine.subscribe(onChange),
    () => engine.currentState,
  );
  const readyNotes = state.kind === 'ready' ? state.notes : null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: readyNotes: search again when the index becomes ready or is rebuilt
  useEffect(() => {
    if (query.trim() === '') {
      setResult(null);
      return;
    }
    let current = true;
    engine.search(query).then(
      (found) => {
        if (!current) return;
        setFailure(null);
        setResult(found);
      },
      (error: unknown) => {
        if (current) setFailure(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      current = false;
    };
  }, [engine, query, readyNotes]);

  const status = indexStatus(t, state);
  const shownQuery = query.trim() === '' ? '' : result?.query;

  return (
    <search className="note-search">
      <label htmlFor="note-search" className="visually-hidden">
        {t('search.notes.label')}
      </label>
      <input
        id="note-search"
        type="search"
        placeholder={t('search.notes.placeholder')}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onFocus={() => void engine.prepare()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setQuery('');
        }}
      />
      {/* data-shown-query: the query these results are for (they lag the field while searching). */}
      <div
        className="card note-search-results"
        data-shown-query={shownQuery}
        hidden={query.trim() === ''}
        aria-busy={result !== null && result.query !== query}
      >
        <p className="muted note-search-summary" aria-live="polite">
          {failure
            ? t('search.notes.failed', { reason: failure })
            : result === null
              ? t('search.notes.searching')
              : result.words.length === 0
                ? t('search.notes.tooShort')
                : result.total > result.hits.length
                  ? t('search.notes.foundSome', { total: result.total, shown: result.hits.length })
                  : t('search.notes.found', { total: result.total })}
          {status && ` ${status}`}
        </p>
        {result && result.hits.length > 0 && (
          <ol className="note-search-hits" aria-label={t('search.notes.hits')}>
            {result.hits.map((hit) => (
              <li key={hit.noteId}>
                <a href={routeToHash({ name: 'session', clientId: hit.clientId, sessionId: hit.noteId })}>
                  <span className="ns-head">
                    <span className="ns-client">{hit.clientName}</span>
                    <span className="ns-date">
                      {hit.serviceDate ? formatDate(hit.serviceDate) : t('search.notes.noDate')}
                      {hit.sessionNumber !== null &&
                        ` · ${t('search.notes.session', { number: hit.sessionNumber })}`}
                      {hit.status !== 'signed' && ` · ${t('search.notes.draft')}`}
                    </span>
                  </span>
                  <span className="ns-snippet">
                    {hit.field && (
                      <span className="ns-field">
                        {t('search.notes.field', { field: noteFieldLabel(t, hit.field) })}{' '}
                      </span>
                    )}
                    {hit.snippet.before}
                    {hit.snippet.match && <mark>{hit.snippet.match}</mark>}
                    {hit.snippet.after}
                  </span>
                </a>
              </li>
            ))}
          </ol>
        )}
      </div>
    </search>
  );
}
