import { describe, expect, it } from 'vitest';
import { addTreatedArea, updateTreatedArea } from '../../../src-renderer/features/sessions/draft-edits';
import { createDraftStore, sameErrors } from '../../../src-renderer/features/sessions/draft-store';
import { emptySessionNote, type SessionDraft } from '../../../src-shared/domain/session-note';

const NOW = new Date(2025, 2, 4, 11, 30);
const draft = () => emptySessionNote({ clientId: 'c1', sessionNumber: 1, now: NOW, id: 'n1' });

/**
 * What each section of the editor reads (useDraftValue): a section re-renders when one of its
 * slices is no longer the same object or value, as useSyncExternalStore decides.
 */
const SECTIONS: Record<string, ((d: SessionDraft) => unknown)[]> = {
  details: [(d) => d.serviceDate, (d) => d.serviceTime, (d) => d.durationMinutes, (d) => d.sessionNumber],
  safety: [(d) => d.safetyCheck],
  before: [(d) => d.chiefComplaint, (d) => d.painBefore, (d) => d.changesSinceLast],
  rhythm: [(d) => d.rhythm],
  areas: [(d) => d.treatedAreas],
  sensations: [(d) => d.sensations, (d) => d.observations, (d) => d.emotionalRelease],
  after: [
    (d) => d.painAfter,
    (d) => d.globalResponse,
    (d) => d.plan,
    (d) => d.nextSessionRecommendation,
    (d) => d.homeCare,
  ],
};

/** The sections that would re-render after each change of the store. */
function watch(store: ReturnType<typeof createDraftStore>) {
  let seen = Object.fromEntries(
    Object.entries(SECTIONS).map(([name, slices]) => [name, slices.map((s) => s(store.get()))]),
  );
  const rendered: string[][] = [];
  store.subscribe(() => {
    const now = Object.fromEntries(
      Object.entries(SECTIONS).map(([name, slices]) => [name, slices.map((s) => s(store.get()))]),
    );
    rendered.push(
      Object.keys(SECTIONS).filter((name) =>
        now[name]!.some((value, i) => !Object.is(value, seen[name]![i])),
      ),
    );
    seen = now;
  });
  return rendered;
}

describe('draft store', () => {
  it('a keystroke in the plan changes only what the "After the session" card reads', () => {
    const store = createDraftStore(draft());
    const rendered = watch(store);
    for (const plan of ['C', 'Co', 'Con']) store.update((d) => ({ ...d, plan }));
    expect(rendered).toEqual([['after'], ['after'], ['after']]);
    expect(store.get().plan).toBe('Con');
  });

  it("typing in one treated area's note leaves the other areas as they were (their rows skip)", () => {
    let start = addTreatedArea(draft(), 'occipital');
    start = addTreatedArea(start, 'sacrum');
    const store = createDraftStore(start);
    const rendered = watch(store);
    const [occipital, sacrum] = store.get().treatedAreas;
    store.update((d) => updateTreatedArea(d, sacrum!.id, { note: 'Warm' }));
    expect(rendered).toEqual([['areas']]);
    expect(store.get().treatedAreas[0]).toBe(occipital);
    expect(store.get().treatedAreas[1]).not.toBe(sacrum);
  });

  it('an edit that returns the same draft tells no one', () => {
    const store = createDraftStore(draft());
    let calls = 0;
    store.subscribe(() => {
      calls += 1;
    });
    store.update((d) => d);
    expect(calls).toBe(0);
    const unsubscribe = store.subscribe(() => {
      calls += 10;
    });
    store.update((d) => ({ ...d, plan: 'x' }));
    unsubscribe();
    store.update((d) => ({ ...d, plan: 'xy' }));
    expect(calls).toBe(12);
  });

  it('keeps the messages object while they say the same thing, so fields do not re-render', () => {
    const store = createDraftStore(draft());
    let calls = 0;
    store.subscribeErrors(() => {
      calls += 1;
    });
    store.setErrors({});
    expect(calls).toBe(0);
    store.setErrors({ 'painBefore.score': 'Pain is a score from 0 to 10.' });
    const first = store.errors();
    store.setErrors({ 'painBefore.score': 'Pain is a score from 0 to 10.' });
    expect(store.errors()).toBe(first);
    expect(calls).toBe(1);
    store.setErrors({});
    expect(store.errors()).toEqual({});
    expect(calls).toBe(2);
  });

  it('compares messages by path, text and order', () => {
    expect(sameErrors({ a: '1', b: '2' }, { a: '1', b: '2' })).toBe(true);
    expect(sameErrors({ a: '1', b: '2' }, { b: '2', a: '1' })).toBe(false);
    expect(sameErrors({ a: '1' }, { a: '2' })).toBe(false);
    expect(sameErrors({ a: '1' }, { a: '1', b: '2' })).toBe(false);
  });
});
