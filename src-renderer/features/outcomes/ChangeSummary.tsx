import { describeChange, formatChange } from '../../../src-shared/outcomes/score';

/** The latest change from the baseline in words, with the literature's hint beside it (never a verdict). */
export function ChangeSummary({ change }: { change: number | null }) {
  if (change === null)
    return (
      <p className="muted outcome-change">
        No later scores yet: the change shows once the client scores again.
      </p>
    );
  const described = describeChange(change);
  return (
    <div className="outcome-change" data-testid="outcome-change">
      <p>
        <strong>Change from baseline: {formatChange(change)}</strong> — {described.text}.
      </p>
      <p className="field-hint">
        {described.hint}
        {described.reachesHint ? ' This change is 1 or more.' : ' This change is less than 1.'}
      </p>
    </div>
  );
}
