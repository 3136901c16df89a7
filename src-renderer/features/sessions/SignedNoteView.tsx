import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { type Client, clientDisplayName } from '../../../src-shared/domain/client';
import type { SessionDraft } from '../../../src-shared/domain/session-note';
import { buildSoapView, type SoapView } from '../../../src-shared/domain/soap';
import { formatDate, formatTime, formatTimestamp } from '../../app/format';
import { repositories } from '../../app/repositories';
import { AftercareDialog } from '../aftercare/AftercareDialog';
import { AddendumForm } from './AddendumForm';
import { AfterEffectForm } from './AfterEffectForm';
import { AfterEffectList } from './AfterEffectList';
import { AuditLog } from './AuditLog';
import { useSigner } from './useSigner';
import './sessions.css';
import { DocumentsCard } from '../documents/DocumentsCard';
import { SignedOnComputer, WrittenOnComputer } from '../sync/WrittenOn';

const SOAP_SECTIONS: ReadonlyArray<[keyof SoapView, string, string]> = [
  ['subjective', 'S', 'Subjective'],
  ['objective', 'O', 'Objective'],
  ['assessment', 'A', 'Assessment'],
  ['plan', 'P', 'Plan'],
];

/** A signed note: read-only, as its SOAP view, with its signature, addenda and audit log. */
export function SignedNoteView({ client, noteId }: { client: Client; noteId: string }) {
  const [printing, setPrinting] = useState(false);
  const note = useLiveQuery(async () => (await repositories().sessions.get(noteId)) ?? null, [noteId]);
  const reported = useLiveQuery(
    async () => (note ? repositories().afterEffects.listReportedIn(note) : []),
    [note?.id, note?.clientId],
  );
  if (note === undefined || reported === undefined) return <p className="page muted">Loading…</p>;
  if (note === null) return <p className="page muted">This note no longer exists.</p>;
  const soap = buildSoapView(note, {
    afterEffectsReported: reported,
    formatTimestamp,
    formatDate,
    formatTime,
  });

  return (
    <article className="page session-page signed-note" aria-labelledby="session-title">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <a href="#/clients">Clients</a> <span aria-hidden="true">›</span>{' '}
        <a href={`#/clients/${encodeURIComponent(client.id)}`}>{clientDisplayName(client)}</a>{' '}
        <span aria-hidden="true">›</span> Session {note.sessionNumber ?? ''}
      </nav>
      <header className="page-header">
        <div>
          <h1 id="session-title">
            Session {note.sessionNumber ?? ''} <span className="tag status-signed">Signed</span>
          </h1>
          <p className="subtitle">
            {clientDisplayName(client)}
            {note.serviceDate ? ` · ${formatDate(note.serviceDate)}` : ''}
            {note.serviceTime ? ` at ${formatTime(note.serviceTime)}` : ''}
            {note.durationMinutes !== null ? ` · ${note.durationMinutes} min` : ''}
          </p>
        </div>
        <div className="button-row">
          <button type="button" className="primary" onClick={() => setPrinting(true)}>
            Print aftercare
          </button>
        </div>
      </header>
      <AftercareDialog
        open={printing}
        onClose={() => setPrinting(false)}
        session={{
          serviceDate: note.serviceDate ?? '',
          treatedAreas: note.treatedAreas ?? [],
          nextSessionRecommendation: note.nextSessionRecommendation ?? '',
          homeCare: note.homeCare ?? '',
        }}
        client={client}
        onDone={async ({ action, detail }) => {
          await repositories().audit.append({ noteId: note.id, clientId: note.clientId, action, detail });
        }}
      />

      <p className="signature-line" data-testid="signature">
        <span className="signature-mark" aria-hidden="true">
          ✓
        </span>
        <span>
          Signed {note.signedAt ? formatTimestamp(note.signedAt) : ''} by <strong>{note.signedBy}</strong>.
          This note is final; corrections are added below as addenda.
        </span>
      </p>
      <SignedOnComputer by={note.signedBy} computer={note.signedOnComputer} />

      <section className="card soap-view" aria-labelledby="soap-title">
        <div className="card-header">
          <h2 id="soap-title">SOAP note</h2>
          <span className="muted">Entered {note.entryDate ? formatTimestamp(note.entryDate) : '—'}</span>
        </div>
        <div className="soap-sections">
          {SOAP_SECTIONS.map(([key, letter, title]) => (
            <section key={key} className="soap-section" aria-label={title}>
              <h3>
                <span className="soap-letter" aria-hidden="true">
                  {letter}
                </span>
                {title}
              </h3>
              {soap[key].length === 0 ? (
                <p className="muted">Nothing recorded.</p>
              ) : (
                <ul>
                  {soap[key].map((line) => (
                    <li key={line} className="preserve-lines">
                      {line}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      </section>

      <DocumentsCard clientId={note.clientId} sessionId={note.id} signed />
      <Addenda note={note} />
      <AfterEffectsAfter note={note} />
      <AuditLog noteId={note.id} />
    </article>
  );
}

function Addenda({ note }: { note: SessionDraft }) {
  const [adding, setAdding] = useState(false);
  const [done, setDone] = useState(false);
  const [signer] = useSigner();
  return (
    <section className="card addenda" aria-labelledby="addenda-title">
      <div className="card-header">
        <h2 id="addenda-title">Addenda</h2>
        {!adding && (
          <button
            type="button"
            onClick={() => {
              setAdding(true);
              setDone(false);
            }}
          >
            Add addendum
          </button>
        )}
      </div>
      {note.addenda.length === 0 && !adding && (
        <p className="muted">No addenda. The note stands as signed.</p>
      )}
      {note.addenda.length > 0 && (
        <ol className="addendum-list">
          {note.addenda.map((addendum) => (
            <li key={addendum.id} className="addendum">
              <p className="addendum-meta">
                <strong>{addendum.createdAt ? formatTimestamp(addendum.createdAt) : ''}</strong>
                {addendum.author ? ` · ${addendum.author}` : ''}
                <WrittenOnComputer computer={addendum.computer} /> · Reason: {addendum.reason}
              </p>
              <p className="preserve-lines addendum-text">{addendum.text}</p>
            </li>
          ))}
        </ol>
      )}
      {done && (
        <p className="notice ok" role="status">
          Addendum added.
        </p>
      )}
      {adding && (
        <AddendumForm
          noteId={note.id}
          author={signer || note.signedBy || ''}
          onDone={(saved) => {
            setAdding(false);
            setDone(saved);
          }}
        />
      )}
    </section>
  );
}

/** After-effects that followed this session, reported later (at the next session, or by phone). */
function AfterEffectsAfter({ note }: { note: SessionDraft }) {
  const reports = useLiveQuery(() => repositories().afterEffects.listForSession(note.id), [note.id]);
  const [adding, setAdding] = useState(false);
  return (
    <section className="card after-effects" aria-labelledby="after-effects-title">
      <div className="card-header">
        <h2 id="after-effects-title">After-effects</h2>
        {!adding && (
          <button type="button" onClick={() => setAdding(true)}>
            Record a follow-up
          </button>
        )}
      </div>
      <p className="muted card-intro">What the client reported after this session.</p>
      {reports && reports.length > 0 ? (
        <AfterEffectList reports={reports} />
      ) : (
        <p className="muted">None reported.</p>
      )}
      {adding && (
        <AfterEffectForm
          onSave={async (input) => {
            await repositories().afterEffects.report(note.id, input, null);
            setAdding(false);
          }}
        />
      )}
    </section>
  );
}
