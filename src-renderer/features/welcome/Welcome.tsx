import { useRef, useState } from 'react';
import { localToday } from '../../../src-shared/domain/dates';
import {
  emptyPracticeSettings,
  PracticeSettingsSchema,
  SETTINGS_KEYS,
} from '../../../src-shared/domain/settings';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import type { Route } from '../../app/router';
import { BackupFolderRow } from '../backup/BackUpNowCard';
import { AppLockCard } from '../lock/AppLockCard';
import { useSetting } from '../settings/useSetting';
import { WelcomePassphrase } from './WelcomePassphrase';
import { WelcomePracticeStep } from './WelcomePracticeStep';
import { markWelcomeDone, useSamplePractice } from './welcome-state';
import './welcome.css';

const locale = typeof navigator !== 'undefined' ? navigator.language : 'en-GB';

type Step = 'practice' | 'safety';

/**
 * The Welcome screens: on first start (WelcomeGate) and from Settings later. Two calm steps,
 * each skippable: the practice's details, then backups and the app lock. "Try it with sample
 * clients" fills the app with a small made-up practice to look around in.
 * `onDone` is called with where to go next once Welcome is marked done.
 */
export function Welcome({ onDone, fromSettings }: { onDone: (next: Route) => void; fromSettings?: boolean }) {
  const t = useT();
  const [step, setStep] = useState<Step>('practice');
  const practice = useSetting(SETTINGS_KEYS.practice, PracticeSettingsSchema, emptyPracticeSettings(locale));
  const heading = useRef<HTMLHeadingElement>(null);
  const finish = async (next: Route) => {
    await markWelcomeDone();
    onDone(next);
  };

  // Each step starts at its heading, for a screen reader as for the eye.
  const goTo = (next: Step) => {
    setStep(next);
    requestAnimationFrame(() => heading.current?.focus());
  };

  return (
    <section className="page welcome" aria-labelledby="welcome-title">
      {fromSettings && (
        <nav aria-label={t('welcome.page.breadcrumb')} className="breadcrumb">
          <a href="#/settings">{t('welcome.page.settings')}</a> <span aria-hidden="true">›</span>{' '}
          {t('welcome.page.welcome')}
        </nav>
      )}
      <header className="page-header">
        <div>
          <h1 id="welcome-title" ref={heading} tabIndex={-1}>
            {step === 'practice' ? t('welcome.page.title') : t('welcome.page.safetyTitle')}
          </h1>
          <p className="subtitle">
            {step === 'practice' ? t('welcome.page.intro') : t('welcome.page.step2')}
          </p>
        </div>
      </header>
      {step === 'practice' ? (
        <>
          {practice && <WelcomePracticeStep initial={practice} onNext={() => goTo('safety')} />}
          <SampleOrRestore onFinish={finish} />
        </>
      ) : (
        <>
          <section className="card welcome-card" aria-labelledby="welcome-backup-title">
            <h2 id="welcome-backup-title">{t('welcome.page.backups')}</h2>
            <p className="muted">{t('welcome.page.backupsText')}</p>
            <BackupFolderRow />
            <WelcomePassphrase />
          </section>
          <AppLockCard />
          <div className="button-row welcome-actions">
            <button type="button" onClick={() => goTo('practice')}>
              {t('welcome.page.previous')}
            </button>
            <button type="button" className="primary" onClick={() => void finish({ name: 'clients' })}>
              {t('welcome.page.finish')}
            </button>
            <button type="button" onClick={() => void finish({ name: 'clients' })}>
              {t('welcome.page.skip')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/** For someone looking around, or moving from another computer. */
function SampleOrRestore({ onFinish }: { onFinish: (next: Route) => Promise<void> }) {
  const t = useT();
  const sample = useSamplePractice();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const trySample = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await repositories().samplePractice.load(localToday());
      await onFinish({ name: 'clients' });
    } catch (error) {
      setFailure(
        t('welcome.aside.addFailed', { reason: error instanceof Error ? error.message : String(error) }),
      );
      setBusy(false);
    }
  };
  return (
    <section className="card welcome-card welcome-aside" aria-labelledby="welcome-aside-title">
      <h2 id="welcome-aside-title">{t('welcome.aside.title')}</h2>
      <p className="muted">{t('welcome.aside.text')}</p>
      <div className="button-row">
        <button type="button" onClick={() => void trySample()} disabled={busy || Boolean(sample)}>
          {sample ? t('welcome.aside.alreadyHere') : t('welcome.aside.try')}
        </button>
        <button type="button" className="link" onClick={() => void onFinish({ name: 'backup' })}>
          {t('welcome.aside.restore')}
        </button>
      </div>
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
