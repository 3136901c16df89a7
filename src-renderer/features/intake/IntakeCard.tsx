import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Client } from '../../../src-shared/domain/client';
import { addMonths, localToday } from '../../../src-shared/domain/dates';
import { LANGUAGE_NAMES } from '../../../src-shared/i18n';
import { consentTextFor, DEFAULT_CONSENT_TEXT } from '../../../src-shared/intake/default-consent';
import { consentInForce } from '../../../src-shared/intake/records';
import {
  DEFAULT_INTAKE_SETTINGS,
  INTAKE_SETTINGS_KEY,
  IntakeSettingsSchema,
} from '../../../src-shared/intake/settings';
import { formatDate, formatTimestamp } from '../../app/format';
import { clientLanguage, useT } from '../../app/i18n';
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
 * when the client last confirmed their health history, and the consent on record. The
 * therapist's card, in the app's language; it says which language the client's form is in.
 */
export function IntakeCard({ client }: { client: Client }) {
  const t = useT();
  const data = useLiveQuery(async () => {
    const repos = repositories();
    const [toReview, lastConfirmedAt, consents, draft, settings, practiceConsent] = await Promise.all([
      repos.intake.toReview(client.id),
      repos.intake.lastConfirmedAt(client.id),
      repos.consents.listForClient(client.id),
      repos.intake.draft(client.id),
      repos.settings.get(INTAKE_SETTINGS_KEY, IntakeSettingsSchema, DEFAULT_INTAKE_SETTINGS),
      repos.consents.current(),
    ]);
    return {
      toReview,
      lastConfirmedAt,
      consent: consentInForce(consents),
      draft,
      settings,
      practiceConsentText: practiceConsent?.text ?? DEFAULT_CONSENT_TEXT,
    };
  }, [client.id]);
  const [reviewing, setReviewing] = useState<string | null>(null);
  const [message, setMessage] = useState<PaperOutcome | null>(null);
  if (!data) return null;
  const kind = data.lastConfirmedAt === null ? 'intake' : 'update';
  const due = updateDue(data.lastConfirmedAt, data.settings.updateAfterMonths);
  const open = data.toReview.find((s) => s.id === reviewing);
  const language = clientLanguage(client);
  const words = consentTextFor(language, data.practiceConsentText);

  return (
    <section className="card intake-card" aria-labelledby="intake-card-title">
      <h2 id="intake-card-title">{t('intake.card.title')}</h2>
      <dl className="facts two-col">
        <dt>{t('intake.card.confirmedLabel')}</dt>
        <dd>
          {data.lastConfirmedAt
            ? formatDate(data.lastConfirmedAt.slice(0, 10))
            : t('intake.card.neverConfirmed')}
          {due && <strong> · {t('intake.card.updateDue')}</strong>}
        </dd>
        <dt>{t('intake.card.consentLabel')}</dt>
        <dd>
          {data.consent
            ? t('intake.card.consentSigned', {
                version: data.consent.version,
                moment: formatTimestamp(data.consent.at),
                name: data.consent.typedName,
              })
            : t('intake.card.consentNone')}
        </dd>
        {data.draft && (
          <>
            <dt>{t('intake.card.draftLabel')}</dt>
            <dd>{t('intake.card.draftSaved', { moment: formatTimestamp(data.draft.updatedAt) })}</dd>
          </>
        )}
        <dt>{t('intake.card.languageLabel')}</dt>
        <dd data-testid="intake-language">{LANGUAGE_NAMES[language]}</dd>
      </dl>
      {words.standard && words.edited && (
        <p className="field-hint" role="note" data-testid="standard-consent">
          {t('intake.card.standardConsent', { language: LANGUAGE_NAMES[language] })}
        </p>
      )}
      {due && (
        <p className="notice warning" role="note">
          {t('intake.card.dueNotice', { months: data.settings.updateAfterMonths, name: client.firstName })}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="primary"
          onClick={() => startClientMode({ clientId: client.id, kind })}
        >
          {kind === 'intake' ? t('intake.card.handToClient') : t('intake.card.handUpdate')}
        </button>
        {data.consent && (
          <button
            type="button"
            onClick={() => {
              const consent = data.consent;
              if (consent) void saveSignedConsent(client.id, consent, t).then(setMessage);
            }}
          >
            {t('intake.card.saveConsentPdf')}
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
          <h3>{t('intake.card.toReview')}</h3>
          <ul>
            {data.toReview.map((submission) => (
              <li key={submission.id}>
                {t(
                  submission.kind === 'intake'
                    ? 'intake.card.submittedIntake'
                    : 'intake.card.submittedUpdate',
                  {
                    moment: formatTimestamp(submission.submittedAt),
                  },
                )}{' '}
                <button type="button" onClick={() => setReviewing(submission.id)}>
                  {t('intake.card.review')}
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
