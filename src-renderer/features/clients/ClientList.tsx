import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { clientDisplayName } from '../../../src-shared/domain/client';
import { ageInYears, localToday } from '../../../src-shared/domain/dates';
import { matchesSearch } from '../../../src-shared/domain/text-search';
import { formatDate } from '../../app/format';
import { navigate } from '../../app/router';
import { type ClientListItem, loadClientList } from '../../db/clients-repository';
import { database } from '../../db/database';
import { BackupReminder } from '../backup/BackupReminder';
import { NoteSearch } from '../search/NoteSearch';

type SortOrder = 'last-visit' | 'name';

/** Orders by most recent visit first; clients never seen go last, by name. */
function byLastVisit(a: ClientListItem, b: ClientListItem): number {
  if (a.lastVisitAt === b.lastVisitAt) return a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0;
  if (!a.lastVisitAt) return 1;
  if (!b.lastVisitAt) return -1;
  return a.lastVisitAt < b.lastVisitAt ? 1 : -1;
}

const ROW_HEIGHT = 56;

export function ClientList() {
  const clients = useLiveQuery(() => loadClientList(database()), []);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortOrder>('last-visit');
  const [showArchived, setShowArchived] = useState(false);
  // Typing stays instant; filtering 10,000 names follows at lower priority.
  const deferredQuery = useDeferredValue(query);

  const visible = useMemo(() => {
    if (!clients) return [];
    const filtered = clients.filter(
      (c) => (showArchived ? c.archived : !c.archived) && matchesSearch(c.searchText, deferredQuery),
    );
    return sort === 'name' ? filtered : [...filtered].sort(byLastVisit);
  }, [clients, deferredQuery, sort, showArchived]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const today = localToday();

  const openFirst = () => {
    const first = visible[0];
    if (first) navigate({ name: 'client', clientId: first.id });
  };

  return (
    <section className="page client-list-page" aria-labelledby="clients-title">
      <header className="page-header">
        <div>
          <h1 id="clients-title">Clients</h1>
          <p className="subtitle" aria-live="polite">
            {clients === undefined
              ? 'Loading…'
              : `${visible.length.toLocaleString()} ${showArchived ? 'archived ' : ''}client${visible.length === 1 ? '' : 's'}${deferredQuery ? ' found' : ''}`}
          </p>
        </div>
        <button type="button" className="primary" onClick={() => navigate({ name: 'new-client' })}>
          New client
        </button>
      </header>
      <BackupReminder />

      <search className="toolbar">
        <label htmlFor="client-search" className="visually-hidden">
          Search clients
        </label>
        <input
          id="client-search"
          type="search"
          placeholder="Search clients"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') openFirst();
          }}
        />
        <label className="inline-select">
          Sort by{' '}
          <select value={sort} onChange={(e) => setSort(e.target.value as SortOrder)}>
            <option value="last-visit">Last visit</option>
            <option value="name">Name</option>
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
          Archived
        </label>
      </search>

      <NoteSearch />

      {/* data-shown-query: the search the list is showing (lags the field while filtering). */}
      <div className="card list-card" data-shown-query={clients === undefined ? undefined : deferredQuery}>
        {clients !== undefined && visible.length === 0 ? (
          <div className="empty-state">
            {clients.length === 0 ? (
              <>
                <p>No clients yet.</p>
                <p className="muted">Add your first client to start writing session notes.</p>
              </>
            ) : (
              <p>No client matches “{deferredQuery}”.</p>
            )}
          </div>
        ) : (
          <div ref={scrollRef} className="virtual-scroll">
            <ul
              className="virtual-list"
              aria-label="Client list"
              style={{ height: virtualizer.getTotalSize() }}
            >
              {virtualizer.getVirtualItems().map((row) => {
                const client = visible[row.index]!;
                return (
                  <li
                    key={client.id}
                    className="client-row"
                    style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
                  >
                    <a href={`#/clients/${encodeURIComponent(client.id)}`} className="client-row-link">
                      <span className="client-name">{clientDisplayName(client)}</span>
                      <span className="client-meta">
                        {client.dateOfBirth
                          ? `${formatDate(client.dateOfBirth)} · ${ageInYears(client.dateOfBirth, today)} y`
                          : 'Date of birth not recorded'}
                      </span>
                      <span className="client-visit">
                        {client.lastVisitAt
                          ? `Last visit ${formatDate(client.lastVisitAt)}`
                          : 'No sessions yet'}
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
