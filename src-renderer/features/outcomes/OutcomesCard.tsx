import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { localToday } from '../../../src-shared/domain/dates';
import type { OutcomeProfile } from '../../../src-shared/outcomes/schemas';
import { latestChange } from '../../../src-shared/outcomes/score';
import { durationFor } from '../../../src-shared/outcomes/words';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { ChangeSummary } from './ChangeSummary';
import { outcomeColumns } from './chart-data';
import { FollowUpScoresForm } from './FollowUpScoresForm';
import { OutcomeChart } from './OutcomeChart';
import { OutcomeTable } from './OutcomeTable';
import { ProfileSetupForm } from './ProfileSetupForm';
import { ProgressReportDialog } from './ProgressReportDialog';
import './outcomes.css';

/**
 * The client page's "Outcomes" card: the current profile in the client's words, its scores as
 * a chart (baseline marked) and a table, the change from the baseline, scores given on a call,
 * a new profile for a new problem (earlier ones stay, listed below), and the progress report.
 */
export function OutcomesCard({ clientId }: { clientId: string }) {
  const t = useT();
  const profiles = useLiveQuery(() => repositories().outcomes.listProfiles(clientId), [clientId]);
  const [starting, setStarting] = useState(false);
  const [scoring, setScoring] = useState(false);
  const [reporting, setReporting] = useState(false);
  const current = profiles?.at(-1) ?? null;

  return (
    <section className="card outcomes-card" aria-labelledby="outcomes-title">
      <div className="card-header">
        <h2 id="outcomes-title">{t('outcomes.card.title')}</h2>
        <div className="button-row">
          {current && (
            <button type="button" onClick={() => setReporting(true)}>
              {t('outcomes.card.progressReport')}
            </button>
          )}
          {current && !starting && (
            <button type="button" onClick={() => setStarting(true)}>
              {t('outcomes.card.newProfile')}
            </button>
          )}
        </div>
      </div>
      {profiles === undefined ? (
        <p className="muted">{t('outcomes.loading')}</p>
      ) : starting || current === null ? (
        <>
          {current === null && <p className="muted">{t('outcomes.card.intro')}</p>}
          <ProfileSetupForm
            clientId={clientId}
            sessionId={null}
            date={localToday()}
            onDone={() => setStarting(false)}
            {...(current ? { onCancel: () => setStarting(false) } : {})}
          />
        </>
      ) : (
        <ProfileView profile={current} scoring={scoring} setScoring={setScoring} />
      )}
      {profiles && profiles.length > 1 && (
        <details className="earlier-profiles">
          <summary>{t('outcomes.card.earlierProfiles', { count: profiles.length - 1 })}</summary>
          {profiles.slice(0, -1).map((profile) => (
            <ProfileView key={profile.id} profile={profile} compact />
          ))}
        </details>
      )}
      {current && (
        <ProgressReportDialog clientId={clientId} open={reporting} onClose={() => setReporting(false)} />
      )}
    </section>
  );
}

function ProfileView({
  profile,
  compact = false,
  scoring = false,
  setScoring,
}: {
  profile: OutcomeProfile;
  compact?: boolean;
  scoring?: boolean;
  setScoring?: (on: boolean) => void;
}) {
  const t = useT();
  const scores = useLiveQuery(() => repositories().outcomes.listScores(profile.id), [profile.id]);
  const columns = useMemo(() => outcomeColumns(scores ?? []), [scores]);
  const baseline = scores?.find((s) => s.kind === 'baseline') ?? null;
  return (
    <div className="outcome-profile">
      <dl className="facts two-col outcome-words-shown">
        <dt>{t('outcomes.items.symptom1')}</dt>
        <dd>
          {profile.symptom1}{' '}
          <span className="muted">
            {t('outcomes.card.forDuration', { duration: durationFor(t, profile.symptom1Duration) })}
          </span>
        </dd>
        {profile.symptom2 && (
          <>
            <dt>{t('outcomes.items.symptom2')}</dt>
            <dd>{profile.symptom2}</dd>
          </>
        )}
        {profile.activity && (
          <>
            <dt>{t('outcomes.items.activity')}</dt>
            <dd>{profile.activity}</dd>
          </>
        )}
        <dt>{t('outcomes.card.started')}</dt>
        <dd>{formatDate(profile.createdAt.slice(0, 10))}</dd>
      </dl>
      {scores && scores.length > 0 && (
        <>
          {!compact && <ChangeSummary change={latestChange(scores)} />}
          {!compact && scores.length > 1 && <OutcomeChart columns={columns} />}
          <OutcomeTable profile={profile} scores={scores} />
        </>
      )}
      {setScoring &&
        (scoring ? (
          <div className="outcome-call-scores">
            <h3>{t('outcomes.card.outsideSession')}</h3>
            <FollowUpScoresForm
              profile={profile}
              sessionId={null}
              date={null}
              earliest={baseline?.date ?? null}
              onDone={() => setScoring(false)}
            />
            <button type="button" onClick={() => setScoring(false)}>
              {t('outcomes.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setScoring(true)}>
            {t('outcomes.card.addScores')}
          </button>
        ))}
    </div>
  );
}
