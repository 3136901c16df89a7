import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useState } from 'react';
import {
  emptyPracticeSettings,
  PracticeSettingsSchema,
  SETTINGS_KEYS,
} from '../../../src-shared/domain/settings';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { Dialog } from '../../app/ui/Dialog';
import { formatWait, readLockSettings, tryPasscode } from '../lock/lock-service';

/** Letters only, any case or accent: "Anna Lind" and "anna  lind" are the same name. */
function sameName(a: string, b: string): boolean {
  const fold = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[^\p{L}]/gu, '')
      .toLowerCase();
  return fold(a) !== '' && fold(a) === fold(b);
}

/**
 * The one way out of client mode: the app lock passcode where one is set (with its wrong-try
 * waits), otherwise the therapist types their name from Settings (or the word "therapist"
 * in the app's language, or in English, when no name is set). A client pressing buttons at
 * random does not get out. In the app's language: this is the therapist's, not the client's.
 */
export function TherapistReturn({
  open,
  onClose,
  onReturn,
}: {
  open: boolean;
  onClose: () => void;
  onReturn: () => void;
}) {
  const t = useT();
  const word = t('intake.return.word');
  const data = useLiveQuery(async () => {
    const repos = repositories();
    const [lock, practice] = await Promise.all([
      readLockSettings(repos.settings),
      repos.settings.get(SETTINGS_KEYS.practice, PracticeSettingsSchema, emptyPracticeSettings('en-GB')),
    ]);
    return { passcode: lock.passcode, therapistName: practice.therapistName };
  }, []);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!data) return;
    if (data.passcode) {
      const outcome = await tryPasscode(repositories().settings, data.passcode, value);
      if (outcome.kind === 'right') return onReturn();
      setError(
        outcome.kind === 'wait'
          ? t('intake.return.tooMany', { wait: formatWait(outcome.until - Date.now()) })
          : t('intake.return.wrongPasscode'),
      );
    } else {
      const name = data.therapistName.trim();
      const accepted = name ? [name] : [word, 'therapist'];
      if (accepted.some((expected) => sameName(value, expected))) return onReturn();
      setError(name ? t('intake.return.wrongName') : t('intake.return.wrongWord', { word }));
    }
    setValue('');
  };

  const label = data?.passcode
    ? t('intake.return.passcodeLabel')
    : data?.therapistName.trim()
      ? t('intake.return.nameLabel')
      : t('intake.return.wordLabel', { word });
  return (
    <Dialog title={t('intake.return.title')} open={open} onClose={onClose}>
      <form onSubmit={(event) => void submit(event)} className="stack">
        <div className="field">
          <label htmlFor="therapist-return">{label}</label>
          <input
            id="therapist-return"
            type={data?.passcode ? 'password' : 'text'}
            autoComplete="off"
            value={value}
            onChange={(event) => {
              setValue(event.target.value);
              setError(null);
            }}
          />
          {error && (
            <span className="field-error" role="alert">
              {error}
            </span>
          )}
        </div>
        <div className="button-row">
          <button type="submit" className="primary" disabled={!data || value === ''}>
            {t('intake.return.submit')}
          </button>
          <button type="button" onClick={onClose}>
            {t('intake.return.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
