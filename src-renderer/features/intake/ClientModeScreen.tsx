import { useLiveQuery } from 'dexie-react-hooks';
import { type ReactNode, useCallback, useState } from 'react';
import type { Language } from '../../../src-shared/i18n';
import {
  DEFAULT_INTAKE_SETTINGS,
  INTAKE_SETTINGS_KEY,
  IntakeSettingsSchema,
} from '../../../src-shared/intake/settings';
import { clientLanguage, useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { navigate } from '../../app/router';
import { useIdle } from '../lock/useIdle';
import { useSetting } from '../settings/useSetting';
import { ClientLanguage } from './client-language';
import { type ClientMode, endClientMode, useClientMode } from './client-mode';
import { IntakeForm } from './IntakeForm';
import { TherapistReturn } from './TherapistReturn';
import './intake.css';

/** Above the app shell: in client mode, the intake screen is all that renders. */
export function ClientModeGate({ children }: { children: ReactNode }) {
  const mode = useClientMode();
  return mode ? <ClientModeScreen key={`${mode.clientId}-${mode.kind}`} mode={mode} /> : children;
}

/**
 * The full-window screen the client sees: no navigation, no other client, no way back but the
 * therapist's. After the idle time the screen clears (the answers are already kept as a draft).
 * The client's part is in the client's preferred language (the app's when they have none); the
 * therapist's way back stays in the app's language.
 */
function ClientModeScreen({ mode }: { mode: ClientMode }) {
  const t = useT();
  const [state, setState] = useState<'form' | 'cleared' | 'done'>('form');
  const [returning, setReturning] = useState(false);
  const settings = useSetting(INTAKE_SETTINGS_KEY, IntakeSettingsSchema, DEFAULT_INTAKE_SETTINGS);
  const client = useLiveQuery(
    async () => ({ client: await repositories().clients.get(mode.clientId) }),
    [mode.clientId],
  );
  const clear = useCallback(() => setState((s) => (s === 'form' ? 'cleared' : s)), []);
  useIdle({ minutes: state === 'form' && settings ? settings.idleMinutes : null, onIdle: clear });
  const language = client ? clientLanguage(client.client ?? {}) : null;

  const leave = () => {
    endClientMode();
    navigate({ name: 'client', clientId: mode.clientId });
  };

  return (
    <div className="client-mode" data-testid="client-mode">
      {language && (
        <main className="client-mode-main" lang={language}>
          <ClientLanguage language={language}>
            <ClientPart mode={mode} language={language} state={state} onSubmitted={() => setState('done')} />
          </ClientLanguage>
        </main>
      )}
      <footer className="client-mode-footer">
        <button type="button" className="quiet" onClick={() => setReturning(true)}>
          {t('intake.clientMode.therapistReturn')}
        </button>
      </footer>
      <TherapistReturn open={returning} onClose={() => setReturning(false)} onReturn={leave} />
    </div>
  );
}

/** What the client reads, in the client's language (inside ClientLanguage). */
function ClientPart({
  mode,
  language,
  state,
  onSubmitted,
}: {
  mode: ClientMode;
  language: Language;
  state: 'form' | 'cleared' | 'done';
  onSubmitted: () => void;
}) {
  const t = useT();
  if (state === 'form') return <IntakeForm mode={mode} language={language} onSubmitted={onSubmitted} />;
  const done = state === 'done';
  return (
    <section className="client-mode-message" aria-live="polite">
      <h1>{done ? t('intake.clientMode.thanksTitle') : t('intake.clientMode.putAwayTitle')}</h1>
      <p>{done ? t('intake.clientMode.thanksText') : t('intake.clientMode.putAwayText')}</p>
    </section>
  );
}
