import { memo, useState } from 'react';
import {
  AMPLITUDES,
  PALPATION_SITES,
  RHYTHM_NORMAL_RANGE,
  rhythmRateHint,
  SYMMETRIES,
} from '../../../src-shared/domain/sensations';
import type { SessionDraft } from '../../../src-shared/domain/session-note';
import type { Translate } from '../../../src-shared/i18n';
import { useT } from '../../app/i18n';
import { Field } from '../../app/ui/Field';
import { useDraftErrors, useDraftUpdate, useDraftValue } from './draft-context';
import { NumberInput } from './NumberInput';
import { amplitudeName, palpationSiteName, symmetryName } from './session-labels';

const OTHER_SITE = '__other';
const SITE_IDS = PALPATION_SITES.map((site) => site.id);

const RATE_HINTS = {
  below: 'sessions.rhythm.rateBelow',
  within: 'sessions.rhythm.rateWithin',
  above: 'sessions.rhythm.rateAbove',
} as const;

/** The rate's hint: where it sits against the published range, in neutral words. */
function rateHint(rate: number | null, t: Translate): string {
  const position = rhythmRateHint(rate);
  const range = { min: RHYTHM_NORMAL_RANGE.min, max: RHYTHM_NORMAL_RANGE.max };
  return t(position ? RATE_HINTS[position] : 'sessions.rhythm.rateNone', range);
}

type Rhythm = SessionDraft['rhythm'];

/** Craniosacral rhythm: rate, amplitude, symmetry, quality, site palpated; still points. */
export const RhythmCard = memo(function RhythmCard() {
  const t = useT();
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
      <h2 id="rhythm-title">{t('sessions.rhythm.title')}</h2>
      <div className="form-grid rhythm-grid">
        <Field
          label={t('sessions.rhythm.rate')}
          error={errors['rhythm.rateCpm']}
          hint={rateHint(rhythm.rateCpm, t)}
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
        <Field label={t('sessions.rhythm.amplitude')} error={errors['rhythm.amplitude']}>
          <select
            data-path="rhythm.amplitude"
            value={rhythm.amplitude ?? ''}
            onChange={(e) => change({ amplitude: (e.target.value || null) as Rhythm['amplitude'] })}
          >
            <option value="">{t('sessions.common.notRecorded')}</option>
            {AMPLITUDES.map((amplitude) => (
              <option key={amplitude} value={amplitude}>
                {amplitudeName(t, amplitude)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('sessions.rhythm.symmetry')} error={errors['rhythm.symmetry']}>
          <select
            data-path="rhythm.symmetry"
            value={rhythm.symmetry ?? ''}
            onChange={(e) => change({ symmetry: (e.target.value || null) as Rhythm['symmetry'] })}
          >
            <option value="">{t('sessions.common.notRecorded')}</option>
            {SYMMETRIES.map((symmetry) => (
              <option key={symmetry} value={symmetry}>
                {symmetryName(t, symmetry)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('sessions.rhythm.quality')} error={errors['rhythm.quality']}>
          <input
            type="text"
            autoComplete="off"
            data-path="rhythm.quality"
            value={rhythm.quality}
            onChange={(e) => change({ quality: e.target.value })}
          />
        </Field>
        <Field label={t('sessions.rhythm.site')} error={errors['rhythm.site']}>
          <select
            data-path="rhythm.site"
            value={showOther ? OTHER_SITE : rhythm.site}
            onChange={(e) => {
              const value = e.target.value;
              setOtherSite(value === OTHER_SITE);
              change({ site: value === OTHER_SITE ? '' : value });
            }}
          >
            <option value="">{t('sessions.common.notRecorded')}</option>
            {PALPATION_SITES.map((site) => (
              <option key={site.id} value={site.id}>
                {palpationSiteName(t, site.id)}
              </option>
            ))}
            <option value={OTHER_SITE}>{t('sessions.common.otherDescribe')}</option>
          </select>
        </Field>
        {showOther && (
          <Field label={t('sessions.rhythm.otherSite')}>
            <input
              type="text"
              autoComplete="off"
              value={rhythm.site}
              onChange={(e) => change({ site: e.target.value })}
            />
          </Field>
        )}
        <Field label={t('sessions.rhythm.stillPointsCount')} error={errors['rhythm.stillPoints.count']}>
          <NumberInput
            data-path="rhythm.stillPoints.count"
            min={0}
            step={1}
            value={rhythm.stillPoints.count}
            onValue={(count) => changeStillPoints({ count })}
          />
        </Field>
        <Field
          label={t('sessions.rhythm.stillPointsTotal')}
          error={errors['rhythm.stillPoints.totalSeconds']}
        >
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
