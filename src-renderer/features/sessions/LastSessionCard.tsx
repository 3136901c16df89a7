import { useLiveQuery } from 'dexie-react-hooks';
import { memo } from 'react';
import { regionLabel, SIDE_SHORT_LABELS } from '../../../src-shared/domain/body-regions';
import { AREA_FINDING_LABELS, type SessionDraft } from '../../../src-shared/domain/session-note';
import { techniqueLabel } from '../../../src-shared/domain/techniques';
import { formatDate } from '../../app/format';
import { repositories } from '../../app/repositories';
import { routeToHash } from '../../app/router';
import { useDraftValue } from './draft-context';

function areaText(area: SessionDraft['treatedAreas'][number]): string {
  const side = area.side ? ` (${SIDE_SHORT_LABELS[area.side]})` : '';
  const details = [
    ...area.techniques.map(techniqueLabel),
    ...(area.finding ? [AREA_FINDING_LABELS[area.finding].toLowerCase()] : []),
  ];
  return `${regionLabel(area.regionId)}${side}${details.length > 0 ? `: ${details.join(', ')}` : ''}`;
}

function score(value: number | null): string {
  return value === null ? '—' : String(value);
}

/**
 * The previous session at a glance, beside the note in a wide window (issue 21): what was
 * treated, how, and what was planned. Narrower windows leave it out (sessions.css); the
 * After-effects card still names the previous session there.
 */
export const LastSessionCard = memo(function LastSessionCard() {
  const id = useDraftValue((d) => d.id);
  const clientId = useDraftValue((d) => d.clientId);
  const serviceDate = useDraftValue((d) => d.serviceDate);
  const sessionNumber = useDraftValue((d) => d.sessionNumber);
  const previous = useLiveQuery(
    async () =>
      (await repositories().sessions.previousSession({ id, clientId, serviceDate, sessionNumber })) ?? null,
    [id, clientId, serviceDate, sessionNumber],
  );
  if (!previous) return null;
  const lines: [string, string][] = [
    ['Chief complaint', previous.chiefComplaint],
    ['Pain', `${score(previous.painBefore.score)} before, ${score(previous.painAfter.score)} after`],
    ['Rhythm', previous.rhythm.rateCpm === null ? '' : `${previous.rhythm.rateCpm} cycles per minute`],
    ['Plan', previous.plan],
    ['Next session', previous.nextSessionRecommendation],
    ['Home care', previous.homeCare],
  ];
  return (
    <section className="card last-session" aria-labelledby="last-session-title">
      <div className="card-header">
        <h2 id="last-session-title">Last session</h2>
        <a href={routeToHash({ name: 'session', clientId: previous.clientId, sessionId: previous.id })}>
          Session {previous.sessionNumber ?? ''}
          {previous.serviceDate ? `, ${formatDate(previous.serviceDate)}` : ''}
        </a>
      </div>
      <dl className="last-session-facts">
        {lines
          .filter(([, text]) => text.trim() !== '')
          .map(([label, text]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{text}</dd>
            </div>
          ))}
        {previous.treatedAreas.length > 0 && (
          <div>
            <dt>Treated</dt>
            <dd>
              <ul className="last-session-areas">
                {previous.treatedAreas.map((area) => (
                  <li key={area.id}>{areaText(area)}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
});
