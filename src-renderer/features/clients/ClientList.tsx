import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { clientDisplayName } from '../../../src-shared/domain/client';
import { ageInYears, localToday } from '../../../src-shared/domain/dates';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { navigate } from '../../app/router';
import { draftCountsByClient, draftsToSignText, visitSummaryText } from '../attention/attention-text';
import { DraftBadge, SeverityMark } from '../attention/SeverityMark';
import { useDrafts } from '../attention/useDrafts';
import { useSafetyMarks } from '../attention/useSafetyMarks';
import { BackupReminder } from '../backup/BackupReminder';
import { FollowUpToday } from '../outcomes/FollowUpToday';
import { NoteSearch } from '../search/NoteSearch';
import { SampleNotice, SampleTag, useSampleClientIds } from '../welcome/SampleNotice';
import { buildClientListModel, byLastVisit, type SortOrder, visibleClients } from './client-list-model';

const ROW_HEIGHT = 56;
/** Rows shown from the lastVisitAt index while the whole list loads: more than a screenful. */
const FIRST_SCREEN = 40;

/** "12 clients", "1 archived client found": the list's subtitle. */
function countKey(archived: boolean, searching: boolean) {
  if (archived) return searching ? 'clients.list.countArchivedFound' : 'clients.list.countArchived';
  return searching ? 'clients.list.countFound' : 'clients.list.count';
}

export function ClientList() {
  const t = useT();
  // First the first screen in the default order (a millisecond from the lastVisitAt index); once
  // it is painted, the whole list, prepared for filtering (both orders sorted once per load).
  const [loadAll, setLoadAll] = useState(false);
  const model = useLiveQuery(
    async () => (loadAll ? buildClientListModel(await repositories().clients.listAll()) : undefined),
    [loadAll],
  );
  const recent = useLiveQuery(
    async () => (model === undefined ? repositories().clients.listRecent(FIRST_SCREEN) : null),
    [model === undefined],
  );
  useEffect(() => {
    if (loadAll || recent === undefined) return;
    if (recent === null || recent.length === 0) {
      setLoadAll(true);
      return;
    }
    let timer: number | undefined;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setLoadAll(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [loadAll, recent]);
  // What needs attention: each client's worst safety finding (one pass over the histories, in a
  // worker, once the whole list is in) and unsigned drafts (a few rows from the status index).
  const marks = useSafetyMarks(model?.byName);
  const drafts = useDrafts();
  const draftCounts = useMemo(() => draftCountsByClient(drafts ?? []), [drafts]);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortOrder>('last-visit');
  const [showArchived, setShowArchived] = useState(false);

  // A keystroke filters the prepared list: a few milliseconds for 10,000 clients.
  const visible = useMemo(() => {
    if (model) return visibleClients(model, { sort, archived: showArchived, query });
    if (recent && sort === 'last-visit' && !showArchived && query.trim() === '') {
      return recent.filter((client) => !client.archived).sort(byLastVisit);
    }
    return [];
  }, [model, recent, query, sort, showArchived]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const today = localToday();
  const sampleIds = useSampleClientIds();

  const openFirst = () => {
    const first = visible[0];
    if (first) navigate({ name: 'client', clientId: first.id });
  };

  return (
    <section className="page client-list-page" aria-labelledby="clients-title">
      <header className="page-header">
        <div>
          <h1 id="clients-title">{t('clients.list.title')}</h1>
          <p className="subtitle" aria-live="polite">
            {model === undefined
              ? t('clients.list.loading')
              : t(countKey(showArchived, query.trim() !== ''), { count: visible.length })}
          </p>
        </div>
        <button type="button" className="primary" onClick={() => navigate({ name: 'new-client' })}>
          {t('clients.list.newClient')}
        </button>
      </header>
      <BackupReminder />
      <SampleNotice />
      <FollowUpToday />

      <search className="toolbar">
        <label htmlFor="client-search" className="visually-hidden">
          {t('clients.list.search')}
        </label>
        <input
          id="client-search"
          type="search"
          placeholder={t('clients.list.search')}
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setLoadAll(true);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') openFirst();
          }}
        />
        <label className="inline-select">
          {t('clients.list.sortBy')}{' '}
          <select value={sort} onChange={(e) => setSort(e.target.value as SortOrder)}>
            <option value="last-visit">{t('clients.list.lastVisit')}</option>
            <option value="name">{t('clients.list.name')}</option>
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
          {t('clients.list.archived')}
        </label>
      </search>

      <NoteSearch />

      {/* data-shown-query: the search the list is showing (set once the whole list is in). */}
      <div className="card list-card" data-shown-query={model === undefined ? undefined : query}>
        {model !== undefined && visible.length === 0 ? (
          <div className="empty-state">
            {model.size === 0 ? (
              <>
                <p>{t('clients.list.noClients')}</p>
                <p className="muted">{t('clients.list.addFirst')}</p>
              </>
            ) : (
              <p>{t('clients.list.noMatch', { query })}</p>
            )}
          </div>
        ) : (
          <div ref={scrollRef} className="virtual-scroll">
            <ul
              className="virtual-list"
              aria-label={t('clients.list.listLabel')}
              style={{ height: virtualizer.getTotalSize() }}
            >
              {virtualizer.getVirtualItems().map((row) => {
                const client = visible[row.index]!;
                const severity = marks?.get(client.id);
                const draftCount = draftCounts.get(client.id) ?? 0;
                return (
                  <li
                    key={client.id}
                    className="client-row"
                    style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
                  >
                    <a href={`#/clients/${encodeURIComponent(client.id)}`} className="client-row-link">
                      <span className="client-name-cell">
                        <span className="client-name">{clientDisplayName(client)}</span>
                        {sampleIds.has(client.id) && <SampleTag />}
                        {(severity || draftCount > 0) && (
                          <span className="client-attention">
                            {severity && <SeverityMark severity={severity} />}
                            {draftCount > 0 && <DraftBadge text={draftsToSignText(draftCount, t)} />}
                          </span>
                        )}
                      </span>
                      <span className="client-meta">
                        {client.dateOfBirth
                          ? t('clients.list.birthAndAge', {
                              date: formatDate(client.dateOfBirth),
                              age: ageInYears(client.dateOfBirth, today),
                            })
                          : t('clients.list.dobNotRecorded')}
                      </span>
                      <span className={draftCount > 0 ? 'client-visit has-drafts' : 'client-visit'}>
                        {visitSummaryText(client.lastVisitAt, draftCount, formatDate, t)}
                      </span>
                      <span className="client-tags">
                        {client.tags.slice(0, 3).map((tag) => (
                          <span key={tag} className="tag">
                            {tag}
                          </span>
                        ))}
                      </span>
                    </a>
                  </li>
                );
              })}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
