import { useState } from 'react';
import { FOLLOW_UP_SETTINGS_KEY, FollowUpSettingsSchema } from '../../../src-shared/outcomes/schemas';
import { outcomeMessage } from '../../../src-shared/outcomes/words';
import { fieldErrors } from '../../../src-shared/validation';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { Field } from '../../app/ui/Field';
import { useFollowUpDays } from './useFollowUpDays';

/** Settings > Follow-up after a session: for how many days "Follow up" is shown. */
export function FollowUpSettingsCard() {
  const days = useFollowUpDays();
  if (days === undefined) return null;
  // Not keyed by the value: saving must not remount the form (it would lose "Saved").
  return <FollowUpSettingsForm initial={days} />;
}

function FollowUpSettingsForm({ initial }: { initial: number }) {
  const t = useT();
  const [text, setText] = useState(String(initial));
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const save = async () => {
    setSaved(false);
    const parsed = FollowUpSettingsSchema.safeParse({ days: text.trim() === '' ? Number.NaN : Number(text) });
    if (!parsed.success) {
      const message = fieldErrors(parsed.error).days;
      setError(message && outcomeMessage(t, message));
      return;
    }
    setError(undefined);
    await repositories().settings.put(FOLLOW_UP_SETTINGS_KEY, FollowUpSettingsSchema, parsed.data);
    setSaved(true);
  };
  return (
    <section className="card" aria-labelledby="follow-up-settings-title">
      <h2 id="follow-up-settings-title">{t('outcomes.settings.title')}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Field label={t('outcomes.settings.days')} hint={t('outcomes.settings.hint')} error={error}>
          <input
            type="number"
            min={1}
            max={30}
            step={1}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </Field>
        <div className="button-row">
          <button type="submit">{t('outcomes.save')}</button>
          {saved && <span role="status">{t('outcomes.saved')}</span>}
        </div>
      </form>
    </section>
  );
}
