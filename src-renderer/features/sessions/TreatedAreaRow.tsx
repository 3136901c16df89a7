import { useId } from 'react';
import { regionById, SIDE_LABELS, SIDES } from '../../../src-shared/domain/body-regions';
import { AREA_FINDING_LABELS, AREA_FINDINGS } from '../../../src-shared/domain/session-note';
import { Field } from '../../app/ui/Field';
import { useDraft } from './draft-context';
import {
  addTechnique,
  removeTechnique,
  removeTreatedArea,
  type TreatedAreaDraft,
  updateTreatedArea,
} from './draft-edits';
import { TechniquePicker } from './TechniquePicker';

/**
 * One treated area: side (paired structures), techniques, finding, note. Tab order follows the
 * line: side, techniques, finding (arrow keys pick), note, then the next area.
 */
export function TreatedAreaRow({ area, index }: { area: TreatedAreaDraft; index: number }) {
  const { update, errors } = useDraft();
  const legendId = useId();
  const region = regionById(area.regionId);
  const name = region?.label ?? area.regionId;
  const path = `treatedAreas.${index}`;
  const techniqueError =
    errors[`${path}.techniques`] ??
    Object.entries(errors).find(([key]) => key.startsWith(`${path}.techniques.`))?.[1];
  const regionError = errors[`${path}.regionId`];

  return (
    <li className="area-row" data-region={area.regionId}>
      <fieldset className="area-fieldset">
        <legend id={legendId} className="area-name">
          <span>{name}</span>
          {region && (
            <span className="area-group" aria-hidden="true">
              {region.groupLabel}
            </span>
          )}
        </legend>
        <div className={`area-grid${region?.bilateral ? ' bilateral' : ''}`}>
          {region?.bilateral && (
            <Field label="Side" error={errors[`${path}.side`]}>
              <select
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
                    {SIDE_LABELS[side]}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <div className="field area-techniques" data-path={`${path}.techniques`}>
            <span className="label" aria-hidden="true">
              Techniques
            </span>
            <TechniquePicker
              regionId={area.regionId}
              regionName={name}
              chosen={area.techniques}
              invalid={Boolean(techniqueError)}
              onAdd={(technique) => update((d) => addTechnique(d, area.id, technique))}
              onRemove={(technique) => update((d) => removeTechnique(d, area.id, technique))}
            />
            {techniqueError && (
              <span className="field-error" role="alert">
                {techniqueError}
              </span>
            )}
          </div>
          <fieldset className="finding-choice">
            <legend className="label">Finding</legend>
            <div className="segmented">
              {AREA_FINDINGS.map((finding) => (
                <label key={finding} className={area.finding === finding ? 'checked' : undefined}>
                  <input
                    type="radio"
                    name={`finding-${area.id}`}
                    value={finding}
                    checked={area.finding === finding}
                    onChange={() => update((d) => updateTreatedArea(d, area.id, { finding }))}
                  />
                  {AREA_FINDING_LABELS[finding]}
                </label>
              ))}
            </div>
          </fieldset>
          <Field label="Note" error={errors[`${path}.note`]}>
            <input
              type="text"
              autoComplete="off"
              data-path={`${path}.note`}
              value={area.note}
              onChange={(e) => update((d) => updateTreatedArea(d, area.id, { note: e.target.value }))}
            />
          </Field>
          <button
            type="button"
            className="link remove-area"
            aria-label="Remove"
            aria-describedby={legendId}
            onClick={() => update((d) => removeTreatedArea(d, area.id))}
          >
            Remove
          </button>
        </div>
        {regionError && (
          <span className="field-error" role="alert" data-path={`${path}.regionId`}>
            {regionError}
          </span>
        )}
      </fieldset>
    </li>
  );
}
