import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AuditRepository } from '../../../src-renderer/db/audit-repository';
import { ConsentRepository, SignedConsentVersionError } from '../../../src-renderer/db/consent-repository';
import { IntakeRepository } from '../../../src-renderer/db/intake-repository';
import {
  consentTextFor,
  DEFAULT_CONSENT_TEXT,
  STANDARD_CONSENT_TEXTS,
} from '../../../src-shared/intake/default-consent';
import { consentInForce, SignatureSchema, sha256Hex } from '../../../src-shared/intake/records';
import { addClient, openRepositories } from '../db/helpers';
import { CONSENT_TEXT, drawnSignature } from './builders';

async function setUp() {
  const repos = openRepositories();
  const client = await addClient(repos.clients);
  const consents = new ConsentRepository(repos.db, repos.clock);
  const intake = new IntakeRepository(repos.db, consents, repos.clock);
  return { ...repos, client, consents, intake };
}

const signer = (clientId: string, versionId: string, text: string) => ({
  clientId,
  consentVersionId: versionId,
  text,
  typedName: 'Marta Kowalska',
  signerRole: 'client' as const,
  signature: drawnSignature(),
  witness: 'Anna Lind',
});

describe('consent versions and signed consents', () => {
  it('a version can be edited until it is signed, then only replaced', async () => {
    const { client, consents, db } = await setUp();
    const v1 = await consents.createVersion(CONSENT_TEXT);
    const edited = await consents.saveText(v1.id, `${CONSENT_TEXT} Edited before anyone signed.`);
    await consents.sign(signer(client.id, v1.id, edited.text));
    await expect(consents.saveText(v1.id, `${CONSENT_TEXT} Changed after signing.`)).rejects.toBeInstanceOf(
      SignedConsentVersionError,
    );
    expect((await consents.current())?.text).toBe(edited.text);
    const v2 = await consents.createVersion(`${CONSENT_TEXT} Version two.`);
    expect(v2.version).toBe(2);
    expect((await consents.current())?.id).toBe(v2.id);
    db.close();
  });

  it('keeps the exact text, its SHA-256, the name, role, signature and witness', async () => {
    const { client, consents, db } = await setUp();
    const v1 = await consents.createVersion(CONSENT_TEXT);
    const signed = await consents.sign(signer(client.id, v1.id, v1.text));
    const [stored] = await consents.listForClient(client.id);
    expect(stored).toEqual(signed);
    expect(signed.kind === 'signed' && signed.textSha256).toBe(await sha256Hex(CONSENT_TEXT));
    expect(signed.signature.strokes[0]!.points.length).toBe(20);
    db.close();
  });

  it('refuses a text that is not the version’s, and a hash that is not the text’s', async () => {
    const { client, consents, intake, db } = await setUp();
    const v1 = await consents.createVersion(CONSENT_TEXT);
    await expect(consents.sign(signer(client.id, v1.id, `${CONSENT_TEXT}!`))).rejects.toThrow(/not the text/);
    const prepared = await consents.prepareSigned(signer(client.id, v1.id, v1.text));
    await expect(
      intake.submit({
        clientId: client.id,
        kind: 'intake',
        answers: [],
        consent: { ...prepared, text: `${CONSENT_TEXT} tampered` },
      }),
    ).rejects.toThrow(/SHA-256/);
    expect(await consents.listForClient(client.id)).toEqual([]);
    db.close();
  });

  it('refuses an empty or one-dot signature: "Please sign in the box"', () => {
    const dot = { ...drawnSignature(), strokes: [{ points: [{ x: 5, y: 5, t: 1 }] }] };
    const none = { ...drawnSignature(), strokes: [] };
    for (const signature of [dot, none]) {
      const parsed = SignatureSchema.safeParse(signature);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe('Please sign in the box');
    }
    expect(SignatureSchema.safeParse(drawnSignature()).success).toBe(true);
  });

  it('withdrawing adds a record; the signed consent stays as it was', async () => {
    const { client, consents, db, clock } = await setUp();
    const v1 = await consents.createVersion(CONSENT_TEXT);
    const signed = await consents.sign(signer(client.id, v1.id, v1.text));
    await consents.withdraw(signed.id, 'Anna Lind', 'Asked by phone');
    const records = await consents.listForClient(client.id);
    expect(records.map((r) => r.kind)).toEqual(['signed', 'withdrawn']);
    expect(records[0]).toEqual(signed);
    expect(consentInForce(records)).toBeNull();
    const audit = await new AuditRepository(db, clock).listForClient(client.id);
    expect(audit.map((e) => e.action)).toEqual(['consent-signed', 'consent-withdrawn']);
    db.close();
  });
});

describe('intake submissions', () => {
  it('are kept as submitted, wait for review, and the review is an audit entry', async () => {
    const { client, intake, consents, db } = await setUp();
    await intake.saveDraft(client.id, 'intake', { reason: 'Headaches' });
    expect((await intake.draft(client.id))?.answers).toEqual({ reason: 'Headaches' });
    const v1 = await consents.createVersion(CONSENT_TEXT);
    const consent = await consents.prepareSigned(signer(client.id, v1.id, v1.text));
    const submission = await intake.submit({
      clientId: client.id,
      kind: 'intake',
      answers: [{ questionId: 'reason', question: 'What brings you here?', value: 'Headaches' }],
      consent,
    });
    expect(await intake.draft(client.id)).toBeUndefined();
    expect((await intake.toReview(client.id)).map((s) => s.id)).toEqual([submission.id]);
    await intake.markReviewed(submission.id, 'Accepted 1 answer');
    expect(await intake.toReview(client.id)).toEqual([]);
    expect(await intake.get(submission.id)).toEqual(submission);
    expect(await intake.lastConfirmedAt(client.id)).toBe(submission.submittedAt);
    // The repository has no way to change a submission.
    expect(
      Object.getOwnPropertyNames(IntakeRepository.prototype).filter((n) => /update|edit|put/i.test(n)),
    ).toEqual([]);
    db.close();
  });

  it("a client who reads Spanish signs Stillpoint's standard Spanish wording under the practice's version, kept exactly", async () => {
    const { client, consents, db } = await setUp();
    const v1 = await consents.createVersion(CONSENT_TEXT);
    const spanish = consentTextFor('es', v1.text);
    expect(spanish).toEqual({ text: STANDARD_CONSENT_TEXTS.es, standard: true, edited: true });
    const signed = await consents.sign(signer(client.id, v1.id, spanish.text));
    expect(signed.kind === 'signed' && signed.version).toBe(1);
    expect(signed.kind === 'signed' && signed.text).toBe(STANDARD_CONSENT_TEXTS.es);
    expect(signed.kind === 'signed' && signed.textSha256).toBe(await sha256Hex(STANDARD_CONSENT_TEXTS.es));
    // Not any text: the standard wording of a language, or the version's own.
    await expect(consents.sign(signer(client.id, v1.id, `${STANDARD_CONSENT_TEXTS.es} `))).rejects.toThrow(
      /not the text/,
    );
    // The practice's edited text is used for English only; the standard English is not signable in its place.
    expect(consentTextFor('en', v1.text)).toEqual({ text: v1.text, standard: false, edited: true });
    await expect(consents.sign(signer(client.id, v1.id, DEFAULT_CONSENT_TEXT))).rejects.toThrow(
      /not the text/,
    );
    db.close();
  });
});
