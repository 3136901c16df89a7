import { DEFAULT_AFTERCARE_TEMPLATE } from '../../../src-shared/aftercare';
import { AftercareTemplateSchema } from '../../../src-shared/domain/aftercare';
import {
  emptyPracticeSettings,
  PracticeSettingsSchema,
  SETTINGS_KEYS,
} from '../../../src-shared/domain/settings';
import { DEFAULT_SAFETY_SETTINGS, SafetySettingsSchema } from '../../../src-shared/safety';
import { useAppInfo } from '../../app/useAppInfo';
import { DocumentsSpace } from '../documents/DocumentsSpace';
import { IntakeSettingsCard } from '../intake/IntakeSettingsCard';
import { AppLockCard } from '../lock/AppLockCard';
import { FollowUpSettingsCard } from '../outcomes/FollowUpSettingsCard';
import { StorageCard } from '../storage/StorageCard';
import { PracticeSyncCard } from '../sync/PracticeSyncCard';
import { SampleNotice } from '../welcome/SampleNotice';
import { AppLanguageCard } from './AppLanguageCard';
import { HandoutTemplateForm } from './HandoutTemplateForm';
import { PracticeSettingsForm } from './PracticeSettingsForm';
import { SafetyRulesForm } from './SafetyRulesForm';
import { useSetting } from './useSetting';

const locale = typeof navigator !== 'undefined' ? navigator.language : 'en-GB';

export function SettingsPage() {
  const { info, error } = useAppInfo();
  const practice = useSetting(SETTINGS_KEYS.practice, PracticeSettingsSchema, emptyPracticeSettings(locale));
  const template = useSetting(
    SETTINGS_KEYS.handoutTemplate,
    AftercareTemplateSchema,
    DEFAULT_AFTERCARE_TEMPLATE,
  );
  const safety = useSetting(SETTINGS_KEYS.safety, SafetySettingsSchema, DEFAULT_SAFETY_SETTINGS);
  return (
    <section className="page" aria-labelledby="settings-title">
      <header className="page-header">
        <h1 id="settings-title">Settings</h1>
      </header>
      <section className="card" aria-labelledby="getting-started-title">
        <h2 id="getting-started-title">Getting started</h2>
        <p className="muted">
          The Welcome screens again: your practice's details, backups and the app lock, or sample clients to
          look around with.
        </p>
        <SampleNotice />
        <div className="button-row">
          <a className="button" href="#/welcome">
            Open the Welcome screens
          </a>
        </div>
      </section>
      {practice && <PracticeSettingsForm initial={practice} />}
      {template && <HandoutTemplateForm initial={template} />}
      {safety && <SafetyRulesForm initial={safety} />}
      <IntakeSettingsCard />
      <FollowUpSettingsCard />
      <AppLockCard />
      <StorageCard />
      <DocumentsSpace />
      <PracticeSyncCard />
      <AppLanguageCard />
      <div className="card">
        <h2>About this installation</h2>
        {error && <p role="alert">{error}</p>}
        {!info && !error && <p className="muted">Loading…</p>}
        {info && (
          <dl className="facts">
            <dt>Version</dt>
            <dd data-testid="app-version">{info.version}</dd>
            <dt>Your data is stored in</dt>
            <dd>
              <code data-testid="data-location">{info.dataLocation}</code>
            </dd>
            <dt>Network</dt>
            <dd>
              None, unless Practice sync is on: then only the practice’s own server, which receives encrypted
              records. Files leave only when you save them.
            </dd>
          </dl>
        )}
      </div>
    </section>
  );
}
