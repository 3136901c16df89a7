export function BackupPage() {
  return (
    <section className="page" aria-labelledby="backup-title">
      <header className="page-header">
        <h1 id="backup-title">Backup</h1>
      </header>
      <div className="card">
        <p>Your records live only on this computer, in the folder shown under Settings.</p>
      </div>
    </section>
  );
}
