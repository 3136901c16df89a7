import { makeAuditEntry } from '../../src-shared/domain/audit';
import { type Id, newId } from '../../src-shared/domain/ids';
import { isSignableConsentText } from '../../src-shared/intake/default-consent';
import {
  type ConsentRecord,
  ConsentRecordSchema,
  ConsentTextSchema,
  type ConsentVersion,
  ConsentVersionSchema,
  type ConsentWithdrawal,
  type Signature,
  type SignedConsent,
  type SignerRole,
  sha256Hex,
} from '../../src-shared/intake/records';
import { parseWith } from '../../src-shared/validation';
import { writtenHere } from './authorship';
import { type Clock, systemClock } from './clients-repository';
import type { StillpointDatabase } from './database';

/** Refused: a version someone has signed is kept exactly as they read it. */
export class SignedConsentVersionError extends Error {
  constructor(version: number) {
    super(
      `Consent version ${version} has been signed, so its words cannot change. Make a new version instead: clients who signed version ${version} keep what they signed.`,
    );
    this.name = 'SignedConsentVersionError';
  }
}

/** Refuses a signed consent whose stored hash is not its text's (checked before each write). */
export async function assertHashMatches(record: SignedConsent): Promise<void> {
  if ((await sha256Hex(record.text)) !== record.textSha256) {
    throw new Error('The signed consent does not match its SHA-256: nothing was saved.');
  }
}

/**
 * The only code that touches the consentVersions and consents tables.
 *
 * - A consent version can be edited until someone signs it; after that `saveText` refuses, and
 *   `createVersion` makes the next one.
 * - A signed consent holds the exact text, its version and SHA-256; `sign` refuses a text that is
 *   not the version's text or a hash that is not the text's. There is no method that changes or
 *   removes a consent record: withdrawing adds a record.
 */
export class ConsentRepository {
  constructor(
    private readonly db: StillpointDatabase,
    private readonly clock: Clock = systemClock,
  ) {}

  async versions(): Promise<ConsentVersion[]> {
    const rows = await this.db.consentVersions.orderBy('version').toArray();
    return rows.map((row) => ConsentVersionSchema.parse(row));
  }

  /** The version clients sign now: the highest number, or null before any is written. */
  async current(): Promise<ConsentVersion | null> {
    const row = await this.db.consentVersions.orderBy('version').last();
    return row ? ConsentVersionSchema.parse(row) : null;
  }

  async isSigned(versionId: Id): Promise<boolean> {
    return (await this.db.consents.where('consentVersionId').equals(versionId).count()) > 0;
  }

  /** A new version with the next number. */
  async createVersion(text: string): Promise<ConsentVersion> {
    const valid = parseWith(ConsentTextSchema, text, 'The consent text');
    const now = this.clock.now().toISOString();
    return this.db.transaction('rw', this.db.consentVersions, async () => {
      const last = await this.db.consentVersions.orderBy('version').last();
      const version = parseWith(
        ConsentVersionSchema,
        { id: newId(), version: (last?.version ?? 0) + 1, text: valid, createdAt: now, updatedAt: now },
        'The consent version',
      );
      await this.db.consentVersions.add(version);
      return version;
    });
  }

  /** Edits a version's words: refused once anyone has signed it. */
  async saveText(versionId: Id, text: string): Promise<ConsentVersion> {
    const valid = parseWith(ConsentTextSchema, text, 'The consent text');
    return this.db.transaction('rw', this.db.consentVersions, this.db.consents, async () => {
      const row = await this.db.consentVersions.get(versionId);
      if (!row) throw new Error('This consent version no longer exists.');
      const stored = ConsentVersionSchema.parse(row);
      if (await this.isSigned(versionId)) throw new SignedConsentVersionError(stored.version);
      const next = parseWith(
        ConsentVersionSchema,
        { ...stored, text: valid, updatedAt: this.clock.now().toISOString() },
        'The consent version',
      );
      await this.db.consentVersions.put(next);
      return next;
    });
  }

  /** The current version, made from `defaultText` when the practice has none yet. */
  async currentOrDefault(defaultText: string): Promise<ConsentVersion> {
    return (await this.current()) ?? this.createVersion(defaultText);
  }

