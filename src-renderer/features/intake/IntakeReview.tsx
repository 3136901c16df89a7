import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { type Client, clientInputOf } from '../../../src-shared/domain/client';
import { isRealCalendarDate } from '../../../src-shared/domain/dates';
import { shownAnswer } from '../../../src-shared/intake/answers';
import { shownQuestion } from '../../../src-shared/intake/questionnaire';
import type { IntakeSubmission } from '../../../src-shared/intake/records';
import {
  applyProposals,
  clientFieldsFrom,
  type Proposal,
  proposalsFor,
} from '../../../src-shared/intake/to-health-history';
import { formatTimestamp } from '../../app/format';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';

const CHANGE_LABELS = {
  new: 'intake.review.new',
  changed: 'intake.review.changed',
  same: 'intake.review.same',
} as const;

/** A question as the therapist reads it: in the app's language (see shownQuestion). */
const questionFor = shownQuestion;

/** The date a proposal carries, if the therapist may correct it in the review. */
function dateOf(p: Proposal): string | null | undefined {
  switch (p.value.kind) {
    case 'condition':
      return p.value.condition.onsetDate;
    case 'head-injury':
      return p.value.injury.date;
    case 'surgery':
      return p.value.surgery.date;
    default:
      return undefined;
  }
}

function withDate(p: Proposal, date: string | null): Proposal {
  switch (p.value.kind) {
    case 'condition':
      return { ...p, value: { ...p.value, condition: { ...p.value.condition, onsetDate: date } } };
    case 'head-injury':
      return { ...p, value: { ...p.value, injury: { ...p.value.injury, date } } };
    case 'surgery':
      return { ...p, value: { ...p.value, surgery: { ...p.value.surgery, date } } };
    default:
      return p;
  }
}

const actionable = (p: Proposal) => p.change !== 'same';

/**
 * The therapist's review of one submission: each answer beside what the health history (or the
 * client record) holds now, marked new, changed or same. The therapist accepts each (and may
 * correct a date) into the health history, saved through the health-history repository; the
 * submission itself stays exactly as it was, and the review is recorded in the audit log.
 */
export function IntakeReview({
  client,
  submission,
  onDone,
}: {
  client: Client;
  submission: IntakeSubmission;
  onDone: () => void;
}) {
  const t = useT();
  const history = useLiveQuery(() => repositories().healthHistories.get(client.id), [client.id]);
  // Proposals are computed once, against the history as it was when the review opened.
  const [proposals, setProposals] = useState<Proposal[] | null>(null);
  const computed = useMemo(
    () => (history && proposals === null ? proposalsFor(submission.answers, history, client) : null),
    [history, proposals, submission, client],
  );
  const rows = proposals ?? computed;
  const [accepted, setAccepted] = useState<Set<string> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!rows || !history) return <p className="muted">{t('intake.review.loading')}</p>;
  const chosen = accepted ?? new Set(rows.filter(actionable).map((p) => p.key));
  // Answers that do not map onto the record (the reason for coming, the practice's questions,
  // follow-ups already folded into a row above): shown for reading.
  const shown = new Set(rows.map((p) => p.key.split('.')[0]));
  const others = submission.answers.filter(
    (a) =>
      a.value !== null &&
      a.value !== '' &&
      !shown.has(a.questionId.split('.')[0]!) &&
      a.questionId !== 'medications',
  );

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const repos = repositories();
      const picked = rows.filter((p) => chosen.has(p.key));
      const current = await repos.healthHistories.get(client.id);
      await repos.healthHistories.save(client.id, applyProposals(current, picked));
      const fields = clientFieldsFrom(picked);
      if (Object.keys(fields).length > 0) {
        const input = clientInputOf(client);
        for (const [field, value] of Object.entries(fields)) {
          if (field === 'emergencyContact.name') input.emergencyContact.name = value;
          else if (field === 'emergencyContact.phone') input.emergencyContact.phone = value;
          else if (field === 'dateOfBirth')
            input.dateOfBirth = isRealCalendarDate(value) ? value : input.dateOfBirth;
          else (input as unknown as Record<string, string>)[field] = value;
        }
        await repos.clients.update(client.id, input);
      }
      const kept = rows.length - picked.length;
      await repos.intake.markReviewed(
        submission.id,
        t('intake.review.audit', { picked: picked.length, kept }),
      );
      onDone();
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
      setBusy(false);
    }
  };

  return (
    <section className="card intake-review" aria-labelledby="intake-review-title">
      <h2 id="intake-review-title">
        {t(submission.kind === 'intake' ? 'intake.review.titleIntake' : 'intake.review.titleUpdate', {
          moment: formatTimestamp(submission.submittedAt),
        })}
      </h2>
      <p className="muted">{t('intake.review.lead')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('intake.review.accept')}</th>
            <th scope="col">{t('intake.review.question')}</th>
            <th scope="col">{t('intake.review.answer')}</th>
            <th scope="col">{t('intake.review.current')}</th>
            <th scope="col">{t('intake.review.change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => {
            const date = dateOf(p);
            const question = questionFor(p.key, p.question, t);
            return (
              <tr key={p.key} data-change={p.change}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('intake.review.acceptRow', { question })}
                    checked={chosen.has(p.key)}
                    disabled={!actionable(p)}
                    onChange={(event) => {
                      const next = new Set(chosen);
                      if (event.target.checked) next.add(p.key);
                      else next.delete(p.key);
                      setAccepted(next);
                    }}
                  />
                </td>
                <td>{question}</td>
                <td>
                  {p.answer}
                  {date !== undefined && actionable(p) && (
                    <label className="review-date">
                      <span className="visually-hidden">{t('intake.review.dateFor', { question })}</span>
                      <input
                        type="date"
                        value={date ?? ''}
                        onChange={(event) => {
                          const value = event.target.value || null;
                          setProposals(rows.map((row) => (row.key === p.key ? withDate(row, value) : row)));
                        }}
                      />
                    </label>
                  )}
                </td>
                <td>{p.current ?? '—'}</td>
                <td className={`change-${p.change}`}>{t(CHANGE_LABELS[p.change])}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {others.length > 0 && (
        <>
          <h3>{t('intake.review.others')}</h3>
          <dl className="facts">
            {others.map((answer) => (
              <div key={answer.questionId}>
                <dt>{questionFor(answer.questionId, answer.question, t)}</dt>
                <dd className="preserve-lines">{shownAnswer(answer, t)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
          {t('intake.review.save')}
        </button>
        <button type="button" onClick={onDone} disabled={busy}>
          {t('intake.review.later')}
        </button>
      </div>
    </section>
  );
}
