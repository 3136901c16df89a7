import { useLiveQuery } from 'dexie-react-hooks';
import type { SessionDraft } from '../../../src-shared/domain/session-note';
import { repositories } from '../../app/repositories';

/** Every unsigned draft across clients, oldest first, kept live (a few rows: the status index). */
export function useDrafts(): SessionDraft[] | undefined {
  return useLiveQuery(() => repositories().sessions.listDrafts(), []);
}

/** How many unsigned drafts a client has, kept live. */
export function useClientDraftCount(clientId: string): number | undefined {
  return useLiveQuery(() => repositories().sessions.countDraftsForClient(clientId), [clientId]);
}

/** How many unsigned drafts there are across clients, kept live (the sidebar's count). */
export function useDraftTotal(): number | undefined {
  return useLiveQuery(() => repositories().sessions.countDrafts(), []);
}
