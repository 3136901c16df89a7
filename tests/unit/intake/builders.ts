import type { Clock } from '../../../src-renderer/db/clients-repository';
import { ConsentRepository } from '../../../src-renderer/db/consent-repository';
import type { StillpointDatabase } from '../../../src-renderer/db/database';
import { IntakeRepository } from '../../../src-renderer/db/intake-repository';
import type { Signature } from '../../../src-shared/intake/records';

/** A 1 x 1 PNG: the smallest image pdfkit and the schema accept. */
export const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** A signature someone drew: one stroke across the pad. */
export function drawnSignature(points = 20): Signature {
  return {
    strokes: [
      {
        points: Array.from({ length: points }, (_, i) => ({
          x: 10 + i * 8,
          y: 40 + Math.round(Math.sin(i / 2) * 15),
          t: 1_760_000_000_000 + i * 16,
        })),
      },
    ],
    png: TINY_PNG,
    width: 400,
    height: 150,
  };
}

export const CONSENT_TEXT =
  'Craniosacral therapy is a gentle, hands-on approach. It does not replace medical care. I may stop at any time.';

/**
 * One client's intake and consent records in every intake table: a consent version, a signed
 * consent with its submission, a withdrawal, and another client's unfinished form.
 */
export async function seedIntake(
  db: StillpointDatabase,
  clock: Clock,
  clientId: string,
  draftClientId: string,
): Promise<{ consentId: string; submissionId: string }> {
  const consents = new ConsentRepository(db, clock);
  const intake = new IntakeRepository(db, consents, clock);
  const version = await consents.createVersion(CONSENT_TEXT);
  const signed = await consents.prepareSigned({
    clientId,
    consentVersionId: version.id,
    text: version.text,
    typedName: 'Zoë Ødegård',
    signerRole: 'client',
    signature: drawnSignature(),
    witness: 'Anna Lind',
  });
  const submission = await intake.submit({
    clientId,
    kind: 'intake',
    consent: signed,
    answers: [
      { questionId: 'reason', question: 'What brings you here?', value: 'Headaches — “since the fall”' },
      { questionId: 'skullFracture', question: 'Have you ever broken a bone in your skull?', value: false },
    ],
  });
  await consents.withdraw(signed.id, 'Anna Lind', 'By phone');
  await intake.saveDraft(draftClientId, 'intake', { reason: 'Jaw pain', fever: false });
  return { consentId: signed.id, submissionId: submission.id };
}
