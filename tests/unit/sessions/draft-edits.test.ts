import { describe, expect, it } from 'vitest';
import {
  addTechnique,
  addTreatedArea,
  fieldName,
  removeTechnique,
  removeTreatedArea,
  restoreTreatedArea,
  safetyCheckDay,
  syncSafetyCheck,
  toggleSensation,
  valueAtPath,
  visibleProblems,
} from '../../../src-renderer/features/sessions/draft-edits';
import { emptySessionNote, signingProblems } from '../../../src-shared/domain/session-note';
import type { Finding } from '../../../src-shared/safety';

const NOW = new Date(2025, 2, 4, 11, 30);
const draft = () => emptySessionNote({ clientId: 'c1', sessionNumber: 1, now: NOW, id: 'n1' });

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'osteoporosis',
    severity: 'MODIFY',
    title: 'Osteoporosis',
    rationale: 'Lighter pressure',
    source: 'craniolongevity.com',
    because: 'Osteoporosis',
    lifted: false,
    custom: false,
    ...overrides,
  };
}

describe('treated areas', () => {
  it('adds each region once, keeps cranium-to-sacrum order, ignores unknown regions', () => {
    let note = addTreatedArea(draft(), 'sacrum');
    note = addTreatedArea(note, 'occipital');
    note = addTreatedArea(note, 'c1');
    note = addTreatedArea(note, 'occipital');
    note = addTreatedArea(note, 'no-such-region');
    expect(note.treatedAreas.map((a) => a.regionId)).toEqual(['occipital', 'c1', 'sacrum']);
  });

  it('records the side clicked on a paired structure: left then right is both; unpaired ones take none', () => {
    let note = addTreatedArea(draft(), 'parietal', 'left');
    expect(note.treatedAreas[0]?.side).toBe('left');
    note = addTreatedArea(note, 'parietal', 'right');
    expect(note.treatedAreas[0]?.side).toBe('both');
    note = addTreatedArea(note, 'sacrum', 'left');
    expect(note.treatedAreas.find((a) => a.regionId === 'sacrum')?.side).toBeNull();
  });

  it("adds techniques once (ids or the therapist's words), removes them and the area", () => {
    let note = addTreatedArea(draft(), 'occipital');
    const id = note.treatedAreas[0]!.id;
    note = addTechnique(note, id, 'still-point-cv4');
    note = addTechnique(note, id, 'still-point-cv4');
    note = addTechnique(note, id, '  Gentle cradle ');
    note = addTechnique(note, id, '   ');
    expect(note.treatedAreas[0]?.techniques).toEqual(['still-point-cv4', 'Gentle cradle']);
    note = removeTechnique(note, id, 'still-point-cv4');
    expect(note.treatedAreas[0]?.techniques).toEqual(['Gentle cradle']);
    expect(removeTreatedArea(note, id).treatedAreas).toEqual([]);
  });

  it('puts a removed area back as it was, in body order; not over one added again meanwhile', () => {
    let note = addTreatedArea(addTreatedArea(addTreatedArea(draft(), 'occipital'), 'c1'), 'sacrum');
    note = addTechnique(note, note.treatedAreas[1]!.id, 'still-point-cv4');
    const c1 = { ...note.treatedAreas[1]!, finding: 'release' as const, note: 'Softened' };
    note = removeTreatedArea(note, c1.id);
    const restored = restoreTreatedArea(note, c1);
    expect(restored.treatedAreas.map((a) => a.regionId)).toEqual(['occipital', 'c1', 'sacrum']);
    expect(restored.treatedAreas[1]).toEqual(c1);
    const again = addTreatedArea(note, 'c1');
    expect(restoreTreatedArea(again, c1)).toBe(again);
  });

  it('toggles sensations', () => {
    let note = toggleSensation(draft(), 'warmth', true);
    note = toggleSensation(note, 'tingling', true);
    note = toggleSensation(note, 'warmth', false);
    expect(note.sensations.selected).toEqual(['tingling']);
  });
});

