import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AuditEntrySchema, makeAuditEntry } from '../../../src-shared/domain/audit';
import {
  AFTER_EFFECT_TYPES,
  afterEffectLabel,
  PALPATION_SITES,
  RHYTHM_NORMAL_RANGE,
  rhythmRateHint,
  SENSATIONS,
  SEVERITIES,
  sensationLabel,
} from '../../../src-shared/domain/sensations';
import {
  AfterEffectInputSchema,
  AfterEffectReportSchema,
  makeAfterEffectReport,
} from '../../../src-shared/domain/session-note';
import { isCustomTechnique, TECHNIQUES, techniqueLabel } from '../../../src-shared/domain/techniques';
import { fieldErrors, ValidationError } from '../../../src-shared/validation';

const NOW = new Date(2025, 2, 11, 10, 0);

describe('technique pick list', () => {
  it('starts with the Upledger 10-step protocol in step order', () => {
    const steps = TECHNIQUES.filter((t) => t.protocolStep !== undefined);
    expect(TECHNIQUES.slice(0, steps.length)).toEqual(steps);
    expect(steps.map((t) => t.protocolStep)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10]);
    expect(steps[0]?.label).toBe('Still point induction (CV-4)');
    expect(steps.find((t) => t.protocolStep === 6)?.label).toBe('Cranial base (occipital) release');
  });

  it('follows with the continuation and the other named techniques from DOMAIN.md', () => {
    const labels = TECHNIQUES.map((t) => t.label);
    for (const label of [
      'TMJ / mandible decompression',
      'Sacral / lumbosacral decompression',
      'Dural tube rock and glide',
      'V-spread',
      'Arcing',
      'SomatoEmotional Release (SER)',
      'Hard-palate work (intraoral)',
    ]) {
      expect(labels).toContain(label);
    }
    expect(new Set(TECHNIQUES.map((t) => t.id)).size).toBe(TECHNIQUES.length);
  });

  it('shows custom techniques in the therapist own words', () => {
    expect(techniqueLabel('v-spread')).toBe('V-spread');
    expect(techniqueLabel('Gentle ear rocking')).toBe('Gentle ear rocking');
    expect(isCustomTechnique('Gentle ear rocking')).toBe(true);
    expect(isCustomTechnique('arcing')).toBe(false);
  });
});

describe('sensations, after-effects and rhythm', () => {
  it('lists the DOMAIN.md sensations and after-effects', () => {
    expect(SENSATIONS.map((s) => s.label)).toEqual([
      'Warmth',
      'Tingling',
      'Pulsing',
      'Twitching',
      'Heaviness',
      'Lightness',
      'Floating',
      'Deep calm',
      'Gentle movement',
      'Emotional release',
      'Memories surfacing',
      'Drowsiness or sleep',
    ]);
    expect(AFTER_EFFECT_TYPES.map((a) => a.id)).toEqual([
      'mild-soreness',
      'tiredness',
      'lightheadedness',
      'headache',
      'old-pains-returning',
      'emotions-surfacing',
      'better-sleep',
      'yawning',
    ]);
    expect(sensationLabel('deep-calm')).toBe('Deep calm');
    expect(afterEffectLabel('A stiff neck')).toBe('A stiff neck');
    expect(SEVERITIES).toEqual(['mild', 'moderate', 'severe']);
    expect(PALPATION_SITES.map((s) => s.id)).toEqual(expect.arrayContaining(['head', 'sacrum', 'feet']));
  });

  it('gives the normal rate range as a hint', () => {
    expect(RHYTHM_NORMAL_RANGE).toEqual({
      min: 6,
      max: 12,
      note: 'Commonly cited 6-12 cycles per minute (Upledger & Vredevoogd 1983); examiners often disagree, so treat this as a hint.',
    });
    expect([rhythmRateHint(5), rhythmRateHint(6), rhythmRateHint(12), rhythmRateHint(14)]).toEqual([
      'below',
      'within',
      'within',
      'above',
    ]);
    expect(rhythmRateHint(null)).toBeNull();
  });
});

