import { EXTRA_COLUMN_USES, type ExtraColumnUse } from '../../../src-shared/exports/import-extras';
import { extraUseLabel } from '../../../src-shared/exports/import-words';
import { useT } from '../../app/i18n';

export interface ExtraColumnChoice {
  column: number;
  header: string;
  samples: string[];
  use: ExtraColumnUse;
}

/**
 * The file's columns that no Stillpoint field takes, each with sample values and a choice of
 * what to do with it, so nothing is dropped without the therapist seeing it.
 */
export function ExtraColumns({
  columns,
  onChange,
}: {
  columns: readonly ExtraColumnChoice[];
  onChange: (column: number, use: ExtraColumnUse) => void;
}) {
  const t = useT();
  return (
    <section className="extra-columns" aria-labelledby="extra-columns-title">
      <h3 id="extra-columns-title">{t('exports.import.extraTitle')}</h3>
      <p className="muted">{t('exports.import.extraText')}</p>
      <ul className="extra-column-list">
        {columns.map(({ column, header, samples, use }) => {
          const id = `import-extra-${column}`;
          return (
            <li key={column} className="mapping-row">
              <label htmlFor={id}>{header}</label>
              <select
                id={id}
                value={use}
                onChange={(event) => onChange(column, event.target.value as ExtraColumnUse)}
              >
                {EXTRA_COLUMN_USES.map((option) => (
                  <option key={option} value={option}>
                    {extraUseLabel(t, option)}
                  </option>
                ))}
              </select>
              <span className="mapping-example muted">
                {samples.length === 0
                  ? t('exports.import.emptyEverywhere')
                  : t('exports.import.examples', {
                      examples: samples.map((s) => (s.length > 40 ? `${s.slice(0, 39)}…` : s)).join(' · '),
                    })}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
