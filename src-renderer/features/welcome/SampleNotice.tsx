import './welcome.css';
import { useState } from 'react';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { useSamplePractice } from './welcome-state';

/**
 * While the sample practice is loaded: a notice saying so, with the one button that removes the
 * sample clients (and only them) again.
 */
export function SampleNotice() {
  const t = useT();
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
        t('welcome.sample.removeFailed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setBusy(false);
    }
  };
  const count = sample.clientIds.length;
  return (
    <section className="notice sample-notice" aria-label={t('welcome.sample.label')}>
      <p>
        <strong>{t('welcome.sample.title')}</strong> {t('welcome.sample.text', { count })}
      </p>
      <button type="button" onClick={() => void remove()} disabled={busy}>
        {t('welcome.sample.remove')}
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
  const t = useT();
  return <span className="sample-tag">{t('welcome.sample.tag')}</span>;
}

/** The ids of the sample clients (empty when none are loaded). */
export function useSampleClientIds(): ReadonlySet<string> {
  const sample = useSamplePractice();
  return new Set(sample?.clientIds ?? []);
}
