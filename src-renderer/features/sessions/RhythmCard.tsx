import { memo, useState } from 'react';
import {
  AMPLITUDE_LABELS,
  AMPLITUDES,
  PALPATION_SITES,
  RHYTHM_NORMAL_RANGE,
  rhythmRateHint,
  SYMMETRIES,
  SYMMETRY_LABELS,
} from '../../../src-shared/domain/sensations';
import type { SessionDraft } from '../../../src-shared/domain/session-note';
import { Field } from '../../app/ui/Field';
import { useDraftErrors, useDraftUpdate, useDraftValue } from './draft-context';
import { NumberInput } from './NumberInput';

const OTHER_SITE = '__other';
const SITE_IDS = PALPATION_SITES.map((site) => site.id);

const POSITION_WORDS = { below: 'Below', within: 'Within', above: 'Above' } as const;

/** The rate's hint: where it sits against the published range, in neutral words. */
function rateHint(rate: number | null): string {
  const range = `${RHYTHM_NORMAL_RANGE.min}-${RHYTHM_NORMAL_RANGE.max} cpm`;
  const position = rhythmRateHint(rate);
  const where = position
    ? `${POSITION_WORDS[position]} the commonly cited ${range}`
    : `Commonly cited: ${range}`;
  return `${where}. A hint, not a limit.`;
}

type Rhythm = SessionDraft['rhythm'];

/** Craniosacral rhythm: rate, amplitude, symmetry, quality, site palpated; still points. */
export const RhythmCard = memo(function RhythmCard() {
  const update = useDraftUpdate();
  const errors = useDraftErrors();
  const rhythm = useDraftValue((d) => d.rhythm);
  const change = (changes: Partial<Rhythm>) => update((d) => ({ ...d, rhythm: { ...d.rhythm, ...changes } }));
  const changeStillPoints = (changes: Partial<Rhythm['stillPoints']>) =>
    update((d) => ({ ...d, rhythm: { ...d.rhythm, stillPoints: { ...d.rhythm.stillPoints, ...changes } } }));
  const customSite = rhythm.site !== '' && !SITE_IDS.includes(rhythm.site);
  const [otherSite, setOtherSite] = useState(customSite);
  const showOther = otherSite || customSite;

  return (
    <section className="card" aria-labelledby="rhythm-title">
      <h2 id="rhythm-title">Craniosacral rhythm</h2>
      <div className="form-grid rhythm-grid">
        <Field
          label="Rate (cycles per minute)"
          error={errors['rhythm.rateCpm']}
          hint={rateHint(rhythm.rateCpm)}
        >
          <NumberInput
            data-path="rhythm.rateCpm"
            min={0}
            max={40}
            step={0.5}
            value={rhythm.rateCpm}
            onValue={(rateCpm) => change({ rateCpm })}
          />
        </Field>
        <Field label="Amplitude" error={errors['rhythm.amplitude']}>
          <select
            data-path="rhythm.amplitude"
            value={rhythm.amplitude ?? ''}
            onChange={(e) => change({ amplitude: (e.target.value || null) as Rhythm['amplitude'] })}
          >
            <option value="">Not recorded</option>
            {AMPLITUDES.map((amplitude) => (
              <option key={amplitude} value={amplitude}>
                {AMPLITUDE_LABELS[amplitude]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Symmetry" error={errors['rhythm.symmetry']}>
          <select
            data-path="rhythm.symmetry"
            value={rhythm.symmetry ?? ''}
            onChange={(e) => change({ symmetry: (e.target.value || null) as Rhythm['symmetry'] })}
          >
            <option value="">Not recorded</option>
            {SYMMETRIES.map((symmetry) => (
              <option key={symmetry} value={symmetry}>
                {SYMMETRY_LABELS[symmetry]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Quality or vitality" error={errors['rhythm.quality']}>
          <input
            type="text"
            autoComplete="off"
            data-path="rhythm.quality"
            value={rhythm.quality}
            onChange={(e) => change({ quality: e.target.value })}
          />
        </Field>
        <Field label="Site palpated" error={errors['rhythm.site']}>
          <select
            data-path="rhythm.site"
            value={showOther ? OTHER_SITE : rhythm.site}
            onChange={(e) => {
              const value = e.target.value;
              setOtherSite(value === OTHER_SITE);
              change({ site: value === OTHER_SITE ? '' : value });
            }}
          >
            <option value="">Not recorded</option>
            {PALPATION_SITES.map((site) => (
              <option key={site.id} value={site.id}>
                {site.label}
              </option>
            ))}
            <option value={OTHER_SITE}>Other (describe)</option>
          </select>
        </Field>
        {showOther && (
          <Field label="Other site">
            <input
              type="text"
              autoComplete="off"
              value={rhythm.site}
              onChange={(e) => change({ site: e.target.value })}
            />
          </Field>
        )}
        <Field label="Still points (count)" error={errors['rhythm.stillPoints.count']}>
          <NumberInput
            data-path="rhythm.stillPoints.count"
            min={0}
            step={1}
            value={rhythm.stillPoints.count}
            onValue={(count) => changeStillPoints({ count })}
          />
        </Field>
        <Field label="Still points, total (seconds)" error={errors['rhythm.stillPoints.totalSeconds']}>
          <NumberInput
            data-path="rhythm.stillPoints.totalSeconds"
            min={0}
            step={5}
            value={rhythm.stillPoints.totalSeconds}
            onValue={(totalSeconds) => changeStillPoints({ totalSeconds })}
          />
        </Field>
      </div>
    </section>
  );
});
