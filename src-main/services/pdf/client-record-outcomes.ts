import type { ClientRecord } from '../../../src-shared/domain/client-record';
import { FOLLOW_UP_CONTACT_LABELS } from '../../../src-shared/outcomes/schemas';
import { formatChange, formatScore, scoreRows } from '../../../src-shared/outcomes/score';
import { durationLabel, ITEM_LABELS, OUTCOME_ITEMS } from '../../../src-shared/outcomes/wording';
import type { RecordFormat } from './client-record-text';
import type { RecordWriter } from './client-record-writer';
import type { PrintedText } from './glyph-check';

/**
 * The client record's outcomes section (schema version 5): each outcome profile in the client's
 * words with every score, and the follow-ups after signed sessions.
 */

export function hasOutcomeRecords(record: ClientRecord): boolean {
  return record.outcomeProfiles.length + record.followUps.length > 0;
}

export function outcomePrintedTexts(record: ClientRecord): PrintedText[] {
  return [
    ...record.outcomeProfiles.flatMap((p) => [
      { field: 'Outcome profile: main symptom', text: p.symptom1 },
      { field: 'Outcome profile: second symptom', text: p.symptom2 ?? '' },
      { field: 'Outcome profile: activity', text: p.activity ?? '' },
    ]),
    ...record.followUps.map((f) => ({ field: 'Follow-up notes', text: f.notes })),
  ];
}

export function drawOutcomesSection(
  w: RecordWriter,
  title: string,
  record: ClientRecord,
  format: RecordFormat,
  print: (text: string) => string,
): void {
  w.sectionTitle(title, 60);
  record.outcomeProfiles.forEach((profile, index) => {
    w.subheading(`Outcome profile ${index + 1}, started ${format.moment(profile.createdAt)}`, 40);
    w.labelValueRows([
      [
        ITEM_LABELS.symptom1,
        `${print(profile.symptom1)} (for ${durationLabel(profile.symptom1Duration).toLowerCase()})`,
      ],
      ...(profile.symptom2 ? ([[ITEM_LABELS.symptom2, print(profile.symptom2)]] as const) : []),
      ...(profile.activity ? ([[ITEM_LABELS.activity, print(profile.activity)]] as const) : []),
    ]);
    const rows = scoreRows(record.outcomeScores.filter((s) => s.profileId === profile.id));
    if (rows.length === 0) {
      w.note('Not scored yet.');
      return;
    }
    w.table(
      [
        { title: 'Date', width: 92 },
        ...OUTCOME_ITEMS.map((item) => ({ title: ITEM_LABELS[item], width: 58 })),
        { title: 'Profile score', width: 58 },
        { title: 'Change', width: 0 },
      ],
      rows.map((row) => [
        `${format.date(row.score.date)}${row.score.kind === 'baseline' ? ' (baseline)' : ''}`,
        ...OUTCOME_ITEMS.map((item) =>
          row.score.scores[item] === null ? '–' : String(row.score.scores[item]),
        ),
        row.profileScore === null ? '–' : formatScore(row.profileScore),
        row.change === null ? '–' : formatChange(row.change, '-'),
      ]),
    );
  });
  if (record.followUps.length > 0) {
    w.subheading('Follow-ups after sessions', 30);
    const sessionDate = new Map(record.sessions.map(({ note }) => [note.id, note.serviceDate]));
    w.table(
      [
        { title: 'Session of', width: 92 },
        { title: 'Follow-up', width: 92 },
        { title: 'How', width: 70 },
        { title: 'What the client said', width: 0 },
      ],
      record.followUps.map((f) => {
        const of = sessionDate.get(f.sessionId);
        return [
          of ? format.date(of) : '—',
          format.date(f.date),
          FOLLOW_UP_CONTACT_LABELS[f.contact],
          `${f.outcome === 'no-reactions' ? 'No reactions' : 'After-effects (listed with the session)'}${f.notes ? `: ${print(f.notes)}` : ''}`,
        ];
      }),
    );
  }
}
