import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useState } from 'react';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { AfterEffectForm } from './AfterEffectForm';
import { AfterEffectList } from './AfterEffectList';
import { useDraftValue } from './draft-context';

/**
 * "After-effects" the client reports from the previous session, asked at the start of this one.
 * Each report is saved at once against the previous session (the after-effects repository),
 * never inside this note, so the previous note stays as it was signed.
 */
export const AfterEffectsCard = memo(function AfterEffectsCard() {
  const t = useT();
  const id = useDraftValue((d) => d.id);
  const clientId = useDraftValue((d) => d.clientId);
  const serviceDate = useDraftValue((d) => d.serviceDate);
  const sessionNumber = useDraftValue((d) => d.sessionNumber);
  const [failure, setFailure] = useState<string | null>(null);
  const previous = useLiveQuery(
    async () =>
      (await repositories().sessions.previousSession({ id, clientId, serviceDate, sessionNumber })) ?? null,
    [id, clientId, serviceDate, sessionNumber],
  );
  const reports = useLiveQuery(
    async () => (previous ? repositories().afterEffects.listForSession(previous.id) : []),
    [previous?.id],
  );

  return (
    <section className="card after-effects" aria-labelledby="after-effects-title">
      <div className="card-header">
        <h2 id="after-effects-title">{t('sessions.common.afterEffects')}</h2>
        {previous && (
          <span className="muted">
            {previous.serviceDate
              ? t('sessions.afterEffectsCard.sinceOn', {
                  number: previous.sessionNumber ?? '',
                  date: formatDate(previous.serviceDate),
                })
              : t('sessions.afterEffectsCard.since', { number: previous.sessionNumber ?? '' })}
          </span>
        )}
      </div>
      {previous === undefined ? (
        <p className="muted">{t('sessions.common.loading')}</p>
      ) : previous === null ? (
        <p className="muted">{t('sessions.afterEffectsCard.firstSession')}</p>
      ) : (
        <>
          <p className="muted card-intro">{t('sessions.afterEffectsCard.intro')}</p>
          {failure && (
            <p className="notice error" role="alert">
              {failure}
            </p>
          )}
          {reports && reports.length > 0 && (
            <AfterEffectList
              reports={reports}
              canRemove={(report) => report.reportedInSessionId === id}
              onRemove={(report) => {
                setFailure(null);
                repositories()
                  .afterEffects.remove(report.id)
                  .catch((error: unknown) =>
                    setFailure(error instanceof Error ? error.message : String(error)),
                  );
              }}
            />
          )}
          {reports && reports.length === 0 && (
            <p className="muted">{t('sessions.afterEffectsCard.noneYet')}</p>
          )}
          <AfterEffectForm
            onSave={async (input) => {
              await repositories().afterEffects.report(previous.id, input, id);
            }}
          />
        </>
      )}
    </section>
  );
});
