import type { MessageKey, Translate } from '../i18n';
import { ATTACHMENT_MESSAGES, type AttachmentKind, type AttachmentMediaType } from './attachment';

/**
 * A document's kind and type in the reader's language (its size: formatBytes, i18n/bytes.ts) (issue 19), for the screens and
 * the client record PDF alike. The stored values ('clearance letter', 'image/jpeg') never
 * change: each has a catalogue key of its own, in the "documents" area.
 */

const KIND_KEYS: Readonly<Record<AttachmentKind, MessageKey>> = {
  'clearance letter': 'documents.kinds.clearanceLetter',
  referral: 'documents.kinds.referral',
  consent: 'documents.kinds.consent',
  report: 'documents.kinds.report',
  photo: 'documents.kinds.photo',
  other: 'documents.kinds.other',
};

const MEDIA_TYPE_KEYS: Readonly<Record<AttachmentMediaType, MessageKey>> = {
  'application/pdf': 'documents.mediaTypes.pdf',
  'image/jpeg': 'documents.mediaTypes.jpeg',
  'image/png': 'documents.mediaTypes.png',
  'image/webp': 'documents.mediaTypes.webp',
  'text/plain': 'documents.mediaTypes.text',
};

/** "Clearance letter", "Ärztliche Freigabe" ... */
export function kindLabel(t: Translate, kind: AttachmentKind): string {
  return t(KIND_KEYS[kind]);
}

/** "JPEG photo", "JPEG-Foto" ... */
export function mediaTypeLabel(t: Translate, mediaType: AttachmentMediaType): string {
  return t(MEDIA_TYPE_KEYS[mediaType]);
}

const MESSAGE_KEYS: ReadonlyMap<string, MessageKey> = new Map([
  [ATTACHMENT_MESSAGES.title, 'documents.details.titleMissing'],
  [ATTACHMENT_MESSAGES.tooLong, 'documents.details.tooLong'],
]);

/** A message of AttachmentDetailsSchema in the reader's language; any other stays as it is. */
export function attachmentMessage(t: Translate, message: string): string {
  const key = MESSAGE_KEYS.get(message);
  return key ? t(key) : message;
}
