import { memo, useId } from 'react';
import { regionById, SIDES } from '../../../src-shared/domain/body-regions';
import { AREA_FINDINGS } from '../../../src-shared/domain/session-note';
import { fieldMessage } from '../../../src-shared/i18n/field-messages';
import { useT } from '../../app/i18n';
import { useDraftErrors, useDraftUpdate } from './draft-context';
import { addTechnique, removeTechnique, type TreatedAreaDraft, updateTreatedArea } from './draft-edits';
import { findingName, regionGroupName, regionName, sideName } from './session-labels';
import { TechniquePicker } from './TechniquePicker';

/**
 * One treated area on two lines: name, side (paired structures) and finding; then techniques,
 * note and Remove. Tab follows the same order; in the finding, arrow keys pick. Remove can be
 * undone (TreatedAreasCard), so a key pressed once too often costs nothing.
 */
export const TreatedAreaRow = memo(function TreatedAreaRow({
  area,
  index,
  onRemove,
}: {
  area: TreatedAreaDraft;
  index: number;
  onRemove: (area: TreatedAreaDraft) => void;
}) {
  const t = useT();
  const update = useDraftUpdate();
  const errors = useDraftErrors();
  const legendId = useId();
  const sideId = useId();
  const errorId = useId();
  const region = regionById(area.regionId);
  const name = regionName(t, area.regionId);
  const path = `treatedAreas.${index}`;
  const messages = Object.entries(errors)
    .filter(([key]) => key === path || key.startsWith(`${path}.`))
    .map(([, message]) => message);
  const techniqueInvalid = Object.keys(errors).some((key) => key.startsWith(`${path}.techniques`));

  return (
    <li className="area-row" data-region={area.regionId}>
      <fieldset className="area-fieldset" aria-describedby={messages.length > 0 ? errorId : undefined}>
        <legend id={legendId} className="visually-hidden">
          {name}
        </legend>
        <div className="area-head">
          <span className="area-name" aria-hidden="true">
            {name}
          </span>
          {region && (
            <span className="area-group" aria-hidden="true">
              {regionGroupName(t, region.group)}
            </span>
          )}
          {region?.bilateral && (
            <span className="area-side">
              <label htmlFor={sideId}>{t('sessions.treatedAreas.side')}</label>
              <select
                id={sideId}
                data-path={`${path}.side`}
                value={area.side ?? ''}
                onChange={(e) =>
                  update((d) =>
                    updateTreatedArea(d, area.id, {
                      side: (e.target.value || null) as TreatedAreaDraft['side'],
                    }),
                  )
                }
              >
                <option value="">—</option>
                {SIDES.map((side) => (
                  <option key={side} value={side}>
                    {sideName(t, side)}
                  </option>
                ))}
              </select>
            </span>
          )}
          <fieldset className="finding-choice segmented">
            <legend className="visually-hidden">{t('sessions.treatedAreas.finding')}</legend>
            {AREA_FINDINGS.map((finding) => (
              <label key={finding} className={area.finding === finding ? 'checked' : undefined}>
                <input
                  type="radio"
                  name={`finding-${area.id}`}
                  value={finding}
                  checked={area.finding === finding}
                  onChange={() => update((d) => updateTreatedArea(d, area.id, { finding }))}
                />
                {findingName(t, finding)}
              </label>
            ))}
          </fieldset>
        </div>
        <div className="area-body">
          <div className="area-techniques" data-path={`${path}.techniques`}>
            <TechniquePicker
              regionId={area.regionId}
              regionName={name}
              chosen={area.techniques}
              invalid={techniqueInvalid}
              onAdd={(technique) => update((d) => addTechnique(d, area.id, technique))}
              onRemove={(technique) => update((d) => removeTechnique(d, area.id, technique))}
            />
          </div>
          <textarea
            className="area-note auto-grow"
            aria-label={t('sessions.treatedAreas.note')}
            placeholder={t('sessions.treatedAreas.note')}
            rows={1}
            data-path={`${path}.note`}
            value={area.note}
            onChange={(e) => update((d) => updateTreatedArea(d, area.id, { note: e.target.value }))}
          />
          <button
            type="button"
            className="link remove-area"
            aria-label={t('sessions.common.remove')}
            aria-describedby={legendId}
            onClick={() => onRemove(area)}
          >
            {t('sessions.common.remove')}
          </button>
        </div>
        {messages.length > 0 && (
          <span id={errorId} className="field-error" role="alert" data-path={`${path}.regionId`}>
            {messages.map((message) => fieldMessage(t, message)).join(' ')}
          </span>
        )}
      </fieldset>
    </li>
  );
});
