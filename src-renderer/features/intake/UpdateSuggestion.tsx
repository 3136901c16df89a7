import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Client } from '../../../src-shared/domain/client';
import {
  DEFAULT_INTAKE_SETTINGS,
  INTAKE_SETTINGS_KEY,
  IntakeSettingsSchema,
} from '../../../src-shared/intake/settings';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { startClientMode } from './client-mode';
import { updateDue } from './IntakeCard';

/**
 * Issue 14, returning clients: a note just started with "New session" for a client whose health
 * history was last confirmed longer ago than Settings' period suggests the short update form.
 * A suggestion only: the note stays open and usable beside it, and "Not now" puts it away.
 */
export function UpdateSuggestion({ client }: { client: Client }) {
  const t = useT();
  const data = useLiveQuery(async () => {
    const repos = repositories();
    const [lastConfirmedAt, settings] = await Promise.all([
      repos.intake.lastConfirmedAt(client.id),
      repos.settings.get(INTAKE_SETTINGS_KEY, IntakeSettingsSchema, DEFAULT_INTAKE_SETTINGS),
    ]);
    return { lastConfirmedAt, months: settings.updateAfterMonths };
  }, [client.id]);
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || !data?.lastConfirmedAt || !updateDue(data.lastConfirmedAt, data.months)) return null;
  const name = client.preferredName.trim() || client.firstName.trim() || t('intake.suggestion.theClient');

  return (
    <section className="notice warning update-suggestion" aria-label={t('intake.suggestion.label')}>
      <p>{t('intake.suggestion.text', { name, date: formatDate(data.lastConfirmedAt.slice(0, 10)) })}</p>
      <div className="button-row">
        <button
          type="button"
          className="primary"
          onClick={() => startClientMode({ clientId: client.id, kind: 'update' })}
        >
          {t('intake.suggestion.hand')}
        </button>
        <button type="button" onClick={() => setDismissed(true)}>
          {t('intake.suggestion.notNow')}
        </button>
      </div>
    </section>
  );
}
