import { type BackupError, backupErrorMessages } from '../../../src-shared/backup';
import { NOT_STILLPOINT_BODY_MESSAGE } from '../../../src-shared/backup/errors';
import type { MessageKey } from '../../../src-shared/i18n';
import { invalidRecordsText } from '../../../src-shared/i18n/record-failures';
import { translate } from '../../app/i18n';

/** The reader's English lead sentences of INVALID_RECORDS (src-shared/backup/errors.ts). */
const INVALID_LEADS: readonly [string, MessageKey][] = [
  ['Some records in this backup are not valid, so nothing was restored.', 'backup.errors.invalidRecordsLead'],
  ['Some records are not valid, so no backup was made.', 'backup.errors.invalidRecordsBackupLead'],
];

/**
 * A backup reader's message in the app's language. The reader (src-shared/backup) words its
 * errors in English, one fixed message per code; the code picks the catalogue's. Invalid records
 * are worded again from their failures (record-failures.ts): the place of each as it is, its
 * message translated; a refusal without failures keeps its English list after the lead.
 */
export function backupErrorText(error: BackupError): string {
  switch (error.code) {
    case 'CANCELLED':
      return translate('backup.errors.cancelled');
    case 'INVALID_RECORDS': {
      const translated = invalidRecordsText(translate, error);
      if (translated) return translated;
      for (const [english, key] of INVALID_LEADS)
        if (error.message.startsWith(english)) return translate(key) + error.message.slice(english.length);
      return error.message;
    }
    case 'CORRUPTED':
      if (error.message === NOT_STILLPOINT_BODY_MESSAGE) return translate('backup.errors.notStillpointBody');
      return error.message === backupErrorMessages.CORRUPTED
        ? translate('backup.errors.CORRUPTED')
        : error.message;
    default:
      return error.message === backupErrorMessages[error.code]
        ? translate(`backup.errors.${error.code}`)
        : error.message;
  }
}
