import { searchWords } from '../../../src-shared/domain/text-search';
import type { ClientListItem } from '../../db/clients-repository';

/**
 * The client list's data, prepared once per load so that a keystroke only filters: both sort
 * orders are computed when the list loads (filtering keeps the order), and the query is folded
 * once per keystroke rather than once per client.
 */
export type SortOrder = 'last-visit' | 'name';

export interface ClientListModel {
  /** In name order (as loaded). */
  byName: readonly ClientListItem[];
  /** Most recent visit first; clients never seen last, by name. */
  byLastVisit: readonly ClientListItem[];
  /** Clients in the list, archived ones included. */
  size: number;
}

/** Orders by most recent visit first; clients never seen go last, by name. */
export function byLastVisit(a: ClientListItem, b: ClientListItem): number {
  if (a.lastVisitAt === b.lastVisitAt) return a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0;
  if (!a.lastVisitAt) return 1;
  if (!b.lastVisitAt) return -1;
  return a.lastVisitAt < b.lastVisitAt ? 1 : -1;
}

/** `items` in name order, as loadClientList reads them. */
export function buildClientListModel(items: readonly ClientListItem[]): ClientListModel {
  return { byName: items, byLastVisit: [...items].sort(byLastVisit), size: items.length };
}

/**
 * The clients to show: archived or not, and matching every word of the query the way
 * `matchesSearch` does (a word found at the start of, or anywhere inside, a name: both come down
 * to the folded word occurring in `searchText`, since a query word never holds a space).
 */
export function visibleClients(
  model: ClientListModel,
  options: { sort: SortOrder; archived: boolean; query: string },
): ClientListItem[] {
  const source = options.sort === 'name' ? model.byName : model.byLastVisit;
  const tokens = searchWords(options.query);
  const archived = options.archived;
  const out: ClientListItem[] = [];
  for (const client of source) {
    if (client.archived !== archived) continue;
    let all = true;
    for (const token of tokens) {
      if (!client.searchText.includes(token)) {
        all = false;
        break;
      }
    }
    if (all) out.push(client);
  }
  return out;
}
