import { describe, expect, it } from 'vitest';
import { renderClientRecordPdf } from '../../../src-main/services/pdf/client-record';
import { type ClientRecord, ClientRecordSchema } from '../../../src-shared/domain/client-record';
import { clientRecordJson } from '../../../src-shared/exports/client-record-export';
import { recordFixture } from '../exports/fixtures';
import { FIXED_NOW, FONTS_DIR, pdfPagesText } from '../pdf/fixtures';

/** The client record (JSON and PDF) carries the outcome profiles, their scores and follow-ups. */
function withOutcomes(): ClientRecord {
  const { record } = recordFixture();
  const clientId = record.client.id;
  const session = record.sessions.find(({ note }) => note.status === 'signed')!.note;
  return ClientRecordSchema.parse({
    ...record,
    outcomeProfiles: [
      {
        id: 'p1',
        clientId,
        startedInSessionId: session.id,
        symptom1: 'Πονοκέφαλος το πρωί',
        symptom2: null,
        activity: 'Gardening',
        symptom1Duration: '3-12-months',
        createdAt: '2025-01-13T10:00:00.000Z',
        updatedAt: '2025-01-13T10:00:00.000Z',
      },
    ],
    outcomeScores: [
      {
        id: 's1',
        profileId: 'p1',
        clientId,
        sessionId: session.id,
        kind: 'baseline',
        date: '2025-01-13',
        scores: { symptom1: 5, symptom2: null, activity: 4, wellbeing: 3 },
        recordedAt: '2025-01-13T10:00:00.000Z',
      },
      {
        id: 's2',
        profileId: 'p1',
        clientId,
        sessionId: null,
        kind: 'follow-up',
        date: '2025-01-20',
        scores: { symptom1: 3, symptom2: null, activity: null, wellbeing: 3 },
        recordedAt: '2025-01-20T10:00:00.000Z',
      },
    ],
    followUps: [
      {
        id: 'f1',
        clientId,
        sessionId: session.id,
        date: '2025-01-15',
        contact: 'call',
        outcome: 'no-reactions',
        notes: 'Slept well',
        recordedAt: '2025-01-15T12:00:00.000Z',
      },
    ],
  });
}

describe('the client record with outcomes', () => {
  it('the JSON holds profiles, scores and follow-ups; rows of another client are refused', () => {
    const record = withOutcomes();
    const json = JSON.parse(clientRecordJson(record)) as ClientRecord;
    expect(json.outcomeProfiles[0]?.symptom1).toBe('Πονοκέφαλος το πρωί');
    expect(json.outcomeScores).toHaveLength(2);
    expect(json.followUps[0]?.outcome).toBe('no-reactions');
    const foreign = ClientRecordSchema.safeParse({
      ...record,
      followUps: [{ ...record.followUps[0]!, clientId: 'someone-else' }],
    });
    expect(foreign.success).toBe(false);
  });

  it('the PDF has an outcomes section with the words, the scores and the follow-ups', async () => {
    const pdf = await renderClientRecordPdf(withOutcomes(), {
      fontsDir: FONTS_DIR,
      now: FIXED_NOW,
      timeZone: 'Europe/London',
    });
    const text = (await pdfPagesText(pdf)).join('\n').replace(/\s+/g, ' ');
    // Numbered in the order this record has its sections: no intake forms, so outcomes are 4.
    expect(text).toContain('4 Outcomes and follow-ups');
    expect(text).toContain('Πονοκέφαλος το πρωί (for 3 months to a year)');
    expect(text).toMatch(/13 January 2025 \(baseline\) 5 – 4 3 4 –/);
    expect(text).toMatch(/20 January 2025 3 – – 3 3 -1/);
    expect(text).toContain('No reactions: Slept well');
  });

  it("the outcomes rows are in the record's language (issue 19), the client's words as written", async () => {
    const record = withOutcomes();
    const attachment = {
      id: 'doc-1',
      clientId: record.client.id,
      sessionId: record.sessions[0]!.note.id,
      title: 'Befund Dr. Fischer',
      kind: 'report' as const,
      date: '2025-01-10',
      mediaType: 'image/jpeg' as const,
      size: 2.5 * 1024 * 1024,
      sha256: 'ab'.repeat(32),
      originalName: 'befund.jpg',
      addedAt: '2025-01-10T09:00:00.000Z',
      updatedAt: '2025-01-10T09:00:00.000Z',
      gpsRemoved: false,
      otherMetadataRemoved: false,
      orientation: 1,
    };
    const pdf = await renderClientRecordPdf(
      ClientRecordSchema.parse({ ...record, attachments: [attachment] }),
      { fontsDir: FONTS_DIR, now: FIXED_NOW, timeZone: 'Europe/Berlin', language: 'de' },
    );
    const text = (await pdfPagesText(pdf)).join('\n').replace(/\s+/g, ' ');
    for (const expected of [
      'Verlaufsprofil 1, begonnen am',
      'Hauptbeschwerde Πονοκέφαλος το πρωί (seit 3 Monaten bis einem Jahr)',
      'Aktivität Gardening',
      // Each heading word whole: the score columns make room for German's longer words.
      'Datum Hauptbeschwerde Zweite Beschwerde Aktivität Wohlbefinden Profilwert Veränderung',
      '13. Januar 2025 (Ausgangswert) 5 – 4 3 4 –',
      'Nachfragen nach Sitzungen',
      'Telefonat',
      'Keine Reaktionen: Slept well',
      'Bericht',
      'JPEG-Foto, 2,5 MB, aus einer Sitzungsnotiz',
    ])
      expect(text).toContain(expected);
    for (const english of [
      'Outcome profile',
      '(baseline)',
      'Phone call',
      'No reactions',
      'from a session note',
    ])
      expect(text).not.toContain(english);
  });
});
