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

  /** What the index was built from, or null when there is none. */
  async readMeta(): Promise<NoteIndexMeta | null> {
    return (await this.meta.get('meta')) ?? null;
  }

  /** Many notes changed at once: the next start rebuilds the index even if this run does not. */
  async markDirty(): Promise<void> {
    await this.meta.update('meta', { dirty: true });
  }

  /** Every indexed term, sorted. */
  async sortedTerms(): Promise<string[]> {
    return (await this.terms.orderBy('term').primaryKeys()) as string[];
  }

  termRows(terms: readonly string[]): Promise<(TermRow | undefined)[]> {
    return this.terms.bulkGet([...terms]);
  }

  docRows(chunks: readonly number[]): Promise<(DocChunkRow | undefined)[]> {
    return this.docs.bulkGet([...chunks]);
  }

  /**
   * Replaces the whole index in one transaction: a reader sees the old index or the new one,
   * never half of each. `finish` completes the meta row just before it is written (the build's
   * time includes the writing).
   */
  async replaceIndex(
    terms: readonly TermRow[],
    docs: readonly DocChunkRow[],
    meta: NoteIndexMeta,
    finish: (meta: NoteIndexMeta) => void = () => {},
  ): Promise<void> {
    await this.transaction('rw', this.terms, this.docs, this.meta, async () => {
      await this.meta.clear();
      await this.terms.clear();
      await this.docs.clear();
      await this.terms.bulkPut([...terms]);
      await this.docs.bulkPut([...docs]);
      finish(meta);
      await this.meta.put(meta);
    });
  }
}