describe('after-effect reports (their own table, so a signed note never changes)', () => {
  const input = {
    type: 'headache',
    onsetHours: 2,
    durationHours: 12,
    severity: 'mild',
    resolved: true,
    notes: 'Settled after a nap',
  } as const;

  it('saves an after-effect against the session it followed', () => {
    const report = makeAfterEffectReport(input, {
      sessionId: 'session-3',
      clientId: 'client-1',
      reportedInSessionId: 'session-4',
      now: NOW,
      id: 'ae1',
    });
    expect(report).toEqual({
      ...input,
      id: 'ae1',
      sessionId: 'session-3',
      clientId: 'client-1',
      reportedInSessionId: 'session-4',
      reportedAt: NOW.toISOString(),
    });
  });

  it('accepts a report by phone (no later session) and unknown hours', () => {
    const report = makeAfterEffectReport(
      { ...input, type: 'A stiff neck', onsetHours: null, durationHours: null, resolved: false },
      { sessionId: 's3', clientId: 'c1', reportedInSessionId: null, now: NOW },
    );
    expect(report.reportedInSessionId).toBeNull();
    expect(AfterEffectReportSchema.safeParse(report).success).toBe(true);
  });

  it.each([
    [{ onsetHours: -1 }, 'onsetHours', 'Onset is hours after the session, 0 to 720'],
    [{ durationHours: -2 }, 'durationHours', 'Enter how many hours it lasted, 0 or more'],
    [{ severity: 'extreme' }, 'severity', 'Choose mild, moderate or severe'],
    [{ type: '  ' }, 'type', 'Choose or describe the after-effect'],
  ])('refuses %o with a message beside the field', (change, path, message) => {
    const parsed = AfterEffectInputSchema.safeParse({ ...input, ...change });
    expect(parsed.success ? {} : fieldErrors(parsed.error)).toEqual({ [path]: message });
  });

  it('refuses a report pointing at the same session it followed', () => {
    expect(() =>
      makeAfterEffectReport(input, { sessionId: 's3', clientId: 'c1', reportedInSessionId: 's3', now: NOW }),
    ).toThrow(ValidationError);
  });
});

describe('audit entries', () => {
  it('records who did what to which note, and when', () => {
    const entry = makeAuditEntry({
      noteId: 'n1',
      clientId: 'c1',
      action: 'signed',
      now: NOW,
      detail: 'Signed by Anna',
      id: 'au1',
    });
    expect(entry).toEqual({
      id: 'au1',
      noteId: 'n1',
      clientId: 'c1',
      action: 'signed',
      at: NOW.toISOString(),
      detail: 'Signed by Anna',
    });
    expect(makeAuditEntry({ noteId: 'n1', clientId: 'c1', action: 'printed', now: NOW }).detail).toBe('');
  });

  it('knows the fifteen actions and refuses others', () => {
    expect(AUDIT_ACTIONS).toEqual([
      'created',
      'signed',
      'addendum',
      'printed',
      'exported',
      'pdf-saved',
      'clearance-recorded',
      'client-deleted',
      'intake-submitted',
      'intake-reviewed',
      'consent-signed',
      'consent-withdrawn',
      'document-attached',
      'document-removed',
      'progress-report-saved',
    ]);
    const bad = { id: 'a', noteId: 'n', clientId: 'c', action: 'edited', at: NOW.toISOString(), detail: '' };
    expect(AuditEntrySchema.safeParse(bad).success).toBe(false);
    expect(AuditEntrySchema.safeParse({ ...bad, action: 'pdf-saved' }).success).toBe(true);
    expect(AuditEntrySchema.safeParse({ ...bad, action: 'created', at: 'yesterday' }).success).toBe(false);
  });
});
