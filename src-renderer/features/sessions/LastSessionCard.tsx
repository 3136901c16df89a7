import { useLiveQuery } from 'dexie-react-hooks';
import { memo } from 'react';
import type { SessionDraft } from '../../../src-shared/domain/session-note';
import type { Translate } from '../../../src-shared/i18n';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { routeToHash } from '../../app/router';
import { useDraftValue } from './draft-context';
import { findingInline, regionName, sideShortName, techniqueName } from './session-labels';

function areaText(area: SessionDraft['treatedAreas'][number], t: Translate): string {
  const side = area.side ? ` (${sideShortName(t, area.side)})` : '';
  const details = [
    ...area.techniques.map((technique) => techniqueName(t, technique)),
    ...(area.finding ? [findingInline(t, area.finding)] : []),
  ];
  return `${regionName(t, area.regionId)}${side}${details.length > 0 ? `: ${details.join(', ')}` : ''}`;
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
  const t = useT();
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
    [t('sessions.lastSession.chiefComplaint'), previous.chiefComplaint],
    [
      t('sessions.lastSession.pain'),
      t('sessions.lastSession.painText', {
        before: score(previous.painBefore.score),
        after: score(previous.painAfter.score),
      }),
    ],
    [
      t('sessions.lastSession.rhythm'),
      previous.rhythm.rateCpm === null
        ? ''
        : t('sessions.lastSession.rhythmText', { rate: previous.rhythm.rateCpm }),
    ],
    [t('sessions.lastSession.plan'), previous.plan],
    [t('sessions.lastSession.nextSession'), previous.nextSessionRecommendation],
    [t('sessions.lastSession.homeCare'), previous.homeCare],
  ];
  return (
    <section className="card last-session" aria-labelledby="last-session-title">
      <div className="card-header">
        <h2 id="last-session-title">{t('sessions.lastSession.title')}</h2>
        <a href={routeToHash({ name: 'session', clientId: previous.clientId, sessionId: previous.id })}>
          {previous.serviceDate
            ? t('sessions.lastSession.linkWithDate', {
                number: previous.sessionNumber ?? '',
                date: formatDate(previous.serviceDate),
              })
            : t('sessions.common.sessionNumber', { number: previous.sessionNumber ?? '' })}
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
            <dt>{t('sessions.lastSession.treated')}</dt>
            <dd>
              <ul className="last-session-areas">
                {previous.treatedAreas.map((area) => (
                  <li key={area.id}>{areaText(area, t)}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
});
