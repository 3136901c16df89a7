import type { Route } from '../../app/router';
import { HandToNewClient } from '../intake/HandToNewClient';
import { SessionPage } from '../sessions/SessionPage';
import { ClientForm } from './ClientForm';
import { ClientList } from './ClientList';
import { ClientPage } from './ClientPage';

export function ClientsSection({ route }: { route: Route }) {
  switch (route.name) {
    case 'new-client':
      return (
        <section className="page" aria-labelledby="new-client-title">
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <a href="#/clients">Clients</a> <span aria-hidden="true">›</span> New client
          </nav>
          <h1 id="new-client-title">New client</h1>
          <div className="card">
            <ClientForm />
          </div>
          <HandToNewClient />
        </section>
      );
    case 'client':
      return <ClientPage clientId={route.clientId} />;
    case 'session':
      return <SessionPage clientId={route.clientId} sessionId={route.sessionId} />;
    default:
      return <ClientList />;
  }
}
