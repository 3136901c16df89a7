import { BackupError } from '../../../../src-shared/backup';
import { describeFailure } from '../backup-service';
import type { RestoreProgress } from './load-backup';
import { RestoreNotStartedError } from './restore-service';

/** What to tell the therapist when opening or restoring a backup failed. */
export function restoreMessage(error: unknown): string {
  if (error instanceof RestoreNotStartedError) return error.message;
  if (error instanceof BackupError && error.code === 'CANCELLED')
    return 'Cancelled. Your records are unchanged.';
  if (error instanceof BackupError) return `${error.message} Your records are unchanged.`;
  return describeFailure(error, 'restore');
}

export const PHASE_LABELS: Record<RestoreProgress['phase'], string> = {
  checking: 'Decrypting and checking every record…',
  comparing: 'Comparing with the records on this computer…',
  'safety-backup': 'Saving a backup of your current records first…',
  writing: 'Writing the records…',
};
