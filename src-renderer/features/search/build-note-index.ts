import {
  DOC_CHUNK,
  type DocChunkRow,
  NOTE_INDEX_FORMAT,
  type NoteIndexDatabase,
  type NoteIndexMeta,
} from '../../db/note-index-db';
import type { NoteSource } from '../../db/note-source';
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
export function notesFingerprint(source: NoteSource): Promise<string[]> {
  return source.fingerprint(FINGERPRINT_SIZE);
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
  source: NoteSource,
  index: NoteIndexDatabase,
  options: { pageSize?: number; onProgress?: (progress: BuildProgress) => void; now?: () => Date } = {},
): Promise<NoteIndexMeta> {
  const started = performance.now();
  const buildStart = (options.now?.() ?? new Date()).toISOString();
  const pageSize = options.pageSize ?? 1_000;
  // One scan of the store to count: reading every note is much longer anyway.
  const total = await source.countNotes();
  const fingerprint = await notesFingerprint(source);

  const termIds = new Map<string, number>();
  const termNames: string[] = [];
  const noteTermIds = new U32List();
  const noteStarts = new U32List();
  const keys: NoteKey[] = [];
  let watermark = buildStart;

  let after: string | undefined;
  for (;;) {
    const rows = (await source.notesAfter(after, pageSize)) as unknown as SearchableNote[];
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
  await index.replaceIndex(terms, docs, meta, (done) => {
    done.buildMs = Math.round(performance.now() - started);
  });
  return meta;
}
