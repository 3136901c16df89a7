import { describe, expect, it } from 'vitest';
import { isFollowUpDue } from '../../../src-shared/outcomes/follow-up-due';
import { type ItemScores, ItemScoresSchema, scoreProblems } from '../../../src-shared/outcomes/schemas';
import {
  changeFromBaseline,
  describeChange,
  formatChange,
  formatScore,
  latestChange,
  profileScore,
  scoreRows,
} from '../../../src-shared/outcomes/score';
import { CHANGE_HINT } from '../../../src-shared/outcomes/wording';

const scores = (s1: number | null, s2: number | null, act: number | null, wb: number | null): ItemScores => ({
  symptom1: s1,
  symptom2: s2,
  activity: act,
  wellbeing: wb,
});

describe('profile score: the mean of the item scores present', () => {
  it('all four items', () => {
    expect(profileScore(scores(5, 3, 4, 2))).toBe(3.5);
  });
  it('no second symptom: the mean of the three items the profile has', () => {
    expect(profileScore(scores(5, null, 4, 3))).toBe(4);
  });
  it('a follow-up with items not scored: only those present count, never as 0', () => {
    expect(profileScore(scores(2, null, null, 4))).toBe(3);
    expect(profileScore(scores(null, null, null, 6))).toBe(6);
  });
  it('nothing scored has no score', () => {
    expect(profileScore(scores(null, null, null, null))).toBeNull();
  });
  it('0 is a score, not a missing one', () => {
    expect(profileScore(scores(0, null, 0, 3))).toBe(1);
  });
});

describe('change from the baseline', () => {
  it('is the later profile score minus the baseline (negative: lower, towards the best)', () => {
    expect(changeFromBaseline(scores(5, null, 4, 3), scores(3, null, 3, 3))).toBeCloseTo(-1);
    expect(changeFromBaseline(scores(2, 2, 2, 2), scores(3, 3, 3, 3))).toBe(1);
  });
  it('compares means even when the follow-up misses items', () => {
    // baseline mean 4, follow-up mean of symptom 1 and wellbeing = 2.5
    expect(changeFromBaseline(scores(5, null, 4, 3), scores(2, null, null, 3))).toBe(-1.5);
  });
  it('thirds that should make exactly 1 are 1 (no floating-point 0.9999)', () => {
    // (4+4+5)/3 = 4.333.., (3+3+4)/3 = 3.333..: exactly 1 lower
    const change = changeFromBaseline(scores(4, null, 4, 5), scores(3, null, 3, 4));
    expect(change).toBe(-1);
    expect(describeChange(change!).reachesHint).toBe(true);
  });
  it('is null when either side has nothing scored', () => {
    expect(changeFromBaseline(scores(null, null, null, null), scores(3, null, 3, 3))).toBeNull();
    expect(changeFromBaseline(scores(3, null, 3, 3), scores(null, null, null, null))).toBeNull();
  });
});

describe('the change is described as a fact with a hint, not a verdict', () => {
  it('says the direction and size only', () => {
    expect(describeChange(-1.5).text).toBe('1.5 lower than at the start (lower is better)');
    expect(describeChange(0.25).text).toBe('0.25 higher than at the start (higher is worse)');
    expect(describeChange(0).text).toBe('The same as at the start');
  });
  it('the hint applies from 1 either way, and its words never claim a cause', () => {
    expect(describeChange(-0.99).reachesHint).toBe(false);
    expect(describeChange(-1).reachesHint).toBe(true);
    expect(describeChange(1.25).reachesHint).toBe(true);
    expect(CHANGE_HINT).toBe('A change of 1 or more is what the literature treats as meaningful.');
    for (const change of [-2, -1, 0, 1])
      expect(describeChange(change).text).not.toMatch(/because|thanks|therapy|treatment|improved by/i);
  });
  it('formats scores and changes as people write them', () => {
    expect(formatScore(11 / 3)).toBe('3.67');
    expect(formatScore(4)).toBe('4');
    expect(formatChange(-1.5)).toBe('−1.5');
    expect(formatChange(0.25)).toBe('+0.25');
    expect(formatChange(0)).toBe('0');
  });
});

describe('score rows over time', () => {
  const base = {
    profileId: 'p',
    clientId: 'c',
    sessionId: null,
    recordedAt: '2026-01-01T10:00:00.000Z',
  };
  const rows = scoreRows([
    { ...base, id: '3', kind: 'follow-up', date: '2026-01-20', scores: scores(2, null, 2, 2) },
    { ...base, id: '1', kind: 'baseline', date: '2026-01-01', scores: scores(5, null, 4, 3) },
    { ...base, id: '2', kind: 'follow-up', date: '2026-01-10', scores: scores(4, null, null, 3) },
  ]);
  it('run oldest first, baseline without a change, follow-ups with theirs', () => {
    expect(rows.map((r) => r.score.id)).toEqual(['1', '2', '3']);
    expect(rows.map((r) => r.change)).toEqual([null, -0.5, -2]);
    expect(latestChange(rows.map((r) => r.score))).toBe(-2);
  });
});

describe('bad scores are refused with a message for the field', () => {
  it('outside 0-6 or not whole', () => {
    for (const bad of [-1, 7, 2.5]) {
      const parsed = ItemScoresSchema.safeParse(scores(bad, null, null, 1));
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/0 \(the best it could be\) to 6/);
    }
  });
  it('an item the profile has no words for, or nothing scored at all', () => {
    expect(scoreProblems({ symptom2: null, activity: 'walk' }, scores(3, 2, null, null))).toEqual({
      'scores.symptom2': 'This profile has no such item, so it cannot be scored',
    });
    expect(scoreProblems({ symptom2: null, activity: null }, scores(null, null, null, null)).scores).toBe(
      'Score at least one item',
    );
  });
});

describe('follow-up due', () => {
  const signed = { status: 'signed', serviceDate: '2026-03-10' };
  it('from the day of the session until N days after, unless followed up', () => {
    expect(isFollowUpDue(signed, false, '2026-03-10', 3)).toBe(true);
    expect(isFollowUpDue(signed, false, '2026-03-13', 3)).toBe(true);
    expect(isFollowUpDue(signed, false, '2026-03-14', 3)).toBe(false);
    expect(isFollowUpDue(signed, true, '2026-03-11', 3)).toBe(false);
    expect(isFollowUpDue({ ...signed, status: 'draft' }, false, '2026-03-11', 3)).toBe(false);
    expect(isFollowUpDue(signed, false, '2026-03-09', 3)).toBe(false);
  });
});
