import { type FormEvent, useState } from 'react';
import { emptyClientInput } from '../../../src-shared/domain/client';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../src-shared/i18n';
import { currentLanguage, useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { navigate } from '../../app/router';
import { Dialog } from '../../app/ui/Dialog';
import { startClientMode } from './client-mode';

/**
 * "New client", filled in by the client: the therapist types the name (so the record can be
 * found) and, if it is not the app's, the language the client reads (the form and consent are
 * in it), then hands the app over; the client gives everything else on the intake form. The
 * names are asked in a dialog, so the New client page keeps one "First name" field.
 */
export function HandToNewClient() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <section className="card" aria-labelledby="hand-new-title">
      <h2 id="hand-new-title">{t('intake.hand.title')}</h2>
      <p className="muted">{t('intake.hand.lead')}</p>
      <div className="button-row">
        <button type="button" onClick={() => setOpen(true)}>
          {t('intake.hand.open')}
        </button>
      </div>
      <Dialog title={t('intake.hand.dialogTitle')} open={open} onClose={() => setOpen(false)}>
        <NamesForm onCancel={() => setOpen(false)} />
      </Dialog>
    </section>
  );
}

function NamesForm({ onCancel }: { onCancel: () => void }) {
  const t = useT();
  const [first, setFirst] = useState('');
  const [last, setLast] = useState('');
  const [language, setLanguage] = useState<Language | ''>('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!first.trim() || !last.trim()) {
      setError(t('intake.hand.namesMissing'));
      return;
    }
    try {
      const client = await repositories().clients.create({
        ...emptyClientInput(),
        firstName: first,
        lastName: last,
        preferredLanguage: language || undefined,
      });
      // The client page is where the therapist comes back to.
      navigate({ name: 'client', clientId: client.id });
      startClientMode({ clientId: client.id, kind: 'intake' });
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    }
  };
  return (
    <form className="stack" onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label htmlFor="hand-first">{t('intake.hand.firstName')}</label>
        <input id="hand-first" type="text" value={first} onChange={(e) => setFirst(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="hand-last">{t('intake.hand.lastName')}</label>
        <input id="hand-last" type="text" value={last} onChange={(e) => setLast(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="hand-language">{t('clientLanguage.label')}</label>
        <select
          id="hand-language"
          value={language}
          onChange={(e) => setLanguage(e.target.value as Language | '')}
        >
          <option value="">
            {t('clientLanguage.appLanguage', { language: LANGUAGE_NAMES[currentLanguage()] })}
          </option>
          {LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary">
          {t('intake.hand.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('intake.hand.cancel')}
        </button>
      </div>
    </form>
  );
}
