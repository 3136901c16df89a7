import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Client } from '../../../src-shared/domain/client';
import { addMonths, localToday } from '../../../src-shared/domain/dates';
import { consentInForce } from '../../../src-shared/intake/records';
import {
  DEFAULT_INTAKE_SETTINGS,
  INTAKE_SETTINGS_KEY,
  IntakeSettingsSchema,
} from '../../../src-shared/intake/settings';
import { formatDate, formatTimestamp } from '../../app/format';
import { repositories } from '../../app/repositories';
import { startClientMode } from './client-mode';
import { IntakeReview } from './IntakeReview';
import { type PaperOutcome, saveSignedConsent } from './paper';
import './intake.css';

/** Whether a returning client is due to confirm their health history again. */
export function updateDue(lastConfirmedAt: string | null, months: number, today = localToday()): boolean {
  if (lastConfirmedAt === null) return false;
  return addMonths(lastConfirmedAt.slice(0, 10), months) <= today;
}

/**
 * Intake and consent on the client page: hand the app to the client, forms waiting for review,
 * when the client last confirmed their health history, and the consent on record.
 */
export function IntakeCard({ client }: { client: Client }) {
  const data = useLiveQuery(async () => {
    const repos = repositories();
    const [toReview, lastConfirmedAt, consents, draft, settings] = await Promise.all([
      repos.intake.toReview(client.id),
      repos.intake.lastConfirmedAt(client.id),
      repos.consents.listForClient(client.id),
      repos.intake.draft(client.id),
      repos.settings.get(INTAKE_SETTINGS_KEY, IntakeSettingsSchema, DEFAULT_INTAKE_SETTINGS),
    ]);
    return { toReview, lastConfirmedAt, consent: consentInForce(consents), draft, settings };
  }, [client.id]);
  const [reviewing, setReviewing] = useState<string | null>(null);
  const [message, setMessage] = useState<PaperOutcome | null>(null);
  if (!data) return null;
  const kind = data.lastConfirmedAt === null ? 'intake' : 'update';
  const due = updateDue(data.lastConfirmedAt, data.settings.updateAfterMonths);
  const open = data.toReview.find((s) => s.id === reviewing);

  return (
    <section className="card intake-card" aria-labelledby="intake-card-title">
      <h2 id="intake-card-title">Intake and consent</h2>
      <dl className="facts two-col">
        <dt>Health history confirmed by the client</dt>
        <dd>
          {data.lastConfirmedAt ? formatDate(data.lastConfirmedAt.slice(0, 10)) : 'Never: no intake form yet'}
          {due && <strong> · An update is due</strong>}
        </dd>
        <dt>Consent signed on screen</dt>
        <dd>
          {data.consent
            ? `Version ${data.consent.version}, signed ${formatTimestamp(data.consent.at)} by ${data.consent.typedName}`
            : 'None in force'}
        </dd>
        {data.draft && (
          <>
            <dt>Form in progress</dt>
            <dd>Started, last saved {formatTimestamp(data.draft.updatedAt)}</dd>
          </>
        )}
      </dl>
      {due && (
        <p className="notice warning" role="note">
          It is more than {data.settings.updateAfterMonths} months since {client.firstName} last confirmed
          their health history. Before the next session, hand them the short update form: “Has anything
          changed since your last visit?”
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="primary"
          onClick={() => startClientMode({ clientId: client.id, kind })}
        >
          {kind === 'intake' ? 'Hand to client' : 'Hand to client: update form'}
        </button>
        {data.consent && (
          <button
            type="button"
            onClick={() => {
              const consent = data.consent;
              if (consent) void saveSignedConsent(client.id, consent).then(setMessage);
            }}
          >
            Save signed consent as PDF
          </button>
        )}
      </div>
      {message && (
        <p className={message.ok ? 'notice ok' : 'notice warning'} role="status">
          {message.text}
        </p>
      )}
      {data.toReview.length > 0 && (
        <div className="intake-to-review">
          <h3>Intake to review</h3>
          <ul>
            {data.toReview.map((submission) => (
              <li key={submission.id}>
                {submission.kind === 'intake' ? 'Intake form' : 'Health update'} submitted{' '}
                {formatTimestamp(submission.submittedAt)}{' '}
                <button type="button" onClick={() => setReviewing(submission.id)}>
                  Review
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {open && <IntakeReview client={client} submission={open} onDone={() => setReviewing(null)} />}
    </section>
  );
}
