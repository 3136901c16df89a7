import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { localToday } from '../../../src-shared/domain/dates';
import type { OutcomeProfile } from '../../../src-shared/outcomes/schemas';
import { latestChange } from '../../../src-shared/outcomes/score';
import { durationLabel } from '../../../src-shared/outcomes/wording';
import { formatDate } from '../../app/format';
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
  const profiles = useLiveQuery(() => repositories().outcomes.listProfiles(clientId), [clientId]);
  const [starting, setStarting] = useState(false);
  const [scoring, setScoring] = useState(false);
  const [reporting, setReporting] = useState(false);
  const current = profiles?.at(-1) ?? null;

  return (
    <section className="card outcomes-card" aria-labelledby="outcomes-title">
      <div className="card-header">
        <h2 id="outcomes-title">Outcomes</h2>
        <div className="button-row">
          {current && (
            <button type="button" onClick={() => setReporting(true)}>
              Progress report…
            </button>
          )}
          {current && !starting && (
            <button type="button" onClick={() => setStarting(true)}>
              Start a new profile
            </button>
          )}
        </div>
      </div>
      {profiles === undefined ? (
        <p className="muted">Loading…</p>
      ) : starting || current === null ? (
        <>
          {current === null && (
            <p className="muted">
              What the client most wants to change, in their own words, scored now and at later sessions.
            </p>
          )}
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
          <summary>Earlier profiles ({profiles.length - 1})</summary>
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
  const scores = useLiveQuery(() => repositories().outcomes.listScores(profile.id), [profile.id]);
  const columns = useMemo(() => outcomeColumns(scores ?? []), [scores]);
  const baseline = scores?.find((s) => s.kind === 'baseline') ?? null;
  return (
    <div className="outcome-profile">
      <dl className="facts two-col outcome-words-shown">
        <dt>Main symptom</dt>
        <dd>
          {profile.symptom1}{' '}
          <span className="muted">(for {durationLabel(profile.symptom1Duration).toLowerCase()})</span>
        </dd>
        {profile.symptom2 && (
          <>
            <dt>Second symptom</dt>
            <dd>{profile.symptom2}</dd>
          </>
        )}
        {profile.activity && (
          <>
            <dt>Activity</dt>
            <dd>{profile.activity}</dd>
          </>
        )}
        <dt>Started</dt>
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
            <h3>Scores given outside a session</h3>
            <FollowUpScoresForm
              profile={profile}
              sessionId={null}
              date={null}
              earliest={baseline?.date ?? null}
              onDone={() => setScoring(false)}
            />
            <button type="button" onClick={() => setScoring(false)}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setScoring(true)}>
            Add scores from a call or message
          </button>
        ))}
    </div>
  );
}
