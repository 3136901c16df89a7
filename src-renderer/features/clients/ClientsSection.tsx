import type { Route } from '../../app/router';

export function ClientsSection({ route }: { route: Route }) {
  return (
    <section className="page" aria-labelledby="clients-title">
      <header className="page-header">
        <h1 id="clients-title">Clients</h1>
      </header>
      <div className="card empty-state">
        <p>No clients yet.</p>
        <p className="muted">{route.name}</p>
      </div>
    </section>
  );
}
