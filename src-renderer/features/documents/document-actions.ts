import type { Attachment, PreparedFile } from '../../../src-shared/documents/attachment';
import { AttachmentRefusal, checkOriginalName, checkSize } from '../../../src-shared/documents/prepare';
import type { Translate } from '../../../src-shared/i18n';
import { repositories } from '../../app/repositories';
import { platform } from '../../platform';
import { documentErrorText } from './document-errors';

/** What attaching answers: a checked file to describe and store, nothing (cancelled), or why not. */
export type Picked =
  | { kind: 'file'; file: PreparedFile }
  | { kind: 'cancelled' }
  | { kind: 'refused'; message: string };

/** "Attach a file": main's open dialog; main reads and checks the file. */
export async function chooseFile(): Promise<Picked> {
  const result = await platform().documentsChoose();
  if (!result.ok) return { kind: 'refused', message: result.error.message };
  return result.value ? { kind: 'file', file: result.value } : { kind: 'cancelled' };
}

/**
 * A dropped file: its size and name are checked here first (a 2 GB drop is never read into
 * memory), then its bytes go to main for the same checks as a picked file. Only the bytes and
 * the name cross; no path.
 */
export async function prepareDropped(file: File, t: Translate): Promise<Picked> {
  try {
    checkOriginalName(file.name);
    checkSize(file.size, file.name);
  } catch (error) {
    // The same refusal main would give, in the app's language.
    if (error instanceof AttachmentRefusal) return { kind: 'refused', message: t(error.key, error.values) };
    throw error;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const result = await platform().documentsPrepareDropped({ fileName: file.name, bytes });
  return result.ok
    ? { kind: 'file', file: result.value }
    : { kind: 'refused', message: result.error.message };
}

/** "Save a copy...": the checked bytes to main, which names the file from the title. */
export async function saveCopy(
  t: Translate,
  attachment: Attachment,
): Promise<{ saved: string | null; error?: string }> {
  try {
    const { bytes } = await repositories().attachments.open(attachment.id);
    const result = await platform().documentsSaveCopy({
      title: attachment.title,
      mediaType: attachment.mediaType,
      sha256: attachment.sha256,
      bytes,
    });
    return result.ok ? { saved: result.value.path } : { saved: null, error: result.error.message };
  } catch (error) {
    return { saved: null, error: documentErrorText(t, error) };
  }
}
