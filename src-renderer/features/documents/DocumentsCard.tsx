import { useLiveQuery } from 'dexie-react-hooks';
import { type DragEvent, useEffect, useId, useState } from 'react';
import {
  ATTACHMENT_KIND_LABELS,
  type Attachment,
  formatBytes,
  MEDIA_TYPE_LABELS,
} from '../../../src-shared/documents/attachment';
import type { Id } from '../../../src-shared/domain/ids';
import { formatDate } from '../../app/format';
import { repositories } from '../../app/repositories';
import { Dialog } from '../../app/ui/Dialog';
import { describeStorageError } from '../../db/errors';
import { useSigner } from '../sessions/useSigner';
import { AttachDetailsForm } from './AttachDetailsForm';
import { DocumentViewer, useObjectUrl } from './DocumentViewer';
import { saveCopy } from './document-actions';
import { useAttach } from './useAttach';
import './documents.css';

/**
 * "Documents and photos" on the client page (every document of the client) and on a session
 * note (that note's). "Attach a file" opens main's dialog; a file can also be dropped on the
 * card. A signed note's documents cannot be removed; an addendum's "Attach a file" adds more.
 */
export function DocumentsCard({
  clientId,
  sessionId,
  signed = false,
  cited = [],
}: {
  clientId: Id;
  sessionId?: Id;
  /** Documents the draft's safety check names (clearance letters): kept while it does. */
  cited?: readonly Id[];
  /** The note is signed: its documents stay (attaching more is still allowed, like an addendum). */
  signed?: boolean;
}) {
  const headingId = useId();
  const [signer] = useSigner();
  const attach = useAttach({ clientId, ...(sessionId ? { sessionId } : {}), addedBy: signer });
  const [dragging, setDragging] = useState(false);
  const [viewing, setViewing] = useState<Attachment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const documents = useLiveQuery(
    () =>
      sessionId
        ? repositories().attachments.listForSession(sessionId)
        : repositories().attachments.listForClient(clientId),
    [clientId, sessionId],
  );

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void attach.drop(event.dataTransfer.files);
  };

  return (
    <section
      className={`card documents-card${dragging ? ' dragging' : ''}`}
      aria-labelledby={headingId}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="documents-card"
    >
      <div className="card-header">
        <h2 id={headingId}>Documents and photos</h2>
        <button type="button" disabled={attach.busy} onClick={() => void attach.choose()}>
          Attach a file
        </button>
      </div>
      <p className="muted drop-hint">
        PDF, JPEG, PNG, WebP or plain text, up to 50 MB; or drop a file here.
        {signed ? ' This note is signed: documents can be added, not removed.' : ''}
      </p>
      {attach.message && (
        <p className="notice error" role="alert">
          {attach.message}
        </p>
      )}
      {notice && (
        <p className="notice ok" role="status">
          {notice}
        </p>
      )}
      <Dialog title="Attach a file" open={attach.pending !== null} onClose={attach.cancel}>
        {attach.pending && (
          <>
            <p>
              {attach.pending.originalName} · {MEDIA_TYPE_LABELS[attach.pending.mediaType]} ·{' '}
              {formatBytes(attach.pending.size)}
            </p>
            {attach.pending.gpsRemoved && (
              <p className="notice ok gps-removed">
                Location data (GPS) was removed from this photo, so it does not say where it was taken.
              </p>
            )}
            <AttachDetailsForm
              initial={attach.initialDetails(attach.pending)}
              saveLabel="Attach"
              busy={attach.busy}
              onCancel={attach.cancel}
              onSave={async (details) => {
                const added = await attach.save(details);
                if (added) setNotice(`Attached "${added.title}".`);
              }}
            />
          </>
        )}
      </Dialog>
      {documents === undefined ? (
        <p className="muted">Loading…</p>
      ) : documents.length === 0 ? (
        <p className="muted">No documents yet.</p>
      ) : (
        <ul className="document-list">
          {documents.map((document) => (
            <DocumentItem
              key={document.id}
              attachment={document}
              removable={!signed && !(document.sessionId && !sessionId) && !cited.includes(document.id)}
              onView={() => setViewing(document)}
              onNotice={setNotice}
            />
          ))}
        </ul>
      )}
      <DocumentViewer attachment={viewing} onClose={() => setViewing(null)} />
    </section>
  );
}