describe('safety check in the note', () => {
  it('checks the day of service, or today when the date is not a real date', () => {
    expect(safetyCheckDay({ serviceDate: '2025-02-28' }, NOW)).toBe('2025-02-28');
    expect(safetyCheckDay({ serviceDate: '' }, NOW)).toBe('2025-03-04');
  });

  it('records a run with no findings, and then leaves the draft alone', () => {
    const first = syncSafetyCheck({ checkedAt: null, findings: [] }, [], NOW, '2026-11-20');
    expect(first).toEqual({ checkedAt: NOW.toISOString(), findings: [], historyReviewedAt: '2026-11-20' });
    expect(syncSafetyCheck(first!, [], new Date(), '2026-11-20')).toBeNull();
  });

  it('runs again when the history is reviewed with the client, and records the new date', () => {
    const first = syncSafetyCheck({ checkedAt: null, findings: [] }, [], NOW, null)!;
    expect(first.historyReviewedAt).toBeNull();
    const later = new Date(NOW.getTime() + 60_000);
    expect(syncSafetyCheck(first, [], later, '2026-11-26')).toEqual({
      checkedAt: later.toISOString(),
      findings: [],
      historyReviewedAt: '2026-11-26',
    });
  });

  it('keeps what the therapist acknowledged and wrote, adds new findings, drops ones no longer found', () => {
    const checked = syncSafetyCheck({ checkedAt: null, findings: [] }, [finding()], NOW)!;
    expect(checked.findings[0]).toMatchObject({ ruleId: 'osteoporosis', acknowledged: false });
    const acknowledged = {
      ...checked,
      findings: [{ ...checked.findings[0]!, acknowledged: true, modification: 'Light touch' }],
    };
    expect(syncSafetyCheck(acknowledged, [finding()], NOW)).toBeNull();
    const more = syncSafetyCheck(
      acknowledged,
      [finding({ ruleId: 'chiari', severity: 'CLEARANCE', title: 'Chiari malformation' }), finding()],
      NOW,
    )!;
    expect(more.findings.map((f) => [f.ruleId, f.acknowledged, f.modification])).toEqual([
      ['chiari', false, ''],
      ['osteoporosis', true, 'Light touch'],
    ]);
    expect(syncSafetyCheck(more, [], NOW)?.findings).toEqual([]);
  });

  it('one acknowledgement per rule, and a clearance on file fills the clearance in', () => {
    const clearance = {
      id: 'cl',
      ruleId: 'chiari',
      itemId: null,
      givenBy: 'Dr. Berg',
      date: '2025-02-01',
      validUntil: '2025-06-30',
      notes: '',
      recordedBy: 'Mia Berg',
      recordedAt: '2025-02-01T10:00:00.000Z',
    };
    const lifted = finding({
      ruleId: 'chiari',
      severity: 'CLEARANCE',
      title: 'Chiari',
      lifted: true,
      clearance,
    });
    const synced = syncSafetyCheck(
      { checkedAt: null, findings: [] },
      [lifted, { ...lifted, itemId: 'x' }],
      NOW,
    )!;
    expect(synced.findings).toHaveLength(1);
    expect(synced.findings[0]?.clearance).toEqual({
      givenBy: 'Dr. Berg',
      date: '2025-02-01',
      clearanceId: 'cl',
      validUntil: '2025-06-30',
      recordedBy: 'Mia Berg',
    });
    // The clearance expires (or the date of service moves past it): the note stops claiming it.
    const expired = syncSafetyCheck(synced, [{ ...lifted, lifted: false, clearance: undefined }], NOW)!;
    expect(expired.findings[0]?.clearance).toBeNull();
  });

  it('keeps a clearance typed into an older note (no clearanceId) when nothing is on file', () => {
    const pending = finding({ ruleId: 'chiari', severity: 'CLEARANCE', title: 'Chiari', lifted: false });
    const first = syncSafetyCheck({ checkedAt: null, findings: [] }, [pending], NOW)!;
    const typed = {
      ...first,
      findings: [{ ...first.findings[0]!, clearance: { givenBy: 'Dr. Old', date: '2024-01-01' } }],
    };
    const again = syncSafetyCheck(typed, [pending], NOW);
    expect((again ?? typed).findings[0]?.clearance).toEqual({ givenBy: 'Dr. Old', date: '2024-01-01' });
  });
});

describe('messages beside the fields', () => {
  it('reads values by path', () => {
    const note = { ...draft(), painBefore: { score: 11, location: '' } };
    expect(valueAtPath(note, 'painBefore.score')).toBe(11);
    expect(valueAtPath(note, 'treatedAreas.0.regionId')).toBeUndefined();
    expect(valueAtPath(note, '')).toBeUndefined();
  });

  it('shows wrong values while writing, and everything once signing was tried', () => {
    const note = {
      ...draft(),
      serviceDate: '2025-03-09',
      painBefore: { score: 11, location: '' },
      rhythm: { ...draft().rhythm, rateCpm: -3 },
    };
    const problems = signingProblems(note, { by: '', now: NOW });
    const writing = visibleProblems(problems, note, false);
    expect(Object.keys(writing).sort()).toEqual(['painBefore.score', 'rhythm.rateCpm', 'serviceDate']);
    const signing = visibleProblems(problems, note, true);
    expect(signing).toMatchObject({
      chiefComplaint: 'Enter the reason for this session',
      signedBy: 'Enter who signs the note',
    });
  });

  it('names fields for the list above "Sign note"', () => {
    const note = addTreatedArea(draft(), 'occipital');
    expect(fieldName('painBefore.score', note)).toBe('Pain before');
    expect(fieldName('treatedAreas.0.techniques.1', note)).toBe('Treated area: Occipital');
    expect(fieldName('safetyCheck.findings.0.acknowledged', note)).toBe('Safety check');
  });
});
