import { type FormEvent, type Ref, useId, useState } from 'react';
import { fieldMessage } from '../../../src-shared/i18n/field-messages';
import { useT } from '../../app/i18n';
import { Dialog } from '../../app/ui/Dialog';
import { Field } from '../../app/ui/Field';
import { focusField, useDraftValue } from './draft-context';
import { fieldName } from './draft-edits';

/**
 * "Sign note": who signs, the button, and (after a refused attempt) every problem in one list,
 * each a link to its field. The messages also stand beside the fields themselves.
 */
export function SignPanel({
  signer,
  onSignerChange,
  onSignerCommit,
  problems,
  showProblems,
  busy,
  failure,
  onSign,
  summaryRef,
}: {
  signer: string;
  onSignerChange: (value: string) => void;
  /** Called when the name is complete (the field loses focus), to remember it. */
  onSignerCommit: (value: string) => void;
  problems: Record<string, string>;
  showProblems: boolean;
  busy: boolean;
  failure: string | null;
  /** `name` is given when it was just asked for (the field was empty). */
  onSign: (name?: string) => void;
  summaryRef: Ref<HTMLDivElement>;
}) {
  const t = useT();
  const summaryId = useId();
  const entries = Object.entries(problems);
  // On a fresh install nobody has signed yet: "Sign note" asks for the name and carries on.
  const [asking, setAsking] = useState(false);
  const signOrAsk = () => (signer.trim() === '' ? setAsking(true) : onSign());
  return (
    <section className="card sign-panel" aria-labelledby="sign-title">
      <h2 id="sign-title">{t('sessions.sign.title')}</h2>
      <p className="muted card-intro">{t('sessions.sign.intro')}</p>
      {showProblems && entries.length > 0 && (
        <div
          className="notice error sign-problems"
          role="alert"
          tabIndex={-1}
          ref={summaryRef}
          id={summaryId}
        >
          <p>{t('sessions.sign.problems', { count: entries.length })}</p>
          <ProblemList entries={entries} />
        </div>
      )}
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
      <div className="sign-row">
        <Field
          label={t('sessions.sign.signedBy')}
          hint={signer.trim() === '' ? t('sessions.sign.signedByHint') : undefined}
          error={showProblems ? problems.signedBy : undefined}
        >
          <input
            type="text"
            autoComplete="name"
            data-path="signedBy"
            value={signer}
            onChange={(e) => onSignerChange(e.target.value)}
            onBlur={(e) => onSignerCommit(e.target.value)}
          />
        </Field>
        <button type="button" className="primary sign-button" onClick={signOrAsk} disabled={busy}>
          {t('sessions.sign.signNote')}
        </button>
      </div>
      <SignerPrompt
        open={asking}
        onClose={() => setAsking(false)}
        onName={(name) => {
          setAsking(false);
          onSignerChange(name);
          onSignerCommit(name);
          onSign(name);
        }}
      />
    </section>
  );
}

/** Each problem as a link to its field, named as the draft stands now. */
function ProblemList({ entries }: { entries: [string, string][] }) {
  const t = useT();
  const draft = useDraftValue((d) => d);
  return (
    <ul>
      {entries.map(([path, message]) => (
        <li key={path}>
          <button type="button" className="link" onClick={() => focusField(path)}>
            {t('sessions.sign.problem', {
              field: fieldName(path, draft, t),
              message: fieldMessage(t, message),
            })}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** "Who is signing?": the one detail signing needs, asked for in place. */
function SignerPrompt({
  open,
  onClose,
  onName,
}: {
  open: boolean;
  onClose: () => void;
  onName: (name: string) => void;
}) {
  const t = useT();
  const [name, setName] = useState('');
  const [tried, setTried] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (name.trim() !== '') onName(name.trim());
  };
  return (
    <Dialog title={t('sessions.sign.whoTitle')} open={open} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p className="muted">{t('sessions.sign.whoIntro')}</p>
        <Field
          label={t('sessions.sign.yourName')}
          error={tried && name.trim() === '' ? t('sessions.sign.enterName') : undefined}
        >
          <input
            type="text"
            autoComplete="name"
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <div className="button-row dialog-actions">
          <button type="submit" className="primary">
            {t('sessions.sign.signNote')}
          </button>
          <button type="button" onClick={onClose}>
            {t('sessions.common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
