import { type FormEvent, useState } from 'react';
import { pairingCodeForSecrets } from '../../../src-shared/sync/pairing-code';
import { useT } from '../../app/i18n';
import { PairingFields, readPairingFields } from './PairingFields';
import { PairingCode, turnOn } from './PracticeSyncCard';
import { rotateRunningPracticeKey } from './practice-sync';

/**
 * "Rotate the practice key" (docs/sync.md): after a clear confirmation of what it does and does
 * not do (the server's password is the administrator's to change), the key is rotated and the new
 * pairing code shown, for the practice's other computers to pair again.
 */
export function RotatePracticeKey() {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const rotate = async () => {
    setBusy(true);
    setError(null);
    const result = await rotateRunningPracticeKey();
    setBusy(false);
    setAsking(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    const pairing = pairingCodeForSecrets(result.secrets);
    if (pairing) setCode(pairing);
    else setError(t('sync.card.keyDamaged'));
  };
  return (
    <section aria-labelledby="rotate-key-title">
      <h3 id="rotate-key-title">{t('sync.rotate.title')}</h3>
      {!asking && !code && (
        <button type="button" onClick={() => setAsking(true)}>
          {t('sync.rotate.button')}
        </button>
      )}
      {asking && (
        <div className="rotate-key-confirm">
          <p>{t('sync.rotate.what')}</p>
          <p>{t('sync.rotate.whatNot')}</p>
          {busy && <p role="status">{t('sync.rotate.busy')}</p>}
          <div className="button-row">
            <button type="button" disabled={busy} onClick={() => void rotate()}>
              {t('sync.rotate.confirm')}
            </button>
            <button type="button" disabled={busy} onClick={() => setAsking(false)}>
              {t('sync.card.cancel')}
            </button>
          </div>
        </div>
      )}
      {error && <p role="alert">{error}</p>}
      {code && (
        <>
          <p role="status">{t('sync.rotate.done')}</p>
          <PairingCode code={code} />
        </>
      )}
    </section>
  );
}

/**
 * On a computer whose practice key was replaced elsewhere: the new pairing code (and the sync
 * password, which the administrator may have changed). Main keeps the old key until this computer
 * has re-encrypted what it wrote under it; the records and the computer's name stay.
 */
export function PairAgain({ computerName }: { computerName: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { setup, errors: found } = readPairingFields(code, password, t);
    setErrors(found);
    if (!setup) return;
    setBusy(true);
    const problem = await turnOn({ ...setup, computerName });
    setBusy(false);
    if (problem) setErrors({ form: problem });
  };
  if (!open) {
    return (
      <div className="button-row">
        <button type="button" onClick={() => setOpen(true)}>
          {t('sync.card.pairAgainButton')}
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('sync.card.pairAgainForm')}>
      <p className="muted">{t('sync.card.pairAgainIntro')}</p>
      <PairingFields
        code={code}
        setCode={setCode}
        password={password}
        setPassword={setPassword}
        errors={errors}
      />
      {errors.form && <p role="alert">{errors.form}</p>}
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {t('sync.card.pairAgainSubmit')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('sync.card.cancel')}
        </button>
      </div>
    </form>
  );
}
