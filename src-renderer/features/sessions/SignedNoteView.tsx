import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { type Client, clientDisplayName } from '../../../src-shared/domain/client';
import type { SessionDraft } from '../../../src-shared/domain/session-note';
import { buildSoapView, type SoapView } from '../../../src-shared/domain/soap';
import type { Translate } from '../../../src-shared/i18n';
import { formatDate, formatTime, formatTimestamp } from '../../app/format';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { AftercareDialog } from '../aftercare/AftercareDialog';
import { AddendumForm } from './AddendumForm';
import { AfterEffectForm } from './AfterEffectForm';
import { AfterEffectList } from './AfterEffectList';
import { AuditLog } from './AuditLog';
import { useSigner } from './useSigner';
import './sessions.css';
import { DocumentsCard } from '../documents/DocumentsCard';
import { usePageDrop } from '../documents/page-drop';
import { SignedOnComputer, WrittenOnComputer } from '../sync/WrittenOn';

const SOAP_SECTIONS: ReadonlyArray<
  [keyof SoapView & ('subjective' | 'objective' | 'assessment' | 'plan'), string]
> = [
  ['subjective', 'S'],
  ['objective', 'O'],
  ['assessment', 'A'],
  ['plan', 'P'],
];

/** The note's date, time and length beside the client's name: "12 Mar 2026 at 10:00 · 60 min". */
function whenText(note: SessionDraft, t: Translate): string[] {
  const date = note.serviceDate ? formatDate(note.serviceDate) : '';
  const time = note.serviceTime ? formatTime(note.serviceTime) : '';
  const parts: string[] = [];
  if (date && time) parts.push(t('sessions.signed.dateAtTime', { date, time }));
  else if (date) parts.push(date);
  else if (time) parts.push(t('sessions.signed.atTime', { time }));
  if (note.durationMinutes !== null)
    parts.push(t('sessions.signed.minutes', { minutes: note.durationMinutes }));
  return parts;
}

/** A translated sentence with one value in bold, wherever the language puts it. */
function withBold(text: string, value: string) {
  const at = value ? text.lastIndexOf(value) : -1;
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <strong>{value}</strong>
      {text.slice(at + value.length)}
    </>
  );
}

/** A signed note: read-only, as its SOAP view, with its signature, addenda and audit log. */
export function SignedNoteView({ client, noteId }: { client: Client; noteId: string }) {
  const t = useT();
  const [printing, setPrinting] = useState(false);
  // A photo dropped anywhere on the signed note is added to it (as an addendum may add more).
  const drop = usePageDrop(t('documents.drop.toNote'));
  const note = useLiveQuery(async () => (await repositories().sessions.get(noteId)) ?? null, [noteId]);
  const reported = useLiveQuery(
    async () => (note ? repositories().afterEffects.listReportedIn(note) : []),
    [note?.id, note?.clientId],
  );
  if (note === undefined || reported === undefined)
    return <p className="page muted">{t('sessions.common.loading')}</p>;
  if (note === null) return <p className="page muted">{t('sessions.common.noteGone')}</p>;
  const soap = buildSoapView(note, {
    afterEffectsReported: reported,
    formatTimestamp,
    formatDate,
    formatTime,
    t,
  });

  return (
    <article
      className="page session-page signed-note page-drop-zone"
      aria-labelledby="session-title"
      {...drop.handlers}
    >
      {drop.overlay}
      <nav aria-label={t('sessions.common.breadcrumb')} className="breadcrumb">
        <a href="#/clients">{t('sessions.common.clients')}</a> <span aria-hidden="true">›</span>{' '}
        <a href={`#/clients/${encodeURIComponent(client.id)}`}>{clientDisplayName(client)}</a>{' '}
        <span aria-hidden="true">›</span>{' '}
        {t('sessions.common.sessionNumber', { number: note.sessionNumber ?? '' })}
      </nav>
      <header className="page-header">
        <div>
          <h1 id="session-title">
            {t('sessions.common.sessionNumber', { number: note.sessionNumber ?? '' })}{' '}
            <span className="tag status-signed">{t('sessions.common.signed')}</span>
          </h1>
          <p className="subtitle">{[clientDisplayName(client), ...whenText(note, t)].join(' · ')}</p>
        </div>
        <div className="button-row">
          <button type="button" className="primary" onClick={() => setPrinting(true)}>
            {t('sessions.signed.printAftercare')}
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
          {withBold(
            t('sessions.signed.signature', {
              when: note.signedAt ? formatTimestamp(note.signedAt) : '',
              name: note.signedBy ?? '',
            }),
            note.signedBy ?? '',
          )}
        </span>
      </p>
      <SignedOnComputer by={note.signedBy} computer={note.signedOnComputer} />

      <section className="card soap-view" aria-labelledby="soap-title">
        <div className="card-header">
          <h2 id="soap-title">{t('sessions.signed.soapTitle')}</h2>
          <span className="muted">
            {t('sessions.signed.entered', { when: note.entryDate ? formatTimestamp(note.entryDate) : '—' })}
          </span>
        </div>
        <div className="soap-sections">
          {SOAP_SECTIONS.map(([key, letter]) => (
            <section key={key} className="soap-section" aria-label={t(`sessions.signed.${key}`)}>
              <h3>
                <span className="soap-letter" aria-hidden="true">
                  {letter}
                </span>
                {t(`sessions.signed.${key}`)}
              </h3>
              {soap[key].length === 0 ? (
                <p className="muted">{t('sessions.signed.nothingRecorded')}</p>
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

      {drop.provide(<DocumentsCard clientId={note.clientId} sessionId={note.id} signed />)}
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
  const t = useT();
  return (
    <section className="card addenda" aria-labelledby="addenda-title">
      <div className="card-header">
        <h2 id="addenda-title">{t('sessions.signed.addenda')}</h2>
        {!adding && (
          <button
            type="button"
            onClick={() => {
              setAdding(true);
              setDone(false);
            }}
          >
            {t('sessions.signed.addAddendum')}
          </button>
        )}
      </div>
      {note.addenda.length === 0 && !adding && <p className="muted">{t('sessions.signed.noAddenda')}</p>}
      {note.addenda.length > 0 && (
        <ol className="addendum-list">
          {note.addenda.map((addendum) => (
            <li key={addendum.id} className="addendum">
              <p className="addendum-meta">
                <strong>{addendum.createdAt ? formatTimestamp(addendum.createdAt) : ''}</strong>
                {addendum.author ? ` · ${addendum.author}` : ''}
                <WrittenOnComputer computer={addendum.computer} /> ·{' '}
                {t('sessions.signed.reason', { reason: addendum.reason })}
              </p>
              <p className="preserve-lines addendum-text">{addendum.text}</p>
            </li>
          ))}
        </ol>
      )}
      {done && (
        <p className="notice ok" role="status">
          {t('sessions.signed.addendumAdded')}
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
  const t = useT();
  return (
    <section className="card after-effects" aria-labelledby="after-effects-title">
      <div className="card-header">
        <h2 id="after-effects-title">{t('sessions.common.afterEffects')}</h2>
        {!adding && (
          <button type="button" onClick={() => setAdding(true)}>
            {t('sessions.signed.recordFollowUp')}
          </button>
        )}
      </div>
      <p className="muted card-intro">{t('sessions.signed.afterIntro')}</p>
      {reports && reports.length > 0 ? (
        <AfterEffectList reports={reports} />
      ) : (
        <p className="muted">{t('sessions.signed.noneReported')}</p>
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
