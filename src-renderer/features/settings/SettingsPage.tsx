import { useAppInfo } from '../../app/useAppInfo';

export function SettingsPage() {
  const { info, error } = useAppInfo();
  return (
    <section className="page" aria-labelledby="settings-title">
      <header className="page-header">
        <h1 id="settings-title">Settings</h1>
      </header>
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
            <dd>None. Stillpoint never connects to the internet; files leave only when you save them.</dd>
          </dl>
        )}
      </div>
    </section>
  );
}
