import { type ReactNode, useMemo } from 'react';
import type { MessageKey } from '../../src-shared/i18n';
import { NotesToSignPage } from '../features/attention/NotesToSignPage';
import { useDraftTotal } from '../features/attention/useDrafts';
import { BackupPage } from '../features/backup/BackupPage';
import { useAutomaticBackups } from '../features/backup/useAutomaticBackups';
import { ClientsSection } from '../features/clients/ClientsSection';
import { ClientModeGate } from '../features/intake/ClientModeScreen';
import { LockGate } from '../features/lock/LockGate';
import { RecoveryGate } from '../features/recovery/RecoveryGate';
import { SettingsPage } from '../features/settings/SettingsPage';
import { DatabaseGate } from '../features/storage/DatabaseGate';
import { SyncConflictsPage } from '../features/sync/SyncConflictsPage';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { usePracticeSync } from '../features/sync/usePracticeSync';
import { Welcome } from '../features/welcome/Welcome';
import { WelcomeGate } from '../features/welcome/WelcomeGate';
import { useHistoryNavigation } from './history';
import { AppLanguageProvider, FollowLanguageSetting, useT } from './i18n';
import { navigate, type Route, sectionOf, useRoute } from './router';
import { type Shortcut, shortcutLabel, useShortcuts } from './shortcuts';
import { useAuthorship } from './useAuthorship';

const SECTIONS = [
  { id: 'clients', label: 'shell.clients', route: { name: 'clients' }, keys: 'mod+1' },
  // Second in the sidebar, but the next free shortcut: Ctrl+2 and Ctrl+3 stay as they were.
  { id: 'notes-to-sign', label: 'shell.notesToSign', route: { name: 'notes-to-sign' }, keys: 'mod+4' },
  { id: 'settings', label: 'shell.settings', route: { name: 'settings' }, keys: 'mod+2' },
  { id: 'backup', label: 'shell.backup', route: { name: 'backup' }, keys: 'mod+3' },
] as const satisfies readonly { id: string; label: MessageKey; route: Route; keys: string }[];

/**
 * Gates, outermost first: the database opens (a newer one is refused), the app lock, the
 * check for records that went missing, client mode (the intake screen while the client holds the
 * computer: nothing else shows), Welcome on a fresh install. The shell renders only when all five
 * let it.
 * Automatic backups run above the lock, so locking (which unmounts the shell) does not stop them.
 */
export function App() {
  return (
    <AppLanguageProvider>
      <DatabaseGate>
        <FollowLanguageSetting>
          <AutomaticBackups>
            <LockGate>
              <RecoveryGate>
                <ClientModeGate>
                  <WelcomeGate>
                    <AppShell />
                  </WelcomeGate>
                </ClientModeGate>
              </RecoveryGate>
            </LockGate>
          </AutomaticBackups>
        </FollowLanguageSetting>
      </DatabaseGate>
    </AppLanguageProvider>
  );
}

function AutomaticBackups({ children }: { children: ReactNode }) {
  useAutomaticBackups();
  // Practice sync runs beside automatic backups, above the lock (issue 18).
  usePracticeSync();
  // Who writes here: recorded on every note signed, addendum and audit entry (issue 18).
  useAuthorship();
  return children;
}

function AppShell() {
  const route = useRoute();
  const current = sectionOf(route);
  const draftTotal = useDraftTotal();
  const t = useT();
  useHistoryNavigation();

  const shortcuts = useMemo<Shortcut[]>(
    () => [
      ...SECTIONS.map((s) => ({
        keys: s.keys,
        description: t('shell.goTo', { section: t(s.label) }),
        run: () => navigate(s.route),
      })),
      { keys: 'mod+n', description: t('shell.newClient'), run: () => navigate({ name: 'new-client' }) },
      {
        keys: '/',
        description: t('shell.searchClients'),
        run: () => {
          navigate({ name: 'clients' });
          requestAnimationFrame(() => document.getElementById('client-search')?.focus());
        },
      },
    ],
    [t],
  );
  useShortcuts(shortcuts);

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main-content">
        {t('shell.skipToContent')}
      </a>
      <nav className="sidebar" aria-label={t('shell.sections')}>
        <div className="brand" aria-hidden="true">
          <span className="brand-mark" />
          <span className="brand-name">Stillpoint</span>
        </div>
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.id}>
              <a
                href={`#/${section.id}`}
                aria-current={current === section.id ? 'page' : undefined}
                title={t('shell.withShortcut', {
                  label: t(section.label),
                  shortcut: shortcutLabel(section.keys),
                })}
              >
                {t(section.label)}
                {section.id === 'notes-to-sign' && draftTotal !== undefined && draftTotal > 0 && (
                  <>
                    <span className="nav-count" aria-hidden="true">
                      {draftTotal}
                    </span>
                    <span className="visually-hidden">
                      {` (${t('shell.draftCount', { count: draftTotal })})`}
                    </span>
                  </>
                )}
              </a>
            </li>
          ))}
        </ul>
        <SyncIndicator />
      </nav>
      <main id="main-content" className="content" tabIndex={-1}>
        {current === 'clients' && <ClientsSection route={route} />}
        {current === 'notes-to-sign' && <NotesToSignPage />}
        {current === 'settings' &&
          (route.name === 'welcome' ? (
            <Welcome fromSettings onDone={(next) => navigate(next)} />
          ) : route.name === 'sync-conflicts' ? (
            <SyncConflictsPage />
          ) : (
            <SettingsPage />
          ))}
        {current === 'backup' && <BackupPage />}
      </main>
    </div>
  );
}
