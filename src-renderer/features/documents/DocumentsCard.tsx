import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import type { Attachment } from '../../../src-shared/documents/attachment';
import { kindLabel, mediaTypeLabel } from '../../../src-shared/documents/words';
import type { Id } from '../../../src-shared/domain/ids';
import { formatByteSize, formatDate } from '../../app/format';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { Dialog } from '../../app/ui/Dialog';
import { useSigner } from '../sessions/useSigner';
import { AttachDetailsForm } from './AttachDetailsForm';
import { DocumentViewer } from './DocumentViewer';
import { saveCopy } from './document-actions';
import { documentErrorText } from './document-errors';
import { useDropHandler } from './page-drop';
import { forgetThumbnail, thumbnailOf } from './thumbnails';
import { useAttach } from './useAttach';
import './documents.css';

/**
 * "Documents and photos" on the client page (every document of the client) and on a session
 * note (that note's). "Attach a file" opens main's dialog; a file can also be dropped anywhere on
 * the page (page-drop.tsx: the page shows the drop target, this card takes the file). A signed
 * note's documents cannot be removed; attaching more is still allowed, like an addendum.
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
  const [viewing, setViewing] = useState<Attachment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const documents = useLiveQuery(
    () =>
      sessionId
        ? repositories().attachments.listForSession(sessionId)
        : repositories().attachments.listForClient(clientId),
    [clientId, sessionId],
  );

  useDropHandler(attach.busy ? null : (files) => void attach.drop(files));

  return (
    <section className="card documents-card" aria-labelledby={headingId} data-testid="documents-card">
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
            {attach.pending.otherMetadataRemoved && (
              <p className="notice ok details-removed">{t('documents.card.detailsRemoved')}</p>
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
        {attachment.otherMetadataRemoved && (
          <span className="muted">{t('documents.item.detailsRemoved')}</span>
        )}
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
            const result = await saveCopy(t, attachment);
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
                forgetThumbnail(attachment.id);
                onNotice(t('documents.item.removed', { title: attachment.title }));
              } catch (error) {
                setFailure(documentErrorText(t, error, t('documents.item.notRemoved')));
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
              setFailure(documentErrorText(t, error, t('documents.item.notSaved')));
              setEditing(false);
            }
          }}
        />
      </Dialog>
    </li>
  );
}

/**
 * A small picture for images, a label for the rest. The picture is a real thumbnail (a few KB,
 * made from the checked bytes with the EXIF orientation applied: thumbnails.ts), asked for only
 * when the item comes near the view, so a client with 200 photos decodes only those seen.
 */
function Thumbnail({ attachment, arriving }: { attachment: Attachment; arriving: boolean }) {
  const t = useT();
  // A document still arriving from another computer has no bytes here yet (sync).
  const image = attachment.mediaType.startsWith('image/') && !arriving;
  const placeholder = useRef<HTMLSpanElement>(null);
  const [near, setNear] = useState(false);
  const [picture, setPicture] = useState<Blob | null>(null);
  const [damaged, setDamaged] = useState(false);
  useEffect(() => {
    const element = placeholder.current;
    if (!image || !element) return;
    const observer = new IntersectionObserver(
      ([entry]) => {
        if (entry?.isIntersecting) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: '200px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [image]);
  useEffect(() => {
    if (!near) return;
    let cancelled = false;
    thumbnailOf(attachment)
      .then((blob) => !cancelled && setPicture(blob))
      .catch(() => !cancelled && setDamaged(true));
    return () => {
      cancelled = true;
    };
  }, [near, attachment]);
  const url = useBlobUrl(picture);
  if (url) return <img className="document-thumb" src={url} alt="" data-testid="document-thumb" />;
  return (
    <span ref={placeholder} className="document-thumb document-thumb-label" aria-hidden="true">
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

function useBlobUrl(blob: Blob | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) return;
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob]);
  return url;
}
