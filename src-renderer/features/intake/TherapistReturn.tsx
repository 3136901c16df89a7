import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useState } from 'react';
import {
  emptyPracticeSettings,
  PracticeSettingsSchema,
  SETTINGS_KEYS,
} from '../../../src-shared/domain/settings';
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
 * when no name is set). A client pressing buttons at random does not get out.
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
          ? `Too many wrong tries. Try again in ${formatWait(outcome.until - Date.now())}.`
          : 'That is not the passcode.',
      );
    } else {
      const expected = data.therapistName.trim() || 'therapist';
      if (sameName(value, expected)) return onReturn();
      setError(
        data.therapistName.trim() ? 'That is not the therapist’s name.' : 'Type the word “therapist”.',
      );
    }
    setValue('');
  };

  const label = data?.passcode
    ? 'App lock passcode'
    : data?.therapistName.trim()
      ? 'Type your name (the therapist’s name in Settings)'
      : 'Type the word “therapist”';
  return (
    <Dialog title="Therapist: return to Stillpoint" open={open} onClose={onClose}>
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
            Return
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
