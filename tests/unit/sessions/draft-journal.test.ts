import { describe, expect, it } from 'vitest';
import {
  draftJournal,
  type JournalStorage,
  replayDraftJournal,
} from '../../../src-renderer/features/sessions/draft-journal';
import { addClient, filledIn, openRepositories } from '../db/helpers';

/** localStorage's interface over a Map; `full` makes every write fail as a full disk would. */
function memoryStorage() {
  const items = new Map<string, string>();
  let full = false;
  const storage: JournalStorage = {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key) => void items.delete(key),
    key: (index) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
  };
  return { storage, items, fill: () => (full = true) };
}

async function draftWithText() {
  const repos = openRepositories();
  const client = await addClient(repos.clients);
  const draft = await repos.sessions.createDraft(client.id);
  return { repos, draft };
}

const later = (iso: string, ms: number) => Date.parse(iso) + ms;

describe('the draft journal', () => {
  it('keeps the last change of a draft and forgets it once saved', () => {
    const { storage, items } = memoryStorage();
    const journal = draftJournal(storage, () => 1_000);
    const draft = { id: 'note-1', chiefComplaint: 'Jaw' } as never;
    journal.write(draft);
    expect(JSON.parse(items.get('stillpoint.draft-journal.note-1')!)).toEqual({ writtenAt: 1_000, draft });
    journal.clear(draft);
    expect(items.size).toBe(0);
  });

  it('a full storage does not stop typing: the write is skipped without an error', () => {
    const { storage, items, fill } = memoryStorage();
    fill();
    expect(() => draftJournal(storage).write({ id: 'note-1' } as never)).not.toThrow();
    expect(items.size).toBe(0);
  });
});

describe('replaying the journal at start', () => {
  it('saves what was typed after the last save into the draft, and empties the journal', async () => {
    const { repos, draft } = await draftWithText();
    const { storage, items } = memoryStorage();
    const typed = { ...filledIn(draft), plan: 'Follow-up in two weeks' };
    draftJournal(storage, () => later(draft.updatedAt, 300)).write(typed);

    expect(await replayDraftJournal(repos.sessions, storage)).toEqual({ replayed: [draft.id], dropped: [] });
    const stored = await repos.sessions.get(draft.id);
    expect(stored?.plan).toBe('Follow-up in two weeks');
    expect(stored?.status).toBe('draft');
    expect(items.size).toBe(0);
  });

  it('drops an entry older than the last save (the save already holds it or newer)', async () => {
    const { repos, draft } = await draftWithText();
    const { storage, items } = memoryStorage();
    draftJournal(storage, () => later(draft.updatedAt, -1)).write({ ...draft, plan: 'old text' });

    expect(await replayDraftJournal(repos.sessions, storage)).toEqual({ replayed: [], dropped: [draft.id] });
    expect((await repos.sessions.get(draft.id))?.plan).toBe(draft.plan);
    expect(items.size).toBe(0);
  });

  it('never touches a signed note, and drops entries of deleted notes and broken entries', async () => {
    const { repos, draft } = await draftWithText();
    await repos.sessions.saveDraft(filledIn(draft));
    const signed = await repos.sessions.sign(draft.id, 'Anna Lind');
    const gone = await repos.sessions.createDraft(draft.clientId);
    await repos.sessions.deleteDraft(gone.id);
    const { storage, items } = memoryStorage();
    const journal = draftJournal(storage, () => Date.parse('2100-01-01T00:00:00Z'));
    journal.write({ ...filledIn(draft), plan: 'changed after signing' });
    journal.write({ ...gone, plan: 'typed into a deleted draft' });
    items.set('stillpoint.draft-journal.broken', '{not json');
    items.set('stillpoint.draft-journal.invalid', JSON.stringify({ writtenAt: 1, draft: { id: 'invalid' } }));
    items.set('unrelated', 'kept');

    const outcome = await replayDraftJournal(repos.sessions, storage);
    expect(outcome.replayed).toEqual([]);
    expect(outcome.dropped.sort()).toEqual([draft.id, gone.id, 'broken', 'invalid'].sort());
    expect(await repos.sessions.get(draft.id)).toEqual(signed);
    expect(await repos.sessions.get(gone.id)).toBeUndefined();
    expect([...items.keys()]).toEqual(['unrelated']);
  });

  it('an entry naming another note than its key is dropped', async () => {
    const { repos, draft } = await draftWithText();
    const other = await repos.sessions.createDraft(draft.clientId);
    const { storage, items } = memoryStorage();
    items.set(
      `stillpoint.draft-journal.${draft.id}`,
      JSON.stringify({ writtenAt: later(draft.updatedAt, 1_000), draft: { ...other, plan: 'moved' } }),
    );
    expect(await replayDraftJournal(repos.sessions, storage)).toEqual({ replayed: [], dropped: [draft.id] });
    expect((await repos.sessions.get(other.id))?.plan).toBe(other.plan);
  });
});
