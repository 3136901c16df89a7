import { makeAuditEntry } from '../../src-shared/domain/audit';
import { type Id, newId } from '../../src-shared/domain/ids';
import {
  type Answers,
  type IntakeDraft,
  IntakeDraftSchema,
  type IntakeSubmission,
  IntakeSubmissionSchema,
  type SignedConsent,
  type SubmittedAnswer,
} from '../../src-shared/intake/records';
import { parseWith } from '../../src-shared/validation';
import { writtenHere } from './authorship';
import { type Clock, systemClock } from './clients-repository';
import { assertHashMatches, type ConsentRepository } from './consent-repository';
import type { StillpointDatabase } from './database';

/**
 * The only code that touches the intakeDrafts and intakeSubmissions tables.
 *
 * A draft is replaced as the client types and removed when they submit. A submission is added
 * once and never changed: there is no update or delete here (deleting the whole client is the
 * clients repository's one exception). Whether it has been reviewed is read from the audit log
 * ("Intake form reviewed" under the submission's id), which is append-only too.
 */
export class IntakeRepository {
  constructor(
    private readonly db: StillpointDatabase,
    private readonly consents: ConsentRepository,
    private readonly clock: Clock = systemClock,
  ) {}

  async draft(clientId: Id): Promise<IntakeDraft | undefined> {
    const row = await this.db.intakeDrafts.get(clientId);
    return row ? IntakeDraftSchema.parse(row) : undefined;
  }

  async saveDraft(clientId: Id, kind: IntakeDraft['kind'], answers: Answers): Promise<IntakeDraft> {
    const draft = parseWith(
      IntakeDraftSchema,
      { clientId, kind, answers, updatedAt: this.clock.now().toISOString() },
      'The intake form',
    );
    await this.db.transaction('rw', this.db.clients, this.db.intakeDrafts, async () => {
      if (!(await this.db.clients.get(clientId))) throw new Error('This client no longer exists.');
      await this.db.intakeDrafts.put(draft);
    });
    return draft;
  }

  async discardDraft(clientId: Id): Promise<void> {
    await this.db.intakeDrafts.delete(clientId);
  }

  /**
   * Keeps the answers (and the signed consent, if any) exactly as submitted, all in one
   * transaction with their audit entries, and removes the draft. Never touches the health
   * history: the therapist's review does that.
   */
  async submit(input: {
    clientId: Id;
    kind: IntakeSubmission['kind'];
    answers: readonly SubmittedAnswer[];
    consent: SignedConsent | null;
  }): Promise<IntakeSubmission> {
    const now = this.clock.now();
    if (input.consent) {
      await assertHashMatches(input.consent);
      if (input.consent.clientId !== input.clientId)
        throw new Error('The consent belongs to another client.');
    }
    const submission = parseWith(
      IntakeSubmissionSchema,
      {
        id: newId(),
        clientId: input.clientId,
        kind: input.kind,
        answers: input.answers,
        submittedAt: now.toISOString(),
        consentId: input.consent?.id ?? null,
      },
      'The intake form',
    );
    const { db } = this;
    await db.transaction(
      'rw',
      [db.clients, db.intakeDrafts, db.intakeSubmissions, db.consentVersions, db.consents, db.auditLog],
      async () => {
        if (!(await db.clients.get(input.clientId))) throw new Error('This client no longer exists.');
        if (input.consent) await this.consents.addSignedInTransaction(input.consent);
        await db.intakeSubmissions.add(submission);
        await db.intakeDrafts.delete(input.clientId);
        await db.auditLog.add(
          makeAuditEntry({
            ...writtenHere(),
            noteId: submission.id,
            clientId: input.clientId,
            action: 'intake-submitted',
            now,
            detail: `${input.kind === 'intake' ? 'Intake form' : 'Health update'} submitted by the client (${submission.answers.length} answers).`,
          }),
        );
      },
    );
    return submission;
  }

  async get(id: Id): Promise<IntakeSubmission | undefined> {
    const row = await this.db.intakeSubmissions.get(id);
    return row ? IntakeSubmissionSchema.parse(row) : undefined;
  }

  /** A client's submissions, newest first. */
  async listForClient(clientId: Id): Promise<IntakeSubmission[]> {
    const rows = await this.db.intakeSubmissions.where('clientId').equals(clientId).sortBy('submittedAt');
    return rows.map((row) => IntakeSubmissionSchema.parse(row)).reverse();
  }

  async reviewedIds(clientId: Id): Promise<Set<Id>> {
    const entries = await this.db.auditLog.where('clientId').equals(clientId).toArray();
    return new Set(entries.filter((e) => e.action === 'intake-reviewed').map((e) => e.noteId as Id));
  }

  /** Submissions the therapist has not reviewed yet, oldest first ("Intake to review"). */
  async toReview(clientId: Id): Promise<IntakeSubmission[]> {
    const reviewed = await this.reviewedIds(clientId);
    return (await this.listForClient(clientId)).filter((s) => !reviewed.has(s.id)).reverse();
  }

  /**
   * The day the client last confirmed their health history: their latest submission (a first
   * intake or an update), or null when they never filled one in.
   */
  async lastConfirmedAt(clientId: Id): Promise<string | null> {
    const rows = await this.db.intakeSubmissions.where('clientId').equals(clientId).sortBy('submittedAt');
    const last = rows.at(-1);
    return last ? IntakeSubmissionSchema.parse(last).submittedAt : null;
  }

  /** Records the review in the audit log; the submission itself stays exactly as it was. */
  async markReviewed(submissionId: Id, detail: string): Promise<void> {
    await this.db.transaction('rw', this.db.intakeSubmissions, this.db.auditLog, async () => {
      const submission = await this.get(submissionId);
      if (!submission) throw new Error('This intake form no longer exists.');
      await this.db.auditLog.add(
        makeAuditEntry({
          ...writtenHere(),
          noteId: submissionId,
          clientId: submission.clientId,
          action: 'intake-reviewed',
          now: this.clock.now(),
          detail: detail.slice(0, 2000),
        }),
      );
    });
  }
}
