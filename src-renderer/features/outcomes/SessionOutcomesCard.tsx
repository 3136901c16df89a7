import { useLiveQuery } from 'dexie-react-hooks';
import { memo } from 'react';
import { isRealCalendarDate, localToday } from '../../../src-shared/domain/dates';
import { changeFromBaseline, profileScore } from '../../../src-shared/outcomes/score';
import { changeNumber, changeWords, scoreNumber } from '../../../src-shared/outcomes/words';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { useDraftValue } from '../sessions/draft-context';
import { FollowUpScoresForm } from './FollowUpScoresForm';
import { itemLabels } from './labels';
import { ProfileSetupForm } from './ProfileSetupForm';
import './outcomes.css';

/**
 * "Outcomes" in the session note editor: at the first session the client's profile and first
 * scores; at later sessions the same words shown back to score again. Saved at once in their
 * own table (not inside the note), so signing the note does not wait for them.
 */
export const SessionOutcomesCard = memo(function SessionOutcomesCard() {
  const t = useT();
  const sessionId = useDraftValue((d) => d.id);
  const clientId = useDraftValue((d) => d.clientId);
  const serviceDate = useDraftValue((d) => d.serviceDate);
  const date = isRealCalendarDate(serviceDate) ? serviceDate : localToday();
  const data = useLiveQuery(async () => {
    const repos = repositories().outcomes;
    const profile = await repos.currentProfile(clientId);
    const scores = profile ? await repos.listScores(profile.id) : [];
    return { profile, scores };
  }, [clientId]);

  return (
    <section className="card session-outcomes" aria-labelledby="session-outcomes-title">
      <div className="card-header">
        <h2 id="session-outcomes-title">{t('outcomes.card.title')}</h2>
      </div>
      {data === undefined ? (
        <p className="muted">{t('outcomes.loading')}</p>
      ) : data.profile === null ? (
        <ProfileSetupForm clientId={clientId} sessionId={sessionId} date={date} />
      ) : (
        (() => {
          const { profile, scores } = data;
          const here = scores.filter((s) => s.sessionId === sessionId);
          const baseline = scores.find((s) => s.kind === 'baseline') ?? null;
          if (here.length > 0) {
            const last = here.at(-1)!;
            const score = profileScore(last.scores);
            const change =
              baseline && last !== baseline ? changeFromBaseline(baseline.scores, last.scores) : null;
            const values = {
              scores: itemLabels(t, profile)
                .map(({ item, label }) =>
                  t('outcomes.session.itemScore', { label, score: String(last.scores[item] ?? '–') }),
                )
                .join(' · '),
              score: score === null ? '–' : scoreNumber(t, score),
            };
            return (
              <div className="outcome-given" role="status">
                <p>
                  {change === null
                    ? t('outcomes.session.scored', values)
                    : t('outcomes.session.scoredWithChange', {
                        ...values,
                        change: changeNumber(t, change),
                        description: changeWords(t, change, true),
                      })}
                </p>
              </div>
            );
          }
          return (
            <>
              <p className="muted card-intro">{t('outcomes.session.again')}</p>
              <FollowUpScoresForm
                profile={profile}
                sessionId={sessionId}
                date={date}
                earliest={baseline?.date ?? null}
              />
            </>
          );
        })()
      )}
    </section>
  );
});