function DocumentItem({
  attachment,
  removable,
  onView,
  onNotice,
}: {
  attachment: Attachment;
  removable: boolean;
  onView: () => void;
  onNotice: (text: string | null) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [signer] = useSigner();
  return (
    <li className="document-item" data-testid="document-item">
      <Thumbnail attachment={attachment} />
      <div className="document-summary">
        <strong className="document-title">{attachment.title}</strong>
        <span className="muted">
          {ATTACHMENT_KIND_LABELS[attachment.kind]} · {formatDate(attachment.date)} ·{' '}
          {MEDIA_TYPE_LABELS[attachment.mediaType]}, {formatBytes(attachment.size)}
          {attachment.sessionId ? ' · from a session note' : ''}
        </span>
        {attachment.note && <span className="preserve-lines">{attachment.note}</span>}
        {attachment.gpsRemoved && <span className="muted">Location data (GPS) removed on import.</span>}
        {failure && (
          <span className="field-error" role="alert">
            {failure}
          </span>
        )}
      </div>
      <div className="button-row">
        <button type="button" onClick={onView}>
          View<span className="visually-hidden"> {attachment.title}</span>
        </button>
        <button type="button" onClick={() => setEditing(true)}>
          Edit<span className="visually-hidden"> {attachment.title}</span>
        </button>
        <button
          type="button"
          onClick={async () => {
            const result = await saveCopy(attachment);
            setFailure(result.error ?? null);
            if (result.saved) onNotice(`Saved a copy of "${attachment.title}".`);
          }}
        >
          Save a copy…<span className="visually-hidden"> of {attachment.title}</span>
        </button>
        {removable && (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            Remove<span className="visually-hidden"> {attachment.title}</span>
          </button>
        )}
      </div>
      <Dialog title="Remove this document?" open={confirming} onClose={() => setConfirming(false)}>
        <p>
          "{attachment.title}" will be deleted from this computer (backups made before keep it). The audit log
          keeps its title, who removed it and its checksum.
        </p>
        <div className="button-row">
          <button
            type="button"
            className="danger"
            onClick={async () => {
              setConfirming(false);
              try {
                await repositories().attachments.remove(attachment.id, { by: signer || 'Therapist' });
                onNotice(`Removed "${attachment.title}". The audit log keeps a record of it.`);
              } catch (error) {
                setFailure(describeStorageError(error, 'Not removed'));
              }
            }}
          >
            Remove document
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      </Dialog>
      <Dialog title="Edit document" open={editing} onClose={() => setEditing(false)}>
        <AttachDetailsForm
          initial={attachment}
          saveLabel="Save"
          onCancel={() => setEditing(false)}
          onSave={async (details) => {
            try {
              await repositories().attachments.updateDetails(attachment.id, details);
              setEditing(false);
            } catch (error) {
              setFailure(describeStorageError(error, 'Not saved'));
              setEditing(false);
            }
          }}
        />
      </Dialog>
    </li>
  );
}

/** A small picture for images (the browser applies EXIF orientation), a label for the rest. */
function Thumbnail({ attachment }: { attachment: Attachment }) {
  const image = attachment.mediaType.startsWith('image/');
  const [bytes, setBytes] = useState<Uint8Array<ArrayBuffer> | null>(null);
  const [damaged, setDamaged] = useState(false);
  useEffect(() => {
    if (!image) return;
    let cancelled = false;
    repositories()
      .attachments.open(attachment.id)
      .then((opened) => !cancelled && setBytes(opened.bytes))
      .catch(() => !cancelled && setDamaged(true));
    return () => {
      cancelled = true;
    };
  }, [attachment.id, image]);
  const url = useObjectUrl(bytes, attachment.mediaType);
  if (image && url)
    return <img className="document-thumb" src={url} alt="" loading="lazy" decoding="async" />;
  return (
    <span className="document-thumb document-thumb-label" aria-hidden="true">
      {damaged
        ? '!'
        : attachment.mediaType === 'application/pdf'
          ? 'PDF'
          : attachment.mediaType === 'text/plain'
            ? 'TXT'
            : 'IMG'}
    </span>
  );
}
