import { useState } from 'react';
import {
  type Attachment,
  type AttachmentDetails,
  type AttachmentKind,
  defaultKind,
  type PreparedFile,
  titleFromFileName,
} from '../../../src-shared/documents/attachment';
import { localToday } from '../../../src-shared/domain/dates';
import type { Id } from '../../../src-shared/domain/ids';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { describeStorageError } from '../../db/errors';
import { chooseFile, type Picked, prepareDropped } from './document-actions';

/**
 * The steps of attaching one file: pick or drop it (main checks it), describe it, store it.
 * `pending` is the checked file waiting for its details; `message` is a refusal or a failed save.
 */
export function useAttach(target: { clientId: Id; sessionId?: Id; kind?: AttachmentKind; addedBy?: string }) {
  const t = useT();
  const [pending, setPending] = useState<PreparedFile | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const take = (picked: Picked) => {
    if (picked.kind === 'refused') setMessage(picked.message);
    else if (picked.kind === 'file') {
      setMessage(null);
      setPending(picked.file);
    }
  };

  return {
    pending,
    message,
    busy,
    initialDetails(file: PreparedFile): AttachmentDetails {
      return {
        title: titleFromFileName(file.originalName),
        kind: target.kind ?? defaultKind(file.mediaType),
        date: localToday(),
      };
    },
    async choose() {
      setBusy(true);
      try {
        take(await chooseFile());
      } finally {
        setBusy(false);
      }
    },
    async drop(files: FileList | File[]) {
      const list = Array.from(files);
      if (list.length === 0) return;
      if (list.length > 1) {
        setMessage(t('documents.attach.oneAtATime'));
        return;
      }
      setBusy(true);
      try {
        take(await prepareDropped(list[0]!, t));
      } finally {
        setBusy(false);
      }
    },
    cancel() {
      setPending(null);
    },
    async save(details: AttachmentDetails): Promise<Attachment | null> {
      if (!pending) return null;
      setBusy(true);
      try {
        const attachment = await repositories().attachments.add({
          clientId: target.clientId,
          ...(target.sessionId ? { sessionId: target.sessionId } : {}),
          details,
          file: pending,
          ...(target.addedBy ? { addedBy: target.addedBy } : {}),
        });
        setPending(null);
        setMessage(null);
        return attachment;
      } catch (error) {
        // A full disk gets the usual message; nothing was stored (one transaction).
        setMessage(describeStorageError(error, t('documents.attach.notAttached')));
        return null;
      } finally {
        setBusy(false);
      }
    },
  };
}
