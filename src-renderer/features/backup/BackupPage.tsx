import { useT } from '../../app/i18n';
import { ExportsCard } from '../exports/ExportsCard';
import { ImportClientsCard } from '../exports/ImportClientsCard';
import { AutomaticBackupsCard } from './AutomaticBackupsCard';
import { BackUpNowCard } from './BackUpNowCard';
import { LastBackupCard } from './LastBackupCard';
import { RestoreCard } from './restore/RestoreCard';
import './backup.css';

/**
 * The Backup screen: the last good backup, "Back up now", the automatic schedule, and restore.
 * Landing on '#/backup/restore' scrolls to the restore card; '#/backup/restore-latest' also
 * picks the newest automatic backup (the "records may be missing" notice links there).
 */
export function BackupPage() {
  const t = useT();
  return (
    <section className="page backup-page" aria-labelledby="backup-title">
      <header className="page-header">
        <div>
          <h1 id="backup-title">{t('backup.page.title')}</h1>
          <p className="subtitle">{t('backup.page.subtitle')}</p>
        </div>
      </header>
      <LastBackupCard />
      <BackUpNowCard />
      <AutomaticBackupsCard />
      <RestoreCard />
      <ExportsCard />
      <ImportClientsCard />
    </section>
  );
}
