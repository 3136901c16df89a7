import { type Ref, useId } from 'react';
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
  onSign: () => void;
  summaryRef: Ref<HTMLDivElement>;
}) {
  const summaryId = useId();
  const entries = Object.entries(problems);
  return (
    <section className="card sign-panel" aria-labelledby="sign-title">
      <h2 id="sign-title">Sign and lock</h2>
      <p className="muted card-intro">
        Signing makes the note final. It is never edited after that: corrections are added as addenda, with
        date, time and reason, under the original.
      </p>
      {showProblems && entries.length > 0 && (
        <div
          className="notice error sign-problems"
          role="alert"
          tabIndex={-1}
          ref={summaryRef}
          id={summaryId}
        >
          <p>
            Not signed yet: {entries.length} {entries.length === 1 ? 'thing needs' : 'things need'} attention.
            The draft is saved as it is.
          </p>
          <ProblemList entries={entries} />
        </div>
      )}
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
      <div className="sign-row">
        <Field label="Signed by" error={showProblems ? problems.signedBy : undefined}>
          <input
            type="text"
            autoComplete="name"
            data-path="signedBy"
            value={signer}
            onChange={(e) => onSignerChange(e.target.value)}
            onBlur={(e) => onSignerCommit(e.target.value)}
          />
        </Field>
        <button type="button" className="primary sign-button" onClick={onSign} disabled={busy}>
          Sign note
        </button>
      </div>
    </section>
  );
}

/** Each problem as a link to its field, named as the draft stands now. */
function ProblemList({ entries }: { entries: [string, string][] }) {
  const draft = useDraftValue((d) => d);
  return (
    <ul>
      {entries.map(([path, message]) => (
        <li key={path}>
          <button type="button" className="link" onClick={() => focusField(path)}>
            {fieldName(path, draft)}: {message}
          </button>
        </li>
      ))}
    </ul>
  );
}
