import {
  emptyPracticeSettings,
  PracticeSettingsSchema,
  SETTINGS_KEYS,
} from '../../../src-shared/domain/settings';
import { DEFAULT_SAFETY_SETTINGS, SafetySettingsSchema } from '../../../src-shared/safety';
import { useT } from '../../app/i18n';
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
import { useHandoutTexts } from './handout-texts';
import { PracticeSettingsForm } from './PracticeSettingsForm';
import { SafetyRulesForm } from './SafetyRulesForm';
import { useSetting } from './useSetting';

const locale = typeof navigator !== 'undefined' ? navigator.language : 'en-GB';

export function SettingsPage() {
  const t = useT();
  const { info, error } = useAppInfo();
  const practice = useSetting(SETTINGS_KEYS.practice, PracticeSettingsSchema, emptyPracticeSettings(locale));
  const handoutTexts = useHandoutTexts();
  const safety = useSetting(SETTINGS_KEYS.safety, SafetySettingsSchema, DEFAULT_SAFETY_SETTINGS);
  return (
    <section className="page" aria-labelledby="settings-title">
      <header className="page-header">
        <h1 id="settings-title">{t('settings.page.title')}</h1>
      </header>
      <section className="card" aria-labelledby="getting-started-title">
        <h2 id="getting-started-title">{t('settings.page.gettingStarted')}</h2>
        <p className="muted">{t('settings.page.gettingStartedText')}</p>
        <SampleNotice />
        <div className="button-row">
          <a className="button" href="#/welcome">
            {t('settings.page.openWelcome')}
          </a>
        </div>
      </section>
      {practice && <PracticeSettingsForm initial={practice} />}
      {handoutTexts && <HandoutTemplateForm stored={handoutTexts} />}
      {safety && <SafetyRulesForm initial={safety} />}
      <IntakeSettingsCard />
      <FollowUpSettingsCard />
      <AppLockCard />
      <StorageCard />
      <DocumentsSpace />
      <PracticeSyncCard />
      <AppLanguageCard />
      <div className="card">
        <h2>{t('settings.page.about')}</h2>
        {error && <p role="alert">{error}</p>}
        {!info && !error && <p className="muted">{t('settings.page.loading')}</p>}
        {info && (
          <dl className="facts">
            <dt>{t('settings.page.version')}</dt>
            <dd data-testid="app-version">{info.version}</dd>
            <dt>{t('settings.page.dataLocation')}</dt>
            <dd>
              <code data-testid="data-location">{info.dataLocation}</code>
            </dd>
            <dt>{t('settings.page.network')}</dt>
            <dd>{t('settings.page.networkText')}</dd>
          </dl>
        )}
      </div>
    </section>
  );
}
