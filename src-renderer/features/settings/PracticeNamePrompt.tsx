import { type FormEvent, useState } from 'react';
import {
  type PracticeSettings,
  PracticeSettingsSchema,
  SETTINGS_KEYS,
} from '../../../src-shared/domain/settings';
import { describeIssues } from '../../../src-shared/validation';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { Field } from '../../app/ui/Field';

/** True when the practice details lack what a printed page needs at its head. */
export function lacksPracticeName(practice: PracticeSettings): boolean {
  return practice.practice.name.trim() === '' || practice.therapistName.trim() === '';
}

/**
 * The two details every printed page needs (the practice's name and yours), asked for where the
 * therapist is, so printing carries on without a trip to Settings. Everything else in the
 * practice details stays as it is; the rest can be added in Settings whenever.
 */
export function PracticeNamePrompt({
  current,
  suggestedName,
  purpose,
}: {
  current: PracticeSettings;
  /** Prefills "Your name" (the name last used to sign a note). */
  suggestedName?: string;
  /** What the details are for, e.g. "They head every handout." */
  purpose: string;
}) {
  const t = useT();
  const [practiceName, setPracticeName] = useState(current.practice.name);
  const [yourName, setYourName] = useState(current.therapistName || suggestedName || '');
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setFailure(null);
    if (practiceName.trim() === '' || yourName.trim() === '') return;
    const next = {
      ...current,
      practice: { ...current.practice, name: practiceName.trim() },
      therapistName: yourName.trim(),
    };
    const parsed = PracticeSettingsSchema.safeParse(next);
    if (!parsed.success) {
      setFailure(describeIssues(parsed.error).join('; '));
      return;
    }
    try {
      await repositories().settings.put(SETTINGS_KEYS.practice, PracticeSettingsSchema, parsed.data);
    } catch (error) {
      setFailure(
        t('settings.prompt.notSaved', { reason: error instanceof Error ? error.message : String(error) }),
      );
    }
  };

  return (
    <form
      className="notice practice-prompt"
      onSubmit={save}
      noValidate
      aria-labelledby="practice-prompt-title"
    >
      <h3 id="practice-prompt-title">{t('settings.prompt.title')}</h3>
      <p>
        {purpose} {t('settings.prompt.later')}
      </p>
      <div className="form-grid">
        <Field
          label={t('settings.prompt.practiceName')}
          error={tried && practiceName.trim() === '' ? t('settings.prompt.practiceNameMissing') : undefined}
        >
          <input
            type="text"
            autoComplete="organization"
            value={practiceName}
            onChange={(e) => setPracticeName(e.target.value)}
          />
        </Field>
        <Field
          label={t('settings.prompt.yourName')}
          hint={t('settings.prompt.yourNameHint')}
          error={tried && yourName.trim() === '' ? t('settings.prompt.yourNameMissing') : undefined}
        >
          <input
            type="text"
            autoComplete="name"
            value={yourName}
            onChange={(e) => setYourName(e.target.value)}
          />
        </Field>
      </div>
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary">
          {t('settings.prompt.save')}
        </button>
      </div>
    </form>
  );
}
