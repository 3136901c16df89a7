import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { IsoDateSchema, localToday } from '../../../src-shared/domain/dates';
import { FOLLOW_UP_CONTACTS, type FollowUpInput } from '../../../src-shared/outcomes/schemas';
import { OUTCOME_MESSAGES } from '../../../src-shared/outcomes/wording';
import { contactName, outcomeMessage, outcomeMessages } from '../../../src-shared/outcomes/words';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { DateInput } from '../../app/ui/DateInput';
import { Field } from '../../app/ui/Field';
import type { DueFollowUp } from '../../db/follow-ups-repository';
import { AfterEffectForm } from '../sessions/AfterEffectForm';
import { AfterEffectList } from '../sessions/AfterEffectList';
import { FollowUpScoresForm } from './FollowUpScoresForm';
import { errorsByField } from './form-errors';
import { useFollowUpDays } from './useFollowUpDays';

/**
 * "Follow up" on the client page, for each signed session of the last few days (Settings) that
 * nobody has followed up: the call or message the aftercare handout asks for ("let me know how
 * you felt"). "No reactions" closes it; after-effects are added with the usual after-effect
 * form, saved against that session; outcome scores too, if the client gave them.
 */
export function FollowUpCard({ clientId }: { clientId: string }) {
  const t = useT();
  const days = useFollowUpDays();
  const today = localToday();
  const due = useLiveQuery(
    async () => (days === undefined ? [] : repositories().followUps.due({ days, today, clientId })),
    [clientId, days, today],
  );
  if (!due || due.length === 0) return null;
  return (
    <section className="card follow-up-card" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t('outcomes.followUp.title')}</h2>
      {due.map((item) => (
        <FollowUpItem key={item.sessionId} item={item} clientId={clientId} />
      ))}
    </section>
  );
}

function FollowUpItem({ item, clientId }: { item: DueFollowUp; clientId: string }) {
  const t = useT();
  const [contact, setContact] = useState<FollowUpInput['contact']>('call');
  const [date, setDate] = useState<string>(localToday());
  const [notes, setNotes] = useState('');
  const [withEffects, setWithEffects] = useState(false);
  const [withScores, setWithScores] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const reports = useLiveQuery(
    () => repositories().afterEffects.listForSession(item.sessionId),
    [item.sessionId],
  );
  const profile = useLiveQuery(
    async () => (await repositories().outcomes.currentProfile(clientId)) ?? null,
    [clientId],
  );
  const baselineDate = useLiveQuery(
    async () =>
      profile
        ? ((await repositories().outcomes.listScores(profile.id)).find((s) => s.kind === 'baseline')?.date ??
          null)
        : null,
    [profile?.id],
  );

  const record = async (outcome: FollowUpInput['outcome']) => {
    setFailure(null);
    const found: Record<string, string> = {};
    if (!IsoDateSchema.safeParse(date).success) found.date = t('outcomes.followUp.dayMissing');
    else if (date < item.serviceDate) found.date = outcomeMessage(t, OUTCOME_MESSAGES.followUpBeforeSession);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await repositories().followUps.record(item.sessionId, { date, contact, outcome, notes });
    } catch (error) {
      const parsed = errorsByField(error);
      setErrors(outcomeMessages(t, parsed.fields));
      setFailure(parsed.form && t('outcomes.notSaved', { reason: outcomeMessage(t, parsed.form) }));
    }
  };

  const session = { number: item.sessionNumber ?? '', date: formatDate(item.serviceDate) };
  return (
    <section className="follow-up-item" aria-label={t('outcomes.followUp.after', session)}>
      <p>
        {/* The session in bold, then the rest of the sentence (its punctuation is the language's). */}
        <strong>{t('outcomes.followUp.session', session)}</strong>
        {t('outcomes.followUp.ask')}
      </p>
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
      <div className="outcome-words">
        <Field label={t('outcomes.followUp.how')}>
          <select
            value={contact}
            onChange={(event) => setContact(event.target.value as FollowUpInput['contact'])}
          >
            {FOLLOW_UP_CONTACTS.map((c) => (
              <option key={c} value={c}>
                {contactName(t, c)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('outcomes.followUp.day')} error={errors.date}>
          <DateInput value={date} onValue={setDate} />
        </Field>
        <Field label={t('outcomes.followUp.notes')} error={errors.notes}>
          <input
            type="text"
            autoComplete="off"
            value={notes}
            onChange={(event) => setNotes(event.target.value)}
          />
        </Field>
      </div>
      {withEffects && (
        <div className="follow-up-effects">
          {reports && reports.length > 0 && (
            <AfterEffectList reports={reports} canRemove={() => false} onRemove={() => {}} />
          )}
          <AfterEffectForm
            onSave={async (input) => {
              await repositories().afterEffects.report(item.sessionId, input, null);
            }}
          />
        </div>
      )}
      {withScores && profile && (
        <FollowUpScoresForm
          profile={profile}
          sessionId={null}
          date={null}
          earliest={baselineDate ?? null}
          onDone={() => setWithScores(false)}
          submitLabel={t('outcomes.followUp.saveScores')}
        />
      )}
      <div className="button-row">
        <button type="button" className="primary" onClick={() => void record('no-reactions')}>
          {t('outcomes.followUp.noReactions')}
        </button>
        {withEffects ? (
          <button type="button" className="primary" onClick={() => void record('after-effects')}>
            {t('outcomes.followUp.effectsDone')}
          </button>
        ) : (
          <button type="button" onClick={() => setWithEffects(true)}>
            {t('outcomes.followUp.effects')}
          </button>
        )}
        {profile && !withScores && (
          <button type="button" onClick={() => setWithScores(true)}>
            {t('outcomes.followUp.scores')}
          </button>
        )}
      </div>
    </section>
  );
}
