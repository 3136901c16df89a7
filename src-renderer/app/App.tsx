import { type ReactNode, useMemo } from 'react';
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
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { usePracticeSync } from '../features/sync/usePracticeSync';
import { Welcome } from '../features/welcome/Welcome';
import { WelcomeGate } from '../features/welcome/WelcomeGate';
import { useHistoryNavigation } from './history';
import { navigate, type Route, sectionOf, useRoute } from './router';
import { type Shortcut, shortcutLabel, useShortcuts } from './shortcuts';

const SECTIONS = [
  { id: 'clients', label: 'Clients', route: { name: 'clients' }, keys: 'mod+1' },
  // Second in the sidebar, but the next free shortcut: Ctrl+2 and Ctrl+3 stay as they were.
  { id: 'notes-to-sign', label: 'Notes to sign', route: { name: 'notes-to-sign' }, keys: 'mod+4' },
  { id: 'settings', label: 'Settings', route: { name: 'settings' }, keys: 'mod+2' },
  { id: 'backup', label: 'Backup', route: { name: 'backup' }, keys: 'mod+3' },
] as const satisfies readonly { id: string; label: string; route: Route; keys: string }[];

/**
 * Gates, outermost first: the database opens (a newer one is refused), the app lock, the
 * check for records that went missing, client mode (the intake screen while the client holds the
 * computer: nothing else shows), Welcome on a fresh install. The shell renders only when all five
 * let it.
 * Automatic backups run above the lock, so locking (which unmounts the shell) does not stop them.
 */
export function App() {
  return (
    <DatabaseGate>
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
    </DatabaseGate>
  );
}

function AutomaticBackups({ children }: { children: ReactNode }) {
  useAutomaticBackups();
  // Practice sync runs beside automatic backups, above the lock (issue 18).
  usePracticeSync();
  return children;
}

function AppShell() {
  const route = useRoute();
  const current = sectionOf(route);
  const draftTotal = useDraftTotal();
  useHistoryNavigation();

  const shortcuts = useMemo<Shortcut[]>(
    () => [
      ...SECTIONS.map((s) => ({
        keys: s.keys,
        description: `Go to ${s.label}`,
        run: () => navigate(s.route),
      })),
      { keys: 'mod+n', description: 'New client', run: () => navigate({ name: 'new-client' }) },
      {
        keys: '/',
        description: 'Search clients',
        run: () => {
          navigate({ name: 'clients' });
          requestAnimationFrame(() => document.getElementById('client-search')?.focus());
        },
      },
    ],
    [],
  );
  useShortcuts(shortcuts);

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main-content">
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Sections">
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
                title={`${section.label} (${shortcutLabel(section.keys)})`}
              >
                {section.label}
                {section.id === 'notes-to-sign' && draftTotal !== undefined && draftTotal > 0 && (
                  <>
                    <span className="nav-count" aria-hidden="true">
                      {draftTotal}
                    </span>
                    <span className="visually-hidden">
                      {` (${draftTotal} draft${draftTotal === 1 ? '' : 's'})`}
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
          ) : (
            <SettingsPage />
          ))}
        {current === 'backup' && <BackupPage />}
      </main>
    </div>
  );
}
