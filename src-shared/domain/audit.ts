import { z } from 'zod';
import { parseWith } from '../validation';
import { TimestampSchema } from './dates';
import { type Id, IdSchema, newId } from './ids';

/**
 * The per-note audit log: append-only (the repository only ever adds entries), so a practice can
 * show when a note was written, signed, corrected, printed or handed out, and that a client was
 * deleted (an entry whose noteId is the deleted client's id).
 */

export const AUDIT_ACTIONS = [
  'created',
  'signed',
  'addendum',
  'printed',
  'exported',
  'pdf-saved',
  /** A physician's clearance written onto the client's file from this note (issue 21 item 6). */
  'clearance-recorded',
  /** The one entry left when a client is deleted: when, by whom, no clinical content. */
  'client-deleted',
  // Intake and consent (issue 14): noteId is the submission's or the consent record's id.
  'intake-submitted',
  'intake-reviewed',
  'consent-signed',
  'consent-withdrawn',
  // Documents and photos (issue 15): noteId is the note's id, or the client's for a client's document.
  'document-attached',
  'document-removed',
  /** A progress report saved (issue 16): one entry on each signed note of its period. */
  'progress-report-saved',
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  created: 'Created',
  signed: 'Signed',
  addendum: 'Addendum added',
  printed: 'Printed',
  exported: 'Exported',
  'pdf-saved': 'Saved as PDF',
  'clearance-recorded': 'Clearance recorded',
  'client-deleted': 'Client deleted',
  'intake-submitted': 'Intake form submitted',
  'intake-reviewed': 'Intake form reviewed',
  'consent-signed': 'Consent signed',
  'consent-withdrawn': 'Consent withdrawn',
  'document-attached': 'Document attached',
  'document-removed': 'Document removed',
  'progress-report-saved': 'Progress report saved',
};

export const AuditEntrySchema = z.object({
  id: IdSchema,
  noteId: IdSchema,
  clientId: IdSchema,
  action: AuditActionSchema,
  at: TimestampSchema,
  /** A short human-readable detail: who signed, the addendum's reason, the file name saved. */
  detail: z.string().max(2_000),
  /** Who did it and on which computer (issue 18); absent on entries written before. */
  author: z.string().max(200).optional(),
  computer: z.string().max(100).optional(),
  /**
   * The document a 'document-removed' entry is about: practice sync reads it to carry the removal
   * to the other computers (a durable record, unlike the moment of the write). Absent before.
   */
  documentId: IdSchema.optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export function makeAuditEntry(entry: {
  noteId: Id;
  clientId: Id;
  action: AuditAction;
  now: Date;
  detail?: string;
  id?: Id;
  author?: string;
  computer?: string;
  documentId?: Id;
}): AuditEntry {
  return parseWith(
    AuditEntrySchema,
    {
      id: entry.id ?? newId(),
      noteId: entry.noteId,
      clientId: entry.clientId,
      action: entry.action,
      at: entry.now.toISOString(),
      detail: entry.detail ?? '',
      ...(entry.author ? { author: entry.author } : {}),
      ...(entry.computer ? { computer: entry.computer } : {}),
      ...(entry.documentId ? { documentId: entry.documentId } : {}),
    },
    'Audit entry',
  );
}
