import { useState } from 'react';
import { DEFAULT_AFTERCARE_TEMPLATE } from '../../../src-shared/aftercare';
import {
  AFTERCARE_PLACEHOLDERS,
  type AftercareTemplate,
  AftercareTemplateSchema,
} from '../../../src-shared/domain/aftercare';
import { SETTINGS_KEYS } from '../../../src-shared/domain/settings';
import { fieldErrors } from '../../../src-shared/validation';
import { repositories } from '../../app/repositories';
import { Field } from '../../app/ui/Field';

type ListKey = 'whatToExpect' | 'selfCare' | 'seekHelp';
type TextKey = 'intro' | 'seekHelpAdvice' | 'contact' | 'closing';

const LISTS: { key: ListKey; label: string }[] = [
  { key: 'whatToExpect', label: 'What you may notice (one line each)' },
  { key: 'selfCare', label: 'Looking after yourself (one line each)' },
  { key: 'seekHelp', label: 'Seek medical help if (one line each)' },
];
const TEXTS: { key: TextKey; label: string }[] = [
  { key: 'intro', label: 'Opening line' },
  { key: 'seekHelpAdvice', label: 'What to do if a warning sign appears' },
  { key: 'contact', label: 'Contact line' },
  { key: 'closing', label: 'Closing line' },
];

/** The handout's wording, one textarea per part, with placeholders and a reset to the default. */
export function HandoutTemplateForm({ initial }: { initial: AftercareTemplate }) {
  const [draft, setDraft] = useState<Record<ListKey | TextKey, string>>(() => toDraft(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const save = async (template: Record<ListKey | TextKey, string>) => {
    const parsed = AftercareTemplateSchema.safeParse(fromDraft(template));
    if (!parsed.success) {
      const byField = fieldErrors(parsed.error);
      // "seekHelp.2" -> show under the seekHelp box
      const top: Record<string, string> = {};
      for (const [path, message] of Object.entries(byField)) {
        const [key, index] = path.split('.');
        if (key && !(key in top))
          top[key] = index !== undefined ? `Line ${Number(index) + 1}: ${message}` : message;
      }
      setErrors(top);
      setStatus({ kind: 'error', text: 'The handout text was not saved: see the messages below.' });
      return;
    }
    await repositories().settings.put(SETTINGS_KEYS.handoutTemplate, AftercareTemplateSchema, parsed.data);
    setErrors({});
    setStatus({ kind: 'ok', text: 'Handout text saved.' });
  };

  return (
    <form
      className="card settings-form"
      aria-labelledby="handout-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save(draft);
      }}
    >
      <div className="card-header">
        <h2 id="handout-title">Aftercare handout text</h2>
        <div className="button-row">
          <button
            type="button"
            onClick={() => {
              const defaults = toDraft(DEFAULT_AFTERCARE_TEMPLATE);
              setDraft(defaults);
              void save(defaults);
            }}
          >
            Reset to default
          </button>
          <button type="submit" className="primary">
            Save handout text
          </button>
        </div>
      </div>
      <p className="muted">
        Placeholders: {AFTERCARE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ')}. A sentence whose placeholder
        has nothing to fill it (no phone number yet, say) is left out of the handout. Keep the wording sober:
        describe what some people notice, make no promises.
      </p>
      {status && (
        <p className={`notice ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
      <div className="form-grid">
        {TEXTS.slice(0, 1).map(({ key, label }) => (
          <Field key={key} label={label} error={errors[key]} wide>
            <textarea
              rows={2}
              value={draft[key]}
              onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
            />
          </Field>
        ))}
        {LISTS.map(({ key, label }) => (
          <Field key={key} label={label} error={errors[key]} wide>
            <textarea
              rows={5}
              value={draft[key]}
              onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
            />
          </Field>
        ))}
        {TEXTS.slice(1).map(({ key, label }) => (
          <Field key={key} label={label} error={errors[key]} wide>
            <textarea
              rows={2}
              value={draft[key]}
              onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
            />
          </Field>
        ))}
      </div>
    </form>
  );
}

function toDraft(template: AftercareTemplate): Record<ListKey | TextKey, string> {
  return {
    intro: template.intro,
    whatToExpect: template.whatToExpect.join('\n'),
    selfCare: template.selfCare.join('\n'),
    seekHelp: template.seekHelp.join('\n'),
    seekHelpAdvice: template.seekHelpAdvice,
    contact: template.contact,
    closing: template.closing,
  };
}

function fromDraft(draft: Record<ListKey | TextKey, string>): AftercareTemplate {
  const lines = (text: string) =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  return {
    intro: draft.intro,
    whatToExpect: lines(draft.whatToExpect),
    selfCare: lines(draft.selfCare),
    seekHelp: lines(draft.seekHelp),
    seekHelpAdvice: draft.seekHelpAdvice,
    contact: draft.contact,
    closing: draft.closing,
  };
}
