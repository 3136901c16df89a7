import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import type { Attachment } from '../../../src-shared/documents/attachment';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { Dialog } from '../../app/ui/Dialog';
import { saveCopy } from './document-actions';
import { documentErrorText } from './document-errors';

/**
 * A document inside the app: images as images (orientation from EXIF applied by the browser's
 * `image-orientation: from-image`), PDFs drawn page by page with pdf.js as they scroll into view
 * (pdf-pages.ts: no scripts, no network, only the pages near the view held as pictures), text as text. The bytes are checked against the stored SHA-256 first;
 * a file that fails is not shown.
 */
export function DocumentViewer({
  attachment,
  onClose,
}: {
  attachment: Attachment | null;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Dialog
      title={attachment ? attachment.title : t('documents.viewer.document')}
      open={attachment !== null}
      onClose={onClose}
    >
      {attachment && <ViewerBody attachment={attachment} onClose={onClose} />}
    </Dialog>
  );
}

function ViewerBody({ attachment, onClose }: { attachment: Attachment; onClose: () => void }) {
  const t = useT();
  const [state, setState] = useState<
    | { kind: 'loading' }
    // The error itself, worded at render: a change of language re-words it without reopening.
    | { kind: 'error'; error: unknown }
    | { kind: 'ready'; bytes: Uint8Array<ArrayBuffer> }
  >({ kind: 'loading' });
  const [saved, setSaved] = useState<string | null>(null);
  // A file practice sync is still bringing says so, and opens by itself once it is here.
  const arrived = useLiveQuery(() => repositories().attachments.hasFile(attachment.id), [attachment.id]);

  useEffect(() => {
    if (arrived === undefined) return;
    let cancelled = false;
    repositories()
      .attachments.open(attachment.id)
      .then(({ bytes }) => !cancelled && setState({ kind: 'ready', bytes }))
      .catch((error: unknown) => !cancelled && setState({ kind: 'error', error }));
    return () => {
      cancelled = true;
    };
  }, [attachment.id, arrived]);

  return (
    <div className="document-viewer">
      {state.kind === 'loading' && <p className="muted">{t('documents.viewer.opening')}</p>}
      {state.kind === 'error' && (
        <p className="notice error" role="alert">
          {documentErrorText(t, state.error)}
        </p>
      )}
      {state.kind === 'ready' && <Contents attachment={attachment} bytes={state.bytes} />}
      {saved && (
        <p className="notice ok" role="status">
          {saved}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          disabled={state.kind !== 'ready'}
          onClick={async () => {
            const result = await saveCopy(t, attachment);
            setSaved(
              result.error ?? (result.saved ? t('documents.viewer.savedTo', { path: result.saved }) : null),
            );
          }}
        >
          {t('documents.item.saveCopy')}
        </button>
        <button type="button" onClick={onClose}>
          {t('documents.viewer.close')}
        </button>
      </div>
    </div>
  );
}

function Contents({ attachment, bytes }: { attachment: Attachment; bytes: Uint8Array<ArrayBuffer> }) {
  if (attachment.mediaType === 'application/pdf') return <PdfContents bytes={bytes} />;
  if (attachment.mediaType === 'text/plain') {
    return <pre className="document-text">{new TextDecoder().decode(bytes)}</pre>;
  }
  return <ImageContents attachment={attachment} bytes={bytes} />;
}

export function useObjectUrl(bytes: Uint8Array<ArrayBuffer> | null, type: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!bytes) return;
    const next = URL.createObjectURL(new Blob([bytes], { type }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [bytes, type]);
  return url;
}

function ImageContents({ attachment, bytes }: { attachment: Attachment; bytes: Uint8Array<ArrayBuffer> }) {
  const url = useObjectUrl(bytes, attachment.mediaType);
  return url ? <img className="document-image" src={url} alt={attachment.title} /> : null;
}

function PdfContents({ bytes }: { bytes: Uint8Array }) {
  const ref = useRef<HTMLDivElement>(null);
  const t = useT();
  const [status, setStatus] = useState<string>(() => t('documents.viewer.drawing'));
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    let cancelled = false;
    let shown: { close(): Promise<void> } | null = null;
    container.replaceChildren();
    import('./pdf-pages')
      .then(({ showPdfPages }) =>
        showPdfPages(bytes, container, (page, count) => t('documents.viewer.page', { page, count })),
      )
      .then((pdf) => {
        if (cancelled) return void pdf.close();
        shown = pdf;
        setStatus(t('documents.viewer.pages', { count: pdf.pages }));
      })
      .catch(() => !cancelled && setStatus(t('documents.viewer.pdfFailed')));
    return () => {
      cancelled = true;
      void shown?.close();
    };
  }, [bytes, t]);
  return (
    <div className="document-pdf">
      <p className="muted" role="status" data-testid="pdf-status">
        {status}
      </p>
      {/* A scroll box of its own: pages are drawn as they come near its visible part. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the pages scroll with the keyboard too */}
      <div ref={ref} className="pdf-pages" tabIndex={0} data-testid="pdf-pages" />
    </div>
  );
}
