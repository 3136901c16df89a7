import { isSigned, type SessionDraft } from '../../../src-shared/domain/session-note';
import type { AutosaveJournal } from './useAutosave';

/**
 * The last keystrokes of a draft, kept where they survive the page going away.
 *
 * The draft saves itself to IndexedDB a moment after typing stops. A reload, a closed window or
 * a crashed page inside that moment would lose what was typed last: an IndexedDB write started
 * while the page unloads is not guaranteed to finish. So every change is also written at once,
 * synchronously, to localStorage (one entry per draft, the whole draft), and removed again as
 * soon as the draft is saved. At the next start, before anything reads a note,
 * `replayDraftJournal` saves what an entry holds into the draft and removes the entry.
 *
 * An entry is used only if nothing was saved to that note after it was written (a later save
 * already holds the same text or newer), the note still exists and is still a draft; any other
 * entry is dropped. localStorage sits in the same profile folder as the database, under the same
 * protection; an entry normally lives for less than a second.
 */

const KEY_PREFIX = 'stillpoint.draft-journal.';

export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

interface JournalEntry {
  /** When the change was typed (ms since the epoch, the page's clock). */
  writtenAt: number;
  draft: unknown;
}

/** localStorage where there is one (not in Node, nor where the browser refuses it). */
function pageStorage(): JournalStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The journal the note editor gives its autosave. */
export function draftJournal(
  storage: JournalStorage | null = pageStorage(),
  now: () => number = Date.now,
): AutosaveJournal<SessionDraft> {
  return {
    write(draft) {
      if (!storage) return;
      const entry: JournalEntry = { writtenAt: now(), draft };
      try {
        storage.setItem(KEY_PREFIX + draft.id, JSON.stringify(entry));
      } catch {
        // Storage full or refused: the autosave still saves a moment later, as before.
      }
    },
    clear(draft) {
      try {
        storage?.removeItem(KEY_PREFIX + draft.id);
      } catch {
        // Nothing to do: a left-over entry is checked against the database at the next start.
      }
    },
  };
}

export interface JournalNotes {
  get(noteId: string): Promise<SessionDraft | undefined>;
  saveDraft(note: unknown): Promise<SessionDraft>;
}

export type ReplayOutcome = { replayed: string[]; dropped: string[] };

function parseEntry(text: string | null): JournalEntry | null {
  if (text === null) return null;
  try {
    const entry = JSON.parse(text) as Partial<JournalEntry> | null;
    if (!entry || typeof entry.writtenAt !== 'number' || typeof entry.draft !== 'object') return null;
    return { writtenAt: entry.writtenAt, draft: entry.draft };
  } catch {
    return null;
  }
}

/**
 * At start: saves each journal entry into its draft when nothing newer was saved there, and
 * removes every entry. Returns the note ids it saved and those it dropped.
 */
export async function replayDraftJournal(
  notes: JournalNotes,
  storage: JournalStorage | null = pageStorage(),
): Promise<ReplayOutcome> {
  const outcome: ReplayOutcome = { replayed: [], dropped: [] };
  if (!storage) return outcome;
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(KEY_PREFIX)) keys.push(key);
  }
  for (const key of keys) {
    const noteId = key.slice(KEY_PREFIX.length);
    const entry = parseEntry(storage.getItem(key));
    let saved = false;
    try {
      const stored = entry ? await notes.get(noteId) : undefined;
      const draftId = (entry?.draft as { id?: unknown } | null)?.id;
      if (
        entry &&
        stored &&
        !isSigned(stored) &&
        draftId === noteId &&
        Date.parse(stored.updatedAt) <= entry.writtenAt
      ) {
        await notes.saveDraft(entry.draft);
        saved = true;
      }
    } catch {
      // Not a valid draft, or it could not be saved: the note stays as it was saved last.
    }
    storage.removeItem(key);
    (saved ? outcome.replayed : outcome.dropped).push(noteId);
  }
  return outcome;
}