  async listForClient(clientId: Id): Promise<ConsentRecord[]> {
    const rows = await this.db.consents.where('clientId').equals(clientId).sortBy('at');
    return rows.map((row) => ConsentRecordSchema.parse(row));
  }

  async get(id: Id): Promise<ConsentRecord | undefined> {
    const row = await this.db.consents.get(id);
    return row ? ConsentRecordSchema.parse(row) : undefined;
  }

  /**
   * The signed consent as a record, checked: the text must be the version's exact text (or
   * Stillpoint's standard wording in the client's language, see default-consent.ts) and the hash
   * its SHA-256. Written by `IntakeRepository.submit` in the same transaction as the
   * answers; `sign` alone is for a consent signed without a form.
   */
  async prepareSigned(input: {
    clientId: Id;
    consentVersionId: Id;
    text: string;
    typedName: string;
    signerRole: SignerRole;
    signature: Signature;
    witness: string;
  }): Promise<SignedConsent> {
    const row = await this.db.consentVersions.get(input.consentVersionId);
    if (!row) throw new Error('This consent version no longer exists.');
    const version = ConsentVersionSchema.parse(row);
    // The version's words, or Stillpoint's standard wording in the client's language.
    if (!isSignableConsentText(version.text, input.text)) {
      throw new Error('The consent text signed is not the text of its version: nothing was saved.');
    }
    const record = parseWith(
      ConsentRecordSchema,
      {
        id: newId(),
        clientId: input.clientId,
        kind: 'signed',
        consentVersionId: version.id,
        version: version.version,
        text: input.text,
        textSha256: await sha256Hex(input.text),
        typedName: input.typedName,
        signerRole: input.signerRole,
        signature: input.signature,
        witness: input.witness,
        at: this.clock.now().toISOString(),
      },
      'The signed consent',
    );
    return record as SignedConsent;
  }

  /** Checks a prepared record again inside the caller's transaction and adds it with its audit entry. */
  async addSignedInTransaction(record: SignedConsent): Promise<void> {
    if (!(await this.db.clients.get(record.clientId))) throw new Error('This client no longer exists.');
    const version = await this.db.consentVersions.get(record.consentVersionId);
    if (!version || !isSignableConsentText(version.text, record.text)) {
      throw new Error('The consent text changed while it was being signed: nothing was saved.');
    }
    await this.db.consents.add(record);
    await this.db.auditLog.add(
      makeAuditEntry({
        ...writtenHere(),
        noteId: record.id,
        clientId: record.clientId,
        action: 'consent-signed',
        now: this.clock.now(),
        detail: `Consent version ${record.version} signed by ${record.typedName} (${record.signerRole})${record.witness ? `, witnessed by ${record.witness}` : ''}.`,
      }),
    );
  }

  async sign(input: Parameters<ConsentRepository['prepareSigned']>[0]): Promise<SignedConsent> {
    const record = await this.prepareSigned(input);
    await assertHashMatches(record);
    await this.db.transaction(
      'rw',
      [this.db.clients, this.db.consentVersions, this.db.consents, this.db.auditLog],
      () => this.addSignedInTransaction(record),
    );
    return record;
  }

  /** Withdrawing consent adds a record; the signed consent stays as it was. */
  async withdraw(consentId: Id, recordedBy: string, reason = ''): Promise<ConsentWithdrawal> {
    return this.db.transaction('rw', [this.db.consents, this.db.auditLog], async () => {
      const signed = await this.get(consentId);
      if (signed?.kind !== 'signed') throw new Error('There is no signed consent to withdraw.');
      const record = parseWith(
        ConsentRecordSchema,
        {
          id: newId(),
          clientId: signed.clientId,
          kind: 'withdrawn',
          consentId,
          recordedBy,
          reason,
          at: this.clock.now().toISOString(),
        },
        'The withdrawal',
      ) as ConsentWithdrawal;
      await this.db.consents.add(record);
      await this.db.auditLog.add(
        makeAuditEntry({
          ...writtenHere(),
          noteId: record.id,
          clientId: record.clientId,
          action: 'consent-withdrawn',
          now: this.clock.now(),
          detail:
            `Consent version ${signed.version} withdrawn, recorded by ${record.recordedBy}.${reason ? ` ${reason}` : ''}`.slice(
              0,
              2000,
            ),
        }),
      );
      return record;
    });
  }
}
