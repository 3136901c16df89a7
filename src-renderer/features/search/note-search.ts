import { clientDisplayName } from '../../../src-shared/domain/client';
import { foldForSearch } from '../../../src-shared/domain/text-search';
import {
  DOC_CHUNK,
  NOTE_INDEX_FORMAT,
  type NoteIndexDatabase,
  type NoteIndexMeta,
} from '../../db/note-index-db';
import type { NoteSource } from '../../db/note-source';
import { buildNoteIndex, notesFingerprint } from './build-note-index';
import {
  compareNewestFirst,
  type NoteField,
  noteFields,
  noteTerms,
  queryWords,
  type SearchableNote,
  termsMatch,
} from './note-text';
import { NoteSet } from './postings';

/**
 * Full-text search across every session note.
 *
 * The index (built in a worker, kept in its own IndexedDB database) answers which notes contain
 * words starting with each query word; notes changed since it was built are read directly
 * through the `updatedAt` index and checked as they are, and every hit shown is re-checked
 * against the note as stored. So results are always current, and the index is only ever a
 * shortcut. An index of another format, or of other records (a restore), is rebuilt in the
 * background; so is one that more than REBUILD_AFTER changed notes have outgrown.
 */

export type IndexState =
  | { kind: 'unknown' }
  | { kind: 'building'; done: number; total: number }
  | { kind: 'ready'; notes: number }
  | { kind: 'failed'; message: string };

export interface NoteHit {
  noteId: string;
  clientId: string;
  clientName: string;
  serviceDate: string;
  sessionNumber: number | null;
  status: string;
  /** The part of the note the snippet is from, named on screen in the app's language. */
  field: NoteFieldRef | null;
  snippet: { before: string; match: string; after: string };
}

export interface NoteSearchResult {
  query: string;
  /** The words searched for (empty: nothing to search yet). */
  words: string[];
  /** Notes that match (from the index, plus changed notes). */
  total: number;
  hits: NoteHit[];
  ms: number;
}

/** Runs a build and reports on it: the worker in the app, in-process in tests. */
export type IndexBuilder = (onProgress: (done: number, total: number) => void) => Promise<void>;

/** Changed notes searched directly before the index is rebuilt. */
const REBUILD_AFTER = 2_000;
/** Posting lists kept in memory, in bytes: the common words of a practice stay warm. */
const POSTINGS_CACHE_BYTES = 8 * 1024 * 1024;

type Row = SearchableNote & Record<string, unknown>;

export class NoteSearchEngine {
  private meta: NoteIndexMeta | null = null;
  /** Every indexed term, sorted: prefix ranges by binary search. */
  private dictionary: string[] = [];
  private readonly postings = new Map<string, Uint8Array>();
  private postingsBytes = 0;
  private readonly docChunks = new Map<number, string[]>();
  private preparing: Promise<void> | null = null;
  private building: Promise<void> | null = null;
  private state: IndexState = { kind: 'unknown' };
  private readonly listeners = new Set<(state: IndexState) => void>();

  constructor(
    private readonly source: NoteSource,
    private readonly index: NoteIndexDatabase,
    private readonly builder: IndexBuilder = (onProgress) =>
      buildNoteIndex(source, index, { onProgress: (p) => onProgress(p.done, p.total) }).then(() => undefined),
  ) {}

  get currentState(): IndexState {
    return this.state;
  }

