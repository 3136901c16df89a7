import { describe, expect, it } from 'vitest';
import {
  CLIENT_RECORD_FORMAT,
  CLIENT_RECORD_VERSION,
  ClientRecordSchema,
} from '../../../src-shared/domain/client-record';
import { assembleClientRecord, clientRecordJson } from '../../../src-shared/exports/client-record-export';
import { ValidationError } from '../../../src-shared/validation';
import { FIXED_NOW, PRACTICE, recordFixture } from './fixtures';

describe('client record JSON', () => {
  it('is the documented, versioned document and validates with its schema', () => {
    const { record } = recordFixture();
    expect(record.format).toBe(CLIENT_RECORD_FORMAT);
    expect(record.version).toBe(CLIENT_RECORD_VERSION);
    expect(record.exportedAt).toBe(FIXED_NOW.toISOString());
    expect(Object.keys(record)).toEqual([
      'format',
      'version',
      'exportedAt',
      'practice',
      'client',
      'healthHistory',
      'sessions',
      'afterEffects',
      'auditLog',
      'intakeSubmissions',
      'intakeDrafts',
      'consents',
      'attachments',
      'outcomeProfiles',
      'outcomeScores',
      'followUps',
    ]);
    expect(ClientRecordSchema.safeParse(record).success).toBe(true);
    expect(record.practice).toEqual({
      name: PRACTICE.practice.name,
      address: PRACTICE.practice.address,
      phone: PRACTICE.practice.phone,
      email: PRACTICE.practice.email,
      website: PRACTICE.practice.website,
      therapistName: 'Anna Berg',
      paperSize: 'A4',
    });
  });

  it('round-trips: the JSON text parses back, validates and equals the record', () => {
    const { record } = recordFixture();
    const text = clientRecordJson(record);
    expect(text.endsWith('}\n')).toBe(true);
    const back = ClientRecordSchema.parse(JSON.parse(text));
    expect(back).toEqual(record);
    // And a second trip gives the same bytes.
    expect(clientRecordJson(back)).toBe(text);
  });

  it('holds every note oldest first, each with its SOAP text, the addendum and the reported after-effect', () => {
    const { record } = recordFixture();
    expect(record.sessions.map((s) => s.note.id)).toEqual(['note-1', 'note-2', 'note-3']);
    const second = record.sessions[1]!;
    expect(second.note.status).toBe('signed');
    expect(second.note.addenda[0]?.reason).toBe('Pain score recorded on the wrong scale');
    expect(second.soap.subjective).toContain('Chief complaint: Jaw tension on waking.');
    expect(
      second.soap.subjective.some((line) =>
        line.startsWith('After the previous session the client reported: Tiredness'),
      ),
    ).toBe(true);
    expect(second.soap.addenda[0]).toContain('Reason: Pain score recorded on the wrong scale.');
    expect(record.sessions[2]?.note.status).toBe('draft');
    expect(record.afterEffects).toHaveLength(1);
    expect(record.auditLog.map((entry) => entry.action)).toEqual([
      'created',
      'signed',
      'created',
      'signed',
      'addendum',
      'created',
    ]);
  });

  it('leaves out the search index field, which is not part of the record', () => {
    const { record, client } = recordFixture();
    expect(client.searchText).not.toBe('');
    expect('searchText' in record.client).toBe(false);
  });

  it('refuses records of another client mixed in, and unknown formats or versions', () => {
    const { record } = recordFixture();
    const foreignNote = {
      ...record,
      sessions: [
        ...record.sessions,
        { ...record.sessions[0]!, note: { ...record.sessions[0]!.note, clientId: 'someone-else' } },
      ],
    };
    const result = ClientRecordSchema.safeParse(foreignNote);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['sessions', 3, 'note', 'clientId']);
    expect(ClientRecordSchema.safeParse({ ...record, version: 2 }).success).toBe(false);
    expect(ClientRecordSchema.safeParse({ ...record, format: 'something-else' }).success).toBe(false);
    const foreignAudit = { ...record, auditLog: [{ ...record.auditLog[0]!, clientId: 'someone-else' }] };
    expect(ClientRecordSchema.safeParse(foreignAudit).success).toBe(false);
  });

  it('a signed note that breaks the strict schema is never handed over', () => {
    const fixture = recordFixture();
    const broken = fixture.notes.map((note) =>
      note.status === 'signed' ? { ...note, painBefore: { score: 14, location: '' } } : note,
    );
    expect(() =>
      assembleClientRecord({
        client: fixture.client,
        healthHistory: fixture.healthHistory,
        notes: broken,
        afterEffects: fixture.afterEffects,
        auditLog: fixture.auditLog,
        practice: PRACTICE,
        now: FIXED_NOW,
      }),
    ).toThrow(ValidationError);
  });

  it('works without practice settings (empty practice, A4)', () => {
    const fixture = recordFixture();
    const record = assembleClientRecord({
      client: fixture.client,
      healthHistory: fixture.healthHistory,
      notes: [],
      afterEffects: [],
      auditLog: [],
      practice: null,
      now: FIXED_NOW,
    });
    expect(record.practice.name).toBe('');
    expect(record.practice.paperSize).toBe('A4');
    // The day the history was last reviewed with the client travels with it (issue 21).
    expect(record.healthHistory.reviewedAt).toBe('2025-01-06');
    expect(record.sessions).toEqual([]);
  });
});
