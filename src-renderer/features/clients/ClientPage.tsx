import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { type Client, clientDisplayName } from '../../../src-shared/domain/client';
import { ageInYears, localToday } from '../../../src-shared/domain/dates';
import { formatDate } from '../../app/format';
import { repositories } from '../../app/repositories';
import { navigate } from '../../app/router';
import { ClientVisitSummary } from '../attention/ClientVisitSummary';
import { DocumentsCard } from '../documents/DocumentsCard';
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
  const client = useLiveQuery(async () => (await repositories().clients.get(clientId)) ?? null, [clientId]);
  if (client === undefined) return <p className="page muted">Loading…</p>;
  if (client === null) {
    return (
      <section className="page">
        <h1>Client not found</h1>
        <p>This client may have been deleted.</p>
        <button type="button" onClick={() => navigate({ name: 'clients' })}>
          Back to clients
        </button>
      </section>
    );
  }
  return <ClientDetails client={client} />;
}

function ClientDetails({ client }: { client: Client }) {
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const safetyCheck = useSafetyFindings(client.id, client.dateOfBirth);
  const history = useLiveQuery(() => repositories().healthHistories.get(client.id), [client.id]);
  const today = localToday();

  return (
    <article className="page client-page" aria-labelledby="client-title">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <a href="#/clients">Clients</a> <span aria-hidden="true">›</span> {clientDisplayName(client)}
      </nav>
      <header className="page-header">
        <div>
          <h1 id="client-title">
            {clientDisplayName(client)}
            {client.archived && <span className="tag archived-tag">Archived</span>}
          </h1>
          <p className="subtitle">
            {client.dateOfBirth
              ? `Born ${formatDate(client.dateOfBirth)} (${ageInYears(client.dateOfBirth, today)} years)`
              : 'Date of birth not recorded'}
            <ClientVisitSummary clientId={client.id} lastVisitAt={client.lastVisitAt} />
          </p>
        </div>
        <div className="button-row">
          <button type="button" onClick={() => setEditing(true)} disabled={editing}>
            Edit details
          </button>
          <ExportClientRecordButton client={client} />
          <button
            type="button"
            onClick={() => void repositories().clients.setArchived(client.id, !client.archived)}
          >
            {client.archived ? 'Restore' : 'Archive'}
          </button>
          <button type="button" className="danger" onClick={() => setDeleting(true)}>
            Delete
          </button>
        </div>
      </header>

      <SafetyBanner check={safetyCheck} />

      <FollowUpCard clientId={client.id} />

      <ClientSessions clientId={client.id} />

      <OutcomesCard clientId={client.id} />

      <IntakeCard client={client} />

      <DocumentsCard clientId={client.id} />

      {editing ? (
        <section className="card" aria-label="Edit client">
          <ClientForm existing={client} onDone={() => setEditing(false)} />
        </section>
      ) : (
        <section className="card contact-card" aria-labelledby="contact-title">
          <h2 id="contact-title">Contact and consent</h2>
          <dl className="facts two-col">
            <dt>Phone</dt>
            <dd>{client.phone || '—'}</dd>
            <dt>Email</dt>
            <dd>{client.email || '—'}</dd>
            <dt>Address</dt>
            <dd className="preserve-lines">{client.address || '—'}</dd>
            <dt>Emergency contact</dt>
            <dd>
              {client.emergencyContact.name || client.emergencyContact.phone
                ? `${client.emergencyContact.name} ${client.emergencyContact.phone}`.trim()
                : '—'}
            </dd>
            <dt>Referring physician</dt>
            <dd>{client.referringPhysician || '—'}</dd>
            <dt>How they heard of us</dt>
            <dd>{client.referralSource || '—'}</dd>
            <dt>Informed consent</dt>
            <dd>
              {client.consent.given
                ? `Given${client.consent.date ? ` on ${formatDate(client.consent.date)}` : ''}${client.consent.textVersion ? ` (version ${client.consent.textVersion})` : ''}`
                : 'Not recorded'}
            </dd>
            {client.tags.length > 0 && (
              <>
                <dt>Tags</dt>
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
                <dt>Notes</dt>
                <dd className="preserve-lines">{client.notes}</dd>
              </>
            )}
          </dl>
        </section>
      )}

      {history ? (
        <HealthHistoryEditor key={client.id} history={history} />
      ) : (
        <p className="muted">Loading…</p>
      )}

      <DeleteClientDialog client={client} open={deleting} onClose={() => setDeleting(false)} />
    </article>
  );
}