  subscribe(listener: (state: IndexState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setState(state: IndexState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }

  /**
   * Loads the index, or starts building it when it is missing, of another format or of other
   * notes. Cheap after the first call; call it again after a restore.
   */
  prepare(options: { recheck?: boolean } = {}): Promise<void> {
    if (options.recheck) this.preparing = null;
    this.preparing ??= this.load().catch((error: unknown) => {
      this.preparing = null;
      this.setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    });
    return this.preparing;
  }

  private async load(): Promise<void> {
    const meta = await this.index.readMeta();
    if (!meta || meta.format !== NOTE_INDEX_FORMAT) {
      await this.adoptIndex(null);
      void this.rebuild();
      return;
    }
    const [fingerprint, changed] = await Promise.all([
      notesFingerprint(this.source),
      this.source.countNotesChangedSince(meta.watermark),
    ]);
    await this.adoptIndex(meta);
    // Other records (a restore), a bulk change seen earlier, or many changes since.
    if (meta.dirty || fingerprint.join() !== meta.fingerprint.join() || changed > REBUILD_AFTER) {
      void this.rebuild();
    }
  }

  /**
   * Many notes written or deleted at once (a restore, an import, a client deleted with their
   * notes): the index is rebuilt in the background, and marked so a restart rebuilds it if the
   * app closes first. Small changes (a note saved) need nothing: they are read directly.
   */
  async notesChangedInBulk(): Promise<void> {
    await this.index.markDirty().catch(() => undefined);
    await this.prepare();
    await this.rebuild();
  }

  private async adoptIndex(meta: NoteIndexMeta | null): Promise<void> {
    this.meta = meta;
    this.postings.clear();
    this.postingsBytes = 0;
    this.docChunks.clear();
    this.dictionary = meta ? await this.index.sortedTerms() : [];
    if (meta) this.setState({ kind: 'ready', notes: meta.noteCount });
  }

  /** Builds the index again in the background; searches go on with the old one meanwhile. */
  rebuild(): Promise<void> {
    this.building ??= (async () => {
      this.setState({ kind: 'building', done: 0, total: 0 });
      try {
        await this.builder((done, total) => this.setState({ kind: 'building', done, total }));
        await this.adoptIndex(await this.index.readMeta());
      } catch (error) {
        this.setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      } finally {
        this.building = null;
      }
    })();
    return this.building;
  }

  /** The indexed terms that start with `prefix`. */
  private termsStartingWith(prefix: string): string[] {
    const dictionary = this.dictionary;
    let lo = 0;
    let hi = dictionary.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (dictionary[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < dictionary.length && dictionary[i]!.startsWith(prefix); i++)
      out.push(dictionary[i]!);
    return out;
  }

  private async postingsOf(terms: string[]): Promise<Uint8Array[]> {
    const missing = terms.filter((term) => !this.postings.has(term));
    if (missing.length > 0) {
      const rows = await this.index.termRows(missing);
      for (const row of rows) {
        if (!row) continue;
        this.postings.set(row.term, row.postings);
        this.postingsBytes += row.postings.byteLength;
      }
    }
    const out = terms.map((term) => this.postings.get(term)).filter((p): p is Uint8Array => p !== undefined);
    // Least recently used first in a Map's order: refresh these, drop the oldest over budget.
    for (const term of terms) {
      const bytes = this.postings.get(term);
      if (bytes) {
        this.postings.delete(term);
        this.postings.set(term, bytes);
      }
    }
    for (const [term, bytes] of this.postings) {
      if (this.postingsBytes <= POSTINGS_CACHE_BYTES) break;
      this.postings.delete(term);
      this.postingsBytes -= bytes.byteLength;
    }
    return out;
  }

  private async idsOf(numbers: number[]): Promise<string[]> {
    const chunks = [...new Set(numbers.map((n) => Math.floor(n / DOC_CHUNK)))].filter(
      (chunk) => !this.docChunks.has(chunk),
    );
    if (chunks.length > 0) {
      const rows = await this.index.docRows(chunks);
      for (const row of rows) if (row) this.docChunks.set(row.chunk, row.ids);
    }
    return numbers.map((n) => this.docChunks.get(Math.floor(n / DOC_CHUNK))?.[n % DOC_CHUNK] ?? '');
  }

  /** Notes in the index matching every word, as a set of note numbers (null: the index cannot say). */
  private async indexMatches(words: string[]): Promise<NoteSet | null> {
    const meta = this.meta;
    if (!meta) return null;
    let result: NoteSet | null = null;
    for (const word of words) {
      const terms = this.termsStartingWith(word);
      const set = new NoteSet(meta.noteCount);
      for (const postings of await this.postingsOf(terms)) set.addPostings(postings);
      if (result) result.intersect(set);
      else result = set;
    }
    return result;
  }

  /**
   * The notes matching every word of `query` (each word as the start of a word in the note),
   * newest first, at most `limit`.
   */
  async search(query: string, limit = 50): Promise<NoteSearchResult> {
    const started = performance.now();
    await this.prepare();
    const words = this.usableWords(query);
    if (words.length === 0) return { query, words, total: 0, hits: [], ms: performance.now() - started };

    const meta = this.meta;
    const watermark = meta?.watermark ?? '';
    const [matches, changedRows] = await Promise.all([
      this.indexMatches(words),
      // Without an index (first build running) every note is "changed": too many to read, so
      // only what the index knows is searched until it is ready.
      meta ? (this.source.notesChangedSince(watermark) as Promise<Row[]>) : [],
    ]);
    const changed = changedRows.filter((note) => termsMatch(noteTerms(note), words));
    const changedIds = new Set(changedRows.map((note) => note.id));

    // Index hits, newest first, re-checked against the stored notes (a few extra in case some
    // were edited or deleted since the index was built).
    const numbers = matches ? matches.first(limit + 20) : [];
    const ids = (await this.idsOf(numbers)).filter((id) => id && !changedIds.has(id));
    const stored = (await this.source.notes(ids)) as (Row | undefined)[];
    const fromIndex = stored.filter(
      (note): note is Row => note !== undefined && termsMatch(noteTerms(note), words),
    );
    const notes = [...fromIndex, ...changed].sort(compareNewestFirst).slice(0, limit);

    const clientIds = [...new Set(notes.map((note) => note.clientId))];
    const clients = await this.source.clients(clientIds);
    const names = new Map<string, string>();
    clientIds.forEach((id, i) => {
      const client = clients[i];
      names.set(
        id,
        client
          ? clientDisplayName(client as unknown as Parameters<typeof clientDisplayName>[0])
          : 'Unknown client',
      );
    });
    const total = Math.max(notes.length, (matches?.count() ?? 0) + changed.length);
    return {
      query,
      words,
      total,
      hits: notes.map((note) => toHit(note, names.get(note.clientId) ?? '', words)),
      ms: performance.now() - started,
    };
  }

  /**
   * Query words worth searching: a word the index has no term for is dropped when it is a stop
   * word or a lone letter (the user is still typing), otherwise it rightly finds nothing.
   */
  private usableWords(query: string): string[] {
    const words = queryWords(query);
    return words.filter((word, i) => {
      const last = i === words.length - 1;
      if (!last) return true;
      if (word.length < 2) return false;
      return this.termsStartingWith(word).length > 0 || word.length > 2 || words.length === 1;
    });
  }
}

const SNIPPET_BEFORE = 50;
const SNIPPET_AFTER = 110;

export type NoteFieldRef = Pick<NoteField, 'name' | 'regionId'>;

function fieldRef(field: NoteField | undefined): NoteFieldRef | null {
  if (!field) return null;
  return field.regionId ? { name: field.name, regionId: field.regionId } : { name: field.name };
}

function toHit(note: Row, clientName: string, words: string[]): NoteHit {
  const fields = noteFields(note);
  let best = {
    field: fieldRef(fields[0]),
    snippet: { before: fields[0]?.text.slice(0, 160) ?? '', match: '', after: '' },
  };
  for (const field of fields) {
    const folded = foldForSearch(field.text);
    if (folded.length !== field.text.length) continue;
    let at = -1;
    let length = 0;
    for (const word of words) {
      const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(word)}`, 'u');
      const found = pattern.exec(folded);
      if (found) {
        at = found.index + found[1]!.length;
        length = word.length;
        break;
      }
    }
    if (at < 0) continue;
    const start = Math.max(0, at - SNIPPET_BEFORE);
    const end = Math.min(field.text.length, at + length + SNIPPET_AFTER);
    best = {
      field: fieldRef(field),
      snippet: {
        before: `${start > 0 ? '…' : ''}${field.text.slice(start, at)}`,
        match: field.text.slice(at, at + length),
        after: `${field.text.slice(at + length, end)}${end < field.text.length ? '…' : ''}`,
      },
    };
    break;
  }
  return {
    noteId: note.id,
    clientId: note.clientId,
    clientName,
    serviceDate: note.serviceDate ?? '',
    sessionNumber: note.sessionNumber ?? null,
    status: note.status ?? 'draft',
    ...best,
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
