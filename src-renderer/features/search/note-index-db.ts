import Dexie, { type EntityTable } from 'dexie';

/**
 * The full-text index of session notes, in an IndexedDB database of its own. It is derived
 * data, like a cache: never backed up, rebuilt from the notes whenever it is missing, of an
 * older format or no longer matches the notes. The records stay in `stillpoint`.
 *
 * - terms: one row per indexed word with its posting list (note numbers, newest note first).
 * - docs: note ids in that order, DOC_CHUNK per row, so a query loads only the ids it shows.
 * - meta: one row saying what the index was built from.
 */
export const NOTE_INDEX_DATABASE = 'stillpoint-note-index';

/** Bumped whenever what is indexed or how changes: an index of another format is rebuilt. */
export const NOTE_INDEX_FORMAT = 2;

export const DOC_CHUNK = 4_096;

export interface TermRow {
  term: string;
  /** Number of notes containing the term. */
  count: number;
  postings: Uint8Array;
}

export interface DocChunkRow {
  chunk: number;
  ids: string[];
}

export interface NoteIndexMeta {
  key: 'meta';
  format: number;
  /** Notes in the index. */
  noteCount: number;
  /** The latest updatedAt among indexed notes: notes changed after it are searched directly. */
  watermark: string;
  /** The first and last few note ids in key order: a restore of other records changes them. */
  fingerprint: string[];
  /** Set when many notes changed at once (a restore, an import): rebuild at the next start. */
  dirty?: boolean;
  builtAt: string;
  buildMs: number;
  terms: number;
  /** Size of all posting lists. */
  postingsBytes: number;
}

export class NoteIndexDatabase extends Dexie {
  terms!: EntityTable<TermRow, 'term'>;
  docs!: EntityTable<DocChunkRow, 'chunk'>;
  meta!: EntityTable<NoteIndexMeta, 'key'>;

  constructor(name: string = NOTE_INDEX_DATABASE) {
    super(name);
    this.version(1).stores({ terms: 'term', docs: 'chunk', meta: 'key' });
  }
}
