import { type ReactNode, useCallback, useState } from 'react';
import {
  DEFAULT_INTAKE_SETTINGS,
  INTAKE_SETTINGS_KEY,
  IntakeSettingsSchema,
} from '../../../src-shared/intake/settings';
import { navigate } from '../../app/router';
import { useIdle } from '../lock/useIdle';
import { useSetting } from '../settings/useSetting';
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
 */
function ClientModeScreen({ mode }: { mode: ClientMode }) {
  const [state, setState] = useState<'form' | 'cleared' | 'done'>('form');
  const [returning, setReturning] = useState(false);
  const settings = useSetting(INTAKE_SETTINGS_KEY, IntakeSettingsSchema, DEFAULT_INTAKE_SETTINGS);
  const clear = useCallback(() => setState((s) => (s === 'form' ? 'cleared' : s)), []);
  useIdle({ minutes: state === 'form' && settings ? settings.idleMinutes : null, onIdle: clear });

  const leave = () => {
    endClientMode();
    navigate({ name: 'client', clientId: mode.clientId });
  };

  return (
    <div className="client-mode" data-testid="client-mode">
      <main className="client-mode-main">
        {state === 'form' && <IntakeForm mode={mode} onSubmitted={() => setState('done')} />}
        {state === 'cleared' && (
          <section className="client-mode-message" aria-live="polite">
            <h1>This form has been put away</h1>
            <p>Your answers so far are kept safely. Please hand the device back to your therapist.</p>
          </section>
        )}
        {state === 'done' && (
          <section className="client-mode-message" aria-live="polite">
            <h1>Thank you</h1>
            <p>Your answers have been sent to your therapist. Please hand the device back to them.</p>
          </section>
        )}
      </main>
      <footer className="client-mode-footer">
        <button type="button" className="quiet" onClick={() => setReturning(true)}>
          Therapist: return
        </button>
      </footer>
      <TherapistReturn open={returning} onClose={() => setReturning(false)} onReturn={leave} />
    </div>
  );
}
