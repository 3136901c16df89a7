import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { IsoDateSchema, localToday } from '../../../src-shared/domain/dates';
import {
  FOLLOW_UP_CONTACT_LABELS,
  FOLLOW_UP_CONTACTS,
  type FollowUpInput,
} from '../../../src-shared/outcomes/schemas';
import { OUTCOME_MESSAGES } from '../../../src-shared/outcomes/wording';
import { formatDate } from '../../app/format';
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
  const days = useFollowUpDays();
  const today = localToday();
  const due = useLiveQuery(
    async () => (days === undefined ? [] : repositories().followUps.due({ days, today, clientId })),
    [clientId, days, today],
  );
  if (!due || due.length === 0) return null;
  return (
    <section className="card follow-up-card" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">Follow up</h2>
      {due.map((item) => (
        <FollowUpItem key={item.sessionId} item={item} clientId={clientId} />
      ))}
    </section>
  );
}

function FollowUpItem({ item, clientId }: { item: DueFollowUp; clientId: string }) {
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
    if (!IsoDateSchema.safeParse(date).success) found.date = 'Enter the day you spoke with the client';
    else if (date < item.serviceDate) found.date = OUTCOME_MESSAGES.followUpBeforeSession;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await repositories().followUps.record(item.sessionId, { date, contact, outcome, notes });
    } catch (error) {
      const parsed = errorsByField(error);
      setErrors(parsed.fields);
      setFailure(parsed.form && `Not saved: ${parsed.form}`);
    }
  };

  const label = `Session ${item.sessionNumber ?? ''} on ${formatDate(item.serviceDate)}`;
  return (
    <section className="follow-up-item" aria-label={`Follow up after ${label}`}>
      <p>
        <strong>{label}</strong>: ask how the days after it went.
      </p>
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
      <div className="outcome-words">
        <Field label="How you reached them">
          <select
            value={contact}
            onChange={(event) => setContact(event.target.value as FollowUpInput['contact'])}
          >
            {FOLLOW_UP_CONTACTS.map((c) => (
              <option key={c} value={c}>
                {FOLLOW_UP_CONTACT_LABELS[c]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Day of the follow-up" error={errors.date}>
          <DateInput value={date} onValue={setDate} />
        </Field>
        <Field label="Notes (optional)" error={errors.notes}>
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
          submitLabel="Save outcome scores"
        />
      )}
      <div className="button-row">
        <button type="button" className="primary" onClick={() => void record('no-reactions')}>
          No reactions
        </button>
        {withEffects ? (
          <button type="button" className="primary" onClick={() => void record('after-effects')}>
            Done: after-effects recorded
          </button>
        ) : (
          <button type="button" onClick={() => setWithEffects(true)}>
            After-effects…
          </button>
        )}
        {profile && !withScores && (
          <button type="button" onClick={() => setWithScores(true)}>
            Outcome scores…
          </button>
        )}
      </div>
    </section>
  );
}
