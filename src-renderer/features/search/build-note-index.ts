import type { IndexableType } from 'dexie';
import type { StillpointDatabase } from '../../db/database';
import {
  DOC_CHUNK,
  type DocChunkRow,
  NOTE_INDEX_FORMAT,
  type NoteIndexDatabase,
  type NoteIndexMeta,
} from './note-index-db';
import { compareNewestFirst, noteTerms, type SearchableNote } from './note-text';
import { PostingsWriter } from './postings';

/**
 * Builds the full-text index of every session note: reads the notes a page at a time (read-only,
 * by primary key), collects each note's terms as numbers, orders the notes newest first, then
 * writes one posting list per term. Runs in a worker in the app (note-index.worker.ts), so the
 * screen never waits for it; memory is about 4 bytes per (note, distinct term) pair while building.
 */

export interface BuildProgress {
  done: number;
  total: number;
}

const FINGERPRINT_SIZE = 8;

/**
 * What identifies the notes an index was built from (see NoteIndexMeta.fingerprint): the first and
 * last few note ids in key order. Two key reads of a few entries; a count of the notes would
 * scan every stored note (over half a second for 200,000 in Chromium).
 */
export async function notesFingerprint(source: StillpointDatabase): Promise<string[]> {
  const [first, last] = await Promise.all([
    source.sessions.orderBy(':id').limit(FINGERPRINT_SIZE).primaryKeys(),
    source.sessions.orderBy(':id').reverse().limit(FINGERPRINT_SIZE).primaryKeys(),
  ]);
  return [...first, ...last] as string[];
}

/** A growable array of unsigned 32-bit numbers. */
class U32List {
  data = new Uint32Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

type NoteKey = Pick<SearchableNote, 'id' | 'clientId' | 'serviceDate' | 'serviceTime' | 'sessionNumber'>;

export async function buildNoteIndex(
  source: StillpointDatabase,
  index: NoteIndexDatabase,
  options: { pageSize?: number; onProgress?: (progress: BuildProgress) => void; now?: () => Date } = {},
): Promise<NoteIndexMeta> {
  const started = performance.now();
  const buildStart = (options.now?.() ?? new Date()).toISOString();
  const pageSize = options.pageSize ?? 1_000;
  // One scan of the store to count: reading every note is much longer anyway.
  const total = await source.sessions.count();
  const fingerprint = await notesFingerprint(source);

  const termIds = new Map<string, number>();
  const termNames: string[] = [];
  const noteTermIds = new U32List();
  const noteStarts = new U32List();
  const keys: NoteKey[] = [];
  let watermark = buildStart;

  let after: IndexableType | undefined;
  for (;;) {
    const collection =
      after === undefined ? source.sessions.orderBy(':id') : source.sessions.where(':id').above(after);
    const rows = (await collection.limit(pageSize).toArray()) as unknown as SearchableNote[];
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    for (const note of rows) {
      noteStarts.push(noteTermIds.length);
      for (const term of noteTerms(note)) {
        let id = termIds.get(term);
        if (id === undefined) {
          id = termNames.length;
          termIds.set(term, id);
          termNames.push(term);
        }
        noteTermIds.push(id);
      }
      keys.push({
        id: note.id,
        clientId: note.clientId,
        serviceDate: note.serviceDate ?? '',
        serviceTime: note.serviceTime ?? '',
        sessionNumber: note.sessionNumber ?? null,
      });
      if (typeof note.updatedAt === 'string' && note.updatedAt > watermark) watermark = note.updatedAt;
    }
    options.onProgress?.({ done: keys.length, total: Math.max(total, keys.length) });
    if (rows.length < pageSize) break;
  }
  noteStarts.push(noteTermIds.length);

  // Number the notes newest first, then fill each term's postings in that order (ascending).
  const order = keys.map((_, i) => i).sort((a, b) => compareNewestFirst(keys[a]!, keys[b]!));
  const writers = termNames.map(() => new PostingsWriter());
  for (let rank = 0; rank < order.length; rank++) {
    const note = order[rank]!;
    for (let k = noteStarts.data[note]!; k < noteStarts.data[note + 1]!; k++) {
      writers[noteTermIds.data[k]!]!.add(rank);
    }
  }

  const terms = termNames.map((term, i) => ({
    term,
    count: writers[i]!.count,
    postings: writers[i]!.finish(),
  }));
  const docs: DocChunkRow[] = [];
  for (let chunk = 0; chunk * DOC_CHUNK < order.length; chunk++) {
    docs.push({
      chunk,
      ids: order.slice(chunk * DOC_CHUNK, (chunk + 1) * DOC_CHUNK).map((i) => keys[i]!.id),
    });
  }
  const meta: NoteIndexMeta = {
    key: 'meta',
    format: NOTE_INDEX_FORMAT,
    noteCount: order.length,
    watermark,
    fingerprint,
    builtAt: new Date().toISOString(),
    buildMs: 0,
    terms: terms.length,
    postingsBytes: terms.reduce((sum, row) => sum + row.postings.byteLength, 0),
  };
  // One transaction: a reader sees the old index or the new one, never half of each.
  await index.transaction('rw', index.terms, index.docs, index.meta, async () => {
    await index.meta.clear();
    await index.terms.clear();
    await index.docs.clear();
    await index.terms.bulkPut(terms);
    await index.docs.bulkPut(docs);
    meta.buildMs = Math.round(performance.now() - started);
    await index.meta.put(meta);
  });
  return meta;
}
