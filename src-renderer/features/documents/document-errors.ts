import type { Translate } from '../../../src-shared/i18n';
import { AttachmentStoreError } from '../../db/attachments-repository';
import { describeStorageError } from '../../db/errors';

/**
 * Why a document could not be opened, saved or removed, in the app's language: the store's own
 * refusals (a damaged file, one still arriving, one on a signed note) by their catalogue key,
 * anything else as the storage layer words it. `context` leads, as with describeStorageError.
 */
export function documentErrorText(t: Translate, error: unknown, context?: string): string {
  if (!(error instanceof AttachmentStoreError)) return describeStorageError(error, context);
  const detail = t(error.key);
  return context ? `${context}: ${detail}` : detail;
}
