import { useLiveQuery } from 'dexie-react-hooks';
import { type DragEvent, useEffect, useId, useState } from 'react';
import type { Attachment } from '../../../src-shared/documents/attachment';
import { kindLabel, mediaTypeLabel } from '../../../src-shared/documents/words';
import type { Id } from '../../../src-shared/domain/ids';
import { formatByteSize, formatDate } from '../../app/format';
import { useT } from '../../app/i18n';
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
  const t = useT();
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
        <h2 id={headingId}>{t('documents.title')}</h2>
        <button type="button" disabled={attach.busy} onClick={() => void attach.choose()}>
          {t('documents.card.attachFile')}
        </button>
      </div>
      <p className="muted drop-hint">
        {t('documents.card.dropHint')}
        {signed && ` ${t('documents.card.signedHint')}`}
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
      <Dialog title={t('documents.card.attachFile')} open={attach.pending !== null} onClose={attach.cancel}>
        {attach.pending && (
          <>
            <p>
              {t('documents.card.pendingFile', {
                name: attach.pending.originalName,
                type: mediaTypeLabel(t, attach.pending.mediaType),
                size: formatByteSize(attach.pending.size),
              })}
            </p>
            {attach.pending.gpsRemoved && (
              <p className="notice ok gps-removed">{t('documents.card.gpsRemoved')}</p>
            )}
            <AttachDetailsForm
              initial={attach.initialDetails(attach.pending)}
              saveLabel={t('documents.card.attach')}
              busy={attach.busy}
              onCancel={attach.cancel}
              onSave={async (details) => {
                const added = await attach.save(details);
                if (added) setNotice(t('documents.card.attached', { title: added.title }));
              }}
            />
          </>
        )}
      </Dialog>
      {documents === undefined ? (
        <p className="muted">{t('documents.card.loading')}</p>
      ) : documents.length === 0 ? (
        <p className="muted">{t('documents.card.none')}</p>
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
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [signer] = useSigner();
  // False while practice sync is still bringing the file (its details came first): "arriving".
  const arriving =
    useLiveQuery(() => repositories().attachments.hasFile(attachment.id), [attachment.id]) === false;
  return (
    <li className="document-item" data-testid="document-item">
      <Thumbnail attachment={attachment} arriving={arriving} />
      <div className="document-summary">
        <strong className="document-title">{attachment.title}</strong>
        <span className="muted">
          {t(attachment.sessionId ? 'documents.item.summaryFromNote' : 'documents.item.summary', {
            kind: kindLabel(t, attachment.kind),
            date: formatDate(attachment.date),
            type: mediaTypeLabel(t, attachment.mediaType),
            size: formatByteSize(attachment.size),
          })}
        </span>
        {attachment.note && <span className="preserve-lines">{attachment.note}</span>}
        {attachment.gpsRemoved && <span className="muted">{t('documents.item.gpsRemoved')}</span>}
        {arriving && (
          <span className="muted" role="status">
            {t('documents.item.arriving')}
          </span>
        )}
        {failure && (
          <span className="field-error" role="alert">
            {failure}
          </span>
        )}
      </div>
      <div className="button-row">
        <button
          type="button"
          aria-label={t('documents.item.viewNamed', { title: attachment.title })}
          onClick={onView}
        >
          {t('documents.item.view')}
        </button>
        <button
          type="button"
          aria-label={t('documents.item.editNamed', { title: attachment.title })}
          onClick={() => setEditing(true)}
        >
          {t('documents.item.edit')}
        </button>
        <button
          type="button"
          aria-label={t('documents.item.saveCopyNamed', { title: attachment.title })}
          onClick={async () => {
            const result = await saveCopy(attachment);
            setFailure(result.error ?? null);
            if (result.saved) onNotice(t('documents.item.savedCopy', { title: attachment.title }));
          }}
        >
          {t('documents.item.saveCopy')}
        </button>
        {removable && (
          <button
            type="button"
            className="danger"
            aria-label={t('documents.item.removeNamed', { title: attachment.title })}
            onClick={() => setConfirming(true)}
          >
            {t('documents.item.remove')}
          </button>
        )}
      </div>
      <Dialog title={t('documents.item.removeTitle')} open={confirming} onClose={() => setConfirming(false)}>
        <p>{t('documents.item.removeExplained', { title: attachment.title })}</p>
        <div className="button-row">
          <button
            type="button"
            className="danger"
            onClick={async () => {
              setConfirming(false);
              try {
                await repositories().attachments.remove(attachment.id, { by: signer || 'Therapist' });
                onNotice(t('documents.item.removed', { title: attachment.title }));
              } catch (error) {
                setFailure(describeStorageError(error, t('documents.item.notRemoved')));
              }
            }}
          >
            {t('documents.item.removeDocument')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('documents.item.keep')}
          </button>
        </div>
      </Dialog>
      <Dialog title={t('documents.item.editTitle')} open={editing} onClose={() => setEditing(false)}>
        <AttachDetailsForm
          initial={attachment}
          saveLabel={t('documents.item.save')}
          onCancel={() => setEditing(false)}
          onSave={async (details) => {
            try {
              await repositories().attachments.updateDetails(attachment.id, details);
              setEditing(false);
            } catch (error) {
              setFailure(describeStorageError(error, t('documents.item.notSaved')));
              setEditing(false);
            }
          }}
        />
      </Dialog>
    </li>
  );
}

/** A small picture for images (the browser applies EXIF orientation), a label for the rest. */
function Thumbnail({ attachment, arriving }: { attachment: Attachment; arriving: boolean }) {
  const t = useT();
  const image = attachment.mediaType.startsWith('image/') && !arriving;
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
      {arriving
        ? // The words are beside it ("Arriving from another computer…"); a 4rem square holds no more.
          '…'
        : damaged
          ? '!'
          : attachment.mediaType === 'application/pdf'
            ? t('documents.thumb.pdf')
            : attachment.mediaType === 'text/plain'
              ? t('documents.thumb.text')
              : t('documents.thumb.image')}
    </span>
  );
}
