import './welcome.css';
import { useState } from 'react';
import { repositories } from '../../app/repositories';
import { useSamplePractice } from './welcome-state';

/**
 * While the sample practice is loaded: a notice saying so, with the one button that removes the
 * sample clients (and only them) again.
 */
export function SampleNotice() {
  const sample = useSamplePractice();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (!sample) return null;
  const remove = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await repositories().samplePractice.remove();
    } catch (error) {
      setFailure(
        `The sample clients could not be removed: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setBusy(false);
    }
  };
  const count = sample.clientIds.length;
  return (
    <section className="notice sample-notice" aria-label="Sample practice">
      <p>
        <strong>Sample practice.</strong> {count} made-up client{count === 1 ? ' is' : 's are'} here to look
        around with, each marked “Sample”. Clients you add yourself stay when these go.
      </p>
      <button type="button" onClick={() => void remove()} disabled={busy}>
        Remove sample clients
      </button>
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}

/** "Sample" beside a made-up client's name. */
export function SampleTag() {
  return <span className="sample-tag">Sample</span>;
}

/** The ids of the sample clients (empty when none are loaded). */
export function useSampleClientIds(): ReadonlySet<string> {
  const sample = useSamplePractice();
  return new Set(sample?.clientIds ?? []);
}
