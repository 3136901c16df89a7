import { useT } from '../../app/i18n';
import type { Route } from '../../app/router';
import { HandToNewClient } from '../intake/HandToNewClient';
import { SessionPage } from '../sessions/SessionPage';
import { ClientForm } from './ClientForm';
import { ClientList } from './ClientList';
import { ClientPage } from './ClientPage';

export function ClientsSection({ route }: { route: Route }) {
  const t = useT();
  switch (route.name) {
    case 'new-client':
      return (
        <section className="page" aria-labelledby="new-client-title">
          <nav aria-label={t('clients.section.breadcrumb')} className="breadcrumb">
            <a href="#/clients">{t('clients.section.clients')}</a> <span aria-hidden="true">›</span>{' '}
            {t('clients.section.newClient')}
          </nav>
          <h1 id="new-client-title">{t('clients.section.newClient')}</h1>
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
