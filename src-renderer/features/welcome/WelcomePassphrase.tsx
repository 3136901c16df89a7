import { type FormEvent, useEffect, useState } from 'react';
import { currentLanguage, useT } from '../../app/i18n';
import { Field } from '../../app/ui/Field';
import { platform } from '../../platform';
import { INSECURE_KEY_WARNING } from '../backup/automatic-backups';
import { setBackupStatus, useBackupStatus } from '../backup/backup-status';
import {
  loadStrengthEstimator,
  passphraseProblem,
  passphraseStrength,
  type StrengthEstimator,
} from '../backup/passphrase';

/**
 * The backup passphrase, chosen once and kept (encrypted by the operating system) so automatic
 * backups can run. The same strength rules as "Make a backup".
 */
export function WelcomePassphrase() {
  const t = useT();
  const { status } = useBackupStatus();
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const [tried, setTried] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [estimator, setEstimator] = useState<StrengthEstimator | null>(null);

  // The app language's word lists too; loaded again when the language changes (useT re-renders).
  const language = currentLanguage();
  useEffect(() => {
    let live = true;
    loadStrengthEstimator(language)
      .then((loaded) => live && setEstimator(loaded))
      .catch(() => undefined); // loaded again (and awaited) when the passphrase is saved
    return () => {
      live = false;
    };
  }, [language]);

  if (status?.keyStorage === 'unavailable') {
    return <p className="field-hint">{t('welcome.passphrase.noKeyStore')}</p>;
  }
  if (status?.hasKey) {
    return (
      <p className="notice ok" role="status">
        {t('welcome.passphrase.kept')}
      </p>
    );
  }

  const strength = passphraseStrength(passphrase, estimator);
  const problem = passphraseProblem(passphrase, repeated, strength);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setMessage(null);
    let loaded: StrengthEstimator;
    try {
      loaded = estimator ?? (await loadStrengthEstimator(language));
    } catch {
      setMessage({ kind: 'error', text: t('welcome.passphrase.checkFailed') });
      return;
    }
    if (passphraseProblem(passphrase, repeated, passphraseStrength(passphrase, loaded))) return;
    const stored = await platform().backupStoreKey({ passphrase });
    if (!stored.ok) {
      setMessage({ kind: 'error', text: stored.error.message });
      return;
    }
    setBackupStatus(stored.value);
    setPassphrase('');
    setRepeated('');
    setTried(false);
  };

  return (
    <form onSubmit={save} noValidate aria-label={t('welcome.passphrase.form')}>
      <div className="form-grid">
        <Field
          label={t('welcome.passphrase.label')}
          hint={passphrase ? `${strength.label}. ${strength.advice}` : strength.advice}
          error={
            tried && (strength.strength === 'too-short' || strength.strength === 'weak')
              ? (problem ?? undefined)
              : undefined
          }
        >
          <input
            type="password"
            autoComplete="new-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </Field>
        <Field
          label={t('welcome.passphrase.again')}
          error={
            tried && strength.strength !== 'too-short' && strength.strength !== 'weak' && problem
              ? problem
              : undefined
          }
        >
          <input
            type="password"
            autoComplete="new-password"
            value={repeated}
            onChange={(e) => setRepeated(e.target.value)}
          />
        </Field>
      </div>
      {status?.keyStorage === 'insecure' && <p className="notice warning">{INSECURE_KEY_WARNING}</p>}
      <p className="muted">{t('welcome.passphrase.writeDown')}</p>
      <div className="button-row">
        <button type="submit">{t('welcome.passphrase.keep')}</button>
      </div>
      {message && (
        <p className={`notice ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
