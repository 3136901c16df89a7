import { BackupError } from '../../../../src-shared/backup';
import type { MessageKey } from '../../../../src-shared/i18n';
import { translate } from '../../../app/i18n';
import { backupErrorText } from '../backup-error-text';
import { describeFailure } from '../backup-service';
import type { RestoreProgress } from './load-backup';
import { RestoreNotStartedError } from './restore-service';

/** What to tell the therapist when opening or restoring a backup failed. */
export function restoreMessage(error: unknown): string {
  if (error instanceof RestoreNotStartedError) return error.message;
  if (error instanceof BackupError && error.code === 'CANCELLED')
    return translate('backup.errors.cancelledUnchanged');
  if (error instanceof BackupError)
    return translate('backup.errors.unchanged', { message: backupErrorText(error) });
  return describeFailure(error, 'restore');
}

const PHASE_LABELS: Record<RestoreProgress['phase'], MessageKey> = {
  checking: 'backup.restore.phases.checking',
  comparing: 'backup.restore.phases.comparing',
  'safety-backup': 'backup.restore.phases.safetyBackup',
  writing: 'backup.restore.phases.writing',
};

/** "Decrypting and checking every record…" */
export function phaseLabel(phase: RestoreProgress['phase']): string {
  return translate(PHASE_LABELS[phase]);
}
