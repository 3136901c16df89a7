import 'fake-indexeddb/auto';
import { RangeSet } from 'dexie';
import { describe, expect, it } from 'vitest';
import { clientRowFor } from '../../../src-renderer/db/clients-repository';
import { StillpointDatabase } from '../../../src-renderer/db/database';
import { NoteIndexDatabase } from '../../../src-renderer/db/note-index-db';
import { NoteSource } from '../../../src-renderer/db/note-source';
import { buildNoteIndex } from '../../../src-renderer/features/search/build-note-index';
import { isBulkNoteChange } from '../../../src-renderer/features/search/engine';
import { NoteSearchEngine } from '../../../src-renderer/features/search/note-search';
import { noteTerms, queryWords } from '../../../src-renderer/features/search/note-text';
import { decodePostings, NoteSet, PostingsWriter } from '../../../src-renderer/features/search/postings';
import { generatePracticeAll } from '../../../src-shared/demo';

let counter = 0;

async function practiceDatabases(clients = 12) {
  counter += 1;
  const suffix = `${process.pid}-${counter}`;
  const db = new StillpointDatabase(`search-test-${suffix}`);
  const index = new NoteIndexDatabase(`search-index-test-${suffix}`);
  const practice = generatePracticeAll({ seed: 7, clients, sessionsPerClient: 6 });
  await db.clients.bulkAdd(practice.clients.map((client) => clientRowFor(client)));
  await db.sessions.bulkAdd(practice.sessions);
  const engine = new NoteSearchEngine(new NoteSource(db), index);
  return { db, index, engine, practice };
}

describe('posting lists', () => {
  it('round-trip ascending note numbers, small and large gaps alike', () => {
    const values = [0, 1, 2, 130, 131, 20_000, 2_000_000];
    const writer = new PostingsWriter();
    for (const value of values) writer.add(value);
    expect(decodePostings(writer.finish())).toEqual(values);
    expect(writer.count).toBe(values.length);
    expect(() => writer.add(5)).toThrow(RangeError);
  });

  it('intersect, count and list the first members of note sets', () => {
    const a = new NoteSet(100);
    const b = new NoteSet(100);
    const wa = new PostingsWriter();
    const wb = new PostingsWriter();
    for (const n of [1, 5, 31, 32, 64, 99]) wa.add(n);
    for (const n of [5, 32, 33, 99]) wb.add(n);
    a.addPostings(wa.finish());
    b.addPostings(wb.finish());
    a.intersect(b);
    expect(a.count()).toBe(3);
    expect(a.first(2)).toEqual([5, 32]);
    expect(a.first(10)).toEqual([5, 32, 99]);
  });
});

describe('note text', () => {
  it('indexes labels of pick-list ids, folded words, and leaves out stop words', () => {
    const terms = noteTerms({
      id: 'n1',
      clientId: 'c1',
      chiefComplaint: 'Jaw clenching at night, Zoë says',
      treatedAreas: [{ regionId: 'occipital', techniques: ['still-point-cv4'], note: '' }],
    });
    expect(terms.has('jaw')).toBe(true);
    expect(terms.has('zoe')).toBe(true);
    expect(terms.has('occipital')).toBe(true);
    expect(terms.has('cv')).toBe(true);
    expect(terms.has('at')).toBe(false);
  });

  it('keeps a stop word only while it is the last word typed', () => {
    expect(queryWords('jaw and ne')).toEqual(['jaw', 'ne']);
    expect(queryWords('jaw an')).toEqual(['jaw', 'an']);
  });
});

describe('note search', () => {
  it('finds the same notes as a scan of every note, newest first', async () => {
    const { db, engine, practice } = await practiceDatabases();
    await engine.prepare();
    await engine.rebuild();
    const word = [...noteTerms(practice.sessions[3]!)].find((term) => term.length > 4)!;
    const expected = practice.sessions.filter((note) => [...noteTerms(note)].some((t) => t.startsWith(word)));
    const result = await engine.search(word, 1_000);
    expect(result.total).toBe(expected.length);
    expect(new Set(result.hits.map((hit) => hit.noteId))).toEqual(new Set(expected.map((note) => note.id)));
    const dates = result.hits.map((hit) => hit.serviceDate);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(result.hits[0]!.clientName).not.toBe('Unknown client');
    db.close();
  });

  it('sees notes changed or deleted after the index was built', async () => {
    const { db, index, engine, practice } = await practiceDatabases(4);
    await buildNoteIndex(new NoteSource(db), index, { now: () => new Date('2000-01-01T00:00:00Z') });
    await engine.prepare();
    const note = practice.sessions[0]!;
    await db.sessions.put({
      ...note,
      plan: 'Try the quokkamethod next time',
      updatedAt: '2099-01-01T00:00:00.000Z',
    });
    const found = await engine.search('quokka');
    expect(found.hits.map((hit) => hit.noteId)).toEqual([note.id]);
    expect(found.hits[0]!.snippet.match.toLowerCase()).toBe('quokka');

    const other = practice.sessions[1]!;
    const word = [...noteTerms(other)].find((term) => term.length > 5)!;
    const before = await engine.search(word, 1_000);
    expect(before.hits.some((hit) => hit.noteId === other.id)).toBe(true);
    await db.sessions.delete(other.id);
    const after = await engine.search(word, 1_000);
    expect(after.hits.some((hit) => hit.noteId === other.id)).toBe(false);
    db.close();
  });

  it('rebuilds an index made from other records (a restore)', async () => {
    const { db, index, engine } = await practiceDatabases(3);
    await buildNoteIndex(new NoteSource(db), index);
    const replacement = generatePracticeAll({ seed: 99, clients: 3, sessionsPerClient: 6 });
    await db.sessions.clear();
    await db.sessions.bulkAdd(replacement.sessions);
    await engine.prepare();
    expect(engine.currentState.kind).toBe('building');
    await engine.rebuild();
    const word = [...noteTerms(replacement.sessions[0]!)].find((term) => term.length > 4)!;
    const result = await engine.search(word, 1_000);
    expect(result.hits.some((hit) => hit.noteId === replacement.sessions[0]!.id)).toBe(true);
    db.close();
  });
});

describe('bulk note changes', () => {
  const part = 'idb://stillpoint/sessions/';
  it('a saved note is not a bulk change; a restore, an import or a clear is', () => {
    expect(isBulkNoteChange({ [part]: new RangeSet().addKey('a') }, 'stillpoint')).toBe(false);
    const many = new RangeSet().addKeys(Array.from({ length: 500 }, (_, i) => `note-${i}`));
    expect(isBulkNoteChange({ [part]: many }, 'stillpoint')).toBe(true);
    expect(isBulkNoteChange({ [part]: new RangeSet('a', 'z') }, 'stillpoint')).toBe(true);
    expect(isBulkNoteChange({ [part]: many }, 'another-database')).toBe(false);
    expect(isBulkNoteChange({ 'idb://stillpoint/clients/': many }, 'stillpoint')).toBe(false);
  });
});
