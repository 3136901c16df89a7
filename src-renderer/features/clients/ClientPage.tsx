import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { type Client, clientDisplayName } from '../../../src-shared/domain/client';
import { ageInYears, localToday } from '../../../src-shared/domain/dates';
import type { Translate } from '../../../src-shared/i18n';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { navigate } from '../../app/router';
import { ClientVisitSummary } from '../attention/ClientVisitSummary';
import { DocumentsCard } from '../documents/DocumentsCard';
import { usePageDrop } from '../documents/page-drop';
import { ExportClientRecordButton } from '../exports/ExportClientRecordButton';
import { IntakeCard } from '../intake/IntakeCard';
import { FollowUpCard } from '../outcomes/FollowUpCard';
import { OutcomesCard } from '../outcomes/OutcomesCard';
import { SafetyBanner } from '../safety/SafetyBanner';
import { useSafetyFindings } from '../safety/useSafetyFindings';
import { ClientSessions } from '../sessions/ClientSessions';
import { ClientForm } from './ClientForm';
import { DeleteClientDialog } from './DeleteClientDialog';
import { HealthHistoryEditor } from './HealthHistoryEditor';

export function ClientPage({ clientId }: { clientId: string }) {
  const t = useT();
  const client = useLiveQuery(async () => (await repositories().clients.get(clientId)) ?? null, [clientId]);
  if (client === undefined) return <p className="page muted">{t('clients.page.loading')}</p>;
  if (client === null) {
    return (
      <section className="page">
        <h1>{t('clients.page.notFound')}</h1>
        <p>{t('clients.page.maybeDeleted')}</p>
        <button type="button" onClick={() => navigate({ name: 'clients' })}>
          {t('clients.page.backToClients')}
        </button>
      </section>
    );
  }
  return <ClientDetails client={client} />;
}

/** "Given on 3 Nov 2026 (version 2026-01)", or as much of it as was recorded. */
function consentText(t: Translate, consent: Client['consent']): string {
  if (!consent.given) return t('clients.page.notRecorded');
  const date = consent.date ? formatDate(consent.date) : null;
  const version = consent.textVersion || null;
  if (date && version) return t('clients.page.consentGivenOnVersion', { date, version });
  if (date) return t('clients.page.consentGivenOn', { date });
  if (version) return t('clients.page.consentGivenVersion', { version });
  return t('clients.page.consentGiven');
}

function ClientDetails({ client }: { client: Client }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const safetyCheck = useSafetyFindings(client.id, client.dateOfBirth);
  // A file dropped anywhere on the page is attached to the client (the documents card takes it).
  const drop = usePageDrop(t('documents.drop.toClient', { name: clientDisplayName(client) }));
  const history = useLiveQuery(() => repositories().healthHistories.get(client.id), [client.id]);
  const today = localToday();

  return (
    <article className="page client-page page-drop-zone" aria-labelledby="client-title" {...drop.handlers}>
      {drop.overlay}
      <nav aria-label={t('clients.section.breadcrumb')} className="breadcrumb">
        <a href="#/clients">{t('clients.section.clients')}</a> <span aria-hidden="true">›</span>{' '}
        {clientDisplayName(client)}
      </nav>
      <header className="page-header">
        <div>
          <h1 id="client-title">
            {clientDisplayName(client)}
            {client.archived && <span className="tag archived-tag">{t('clients.page.archived')}</span>}
          </h1>
          <p className="subtitle">
            {client.dateOfBirth
              ? t('clients.page.born', {
                  date: formatDate(client.dateOfBirth),
                  age: ageInYears(client.dateOfBirth, today),
                })
              : t('clients.page.dobNotRecorded')}
            <ClientVisitSummary clientId={client.id} lastVisitAt={client.lastVisitAt} />
          </p>
        </div>
        <div className="button-row">
          <button type="button" onClick={() => setEditing(true)} disabled={editing}>
            {t('clients.page.editDetails')}
          </button>
          <ExportClientRecordButton client={client} />
          <button
            type="button"
            onClick={() => void repositories().clients.setArchived(client.id, !client.archived)}
          >
            {client.archived ? t('clients.page.restore') : t('clients.page.archive')}
          </button>
          <button type="button" className="danger" onClick={() => setDeleting(true)}>
            {t('clients.page.delete')}
          </button>
        </div>
      </header>

      <SafetyBanner check={safetyCheck} />

      <FollowUpCard clientId={client.id} />

      <ClientSessions clientId={client.id} />

      <OutcomesCard clientId={client.id} />

      <IntakeCard client={client} />

      {drop.provide(<DocumentsCard clientId={client.id} />)}

      {editing ? (
        <section className="card" aria-label={t('clients.page.editClient')}>
          <ClientForm existing={client} onDone={() => setEditing(false)} />
        </section>
      ) : (
        <section className="card contact-card" aria-labelledby="contact-title">
          <h2 id="contact-title">{t('clients.page.contactTitle')}</h2>
          <dl className="facts two-col">
            <dt>{t('clients.page.phone')}</dt>
            <dd>{client.phone || '—'}</dd>
            <dt>{t('clients.page.email')}</dt>
            <dd>{client.email || '—'}</dd>
            <dt>{t('clients.page.address')}</dt>
            <dd className="preserve-lines">{client.address || '—'}</dd>
            <dt>{t('clients.page.emergencyContact')}</dt>
            <dd>
              {client.emergencyContact.name || client.emergencyContact.phone
                ? `${client.emergencyContact.name} ${client.emergencyContact.phone}`.trim()
                : '—'}
            </dd>
            <dt>{t('clients.page.referringPhysician')}</dt>
            <dd>{client.referringPhysician || '—'}</dd>
            <dt>{t('clients.page.referralSource')}</dt>
            <dd>{client.referralSource || '—'}</dd>
            <dt>{t('clients.page.consent')}</dt>
            <dd>{consentText(t, client.consent)}</dd>
            {client.tags.length > 0 && (
              <>
                <dt>{t('clients.page.tags')}</dt>
                <dd>
                  {client.tags.map((tag) => (
                    <span key={tag} className="tag">
                      {tag}
                    </span>
                  ))}
                </dd>
              </>
            )}
            {client.notes && (
              <>
                <dt>{t('clients.page.notes')}</dt>
                <dd className="preserve-lines">{client.notes}</dd>
              </>
            )}
          </dl>
        </section>
      )}

      {history ? (
        <HealthHistoryEditor key={client.id} history={history} />
      ) : (
        <p className="muted">{t('clients.page.loading')}</p>
      )}

      <DeleteClientDialog client={client} open={deleting} onClose={() => setDeleting(false)} />
    </article>
  );
}
