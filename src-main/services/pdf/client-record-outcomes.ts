import type { ClientRecord } from '../../../src-shared/domain/client-record';
import { type Translate, translatorFor } from '../../../src-shared/i18n';
import { scoreRows } from '../../../src-shared/outcomes/score';
import { OUTCOME_ITEMS } from '../../../src-shared/outcomes/wording';
import {
  changeNumber,
  contactName,
  durationFor,
  itemName,
  scoreNumber,
} from '../../../src-shared/outcomes/words';
import type { RecordFormat } from './client-record-text';
import { RECORD_TYPE, type RecordWriter, type TableColumn } from './client-record-writer';
import type { PrintedText } from './glyph-check';
import { COLOR } from './layout';

/**
 * The client record's outcomes section (schema version 5): each outcome profile in the client's
 * words with every score, and the follow-ups after signed sessions. In the record's language
 * (its `t`, the "outcomes" area); the client's words as written.
 */

/**
 * Score columns wide enough for their heading's longest word ("Hauptbeschwerde" does not fit
 * where "Main symptom" did, and a word is never broken), never narrower than `least`; the date
 * column gives up what they gain, down to `leastDate`. English keeps its widths.
 */
export function scoreColumns(
  w: RecordWriter,
  date: TableColumn & { least: number },
  columns: readonly TableColumn[],
): TableColumn[] {
  w.style('bold', RECORD_TYPE.table, COLOR.text);
  const longestWord = (title: string) =>
    Math.max(...title.split(/\s+/).map((word) => w.doc.widthOfString(word)));
  const fitted = columns.map((column) => ({
    ...column,
    width: column.width === 0 ? 0 : Math.max(column.width, Math.ceil(longestWord(column.title)) + 8),
  }));
  const gained = fitted.reduce((sum, column, index) => sum + column.width - columns[index]!.width, 0);
  return [{ title: date.title, width: Math.max(date.least, date.width - gained) }, ...fitted];
}

export function hasOutcomeRecords(record: ClientRecord): boolean {
  return record.outcomeProfiles.length + record.followUps.length > 0;
}

/** The outcome texts the record prints; field names in `say`'s language (the refusal's). */
export function outcomePrintedTexts(
  record: ClientRecord,
  say: Translate = translatorFor('en'),
): PrintedText[] {
  return [
    ...record.outcomeProfiles.flatMap((p) => [
      { field: say('record.fields.outcomeMain'), text: p.symptom1 },
      { field: say('record.fields.outcomeSecond'), text: p.symptom2 ?? '' },
      { field: say('record.fields.outcomeActivity'), text: p.activity ?? '' },
    ]),
    ...record.followUps.map((f) => ({ field: say('record.fields.followUpNotes'), text: f.notes })),
  ];
}

export function drawOutcomesSection(
  w: RecordWriter,
  title: string,
  record: ClientRecord,
  format: RecordFormat,
  print: (text: string) => string,
): void {
  const { t } = format;
  w.sectionTitle(title, 60);
  record.outcomeProfiles.forEach((profile, index) => {
    w.subheading(
      t('outcomes.record.profile', { number: index + 1, moment: format.moment(profile.createdAt) }),
      40,
    );
    w.labelValueRows([
      [
        itemName(t, 'symptom1'),
        t('outcomes.wordsFor', {
          words: print(profile.symptom1),
          duration: durationFor(t, profile.symptom1Duration),
        }),
      ],
      ...(profile.symptom2 ? ([[itemName(t, 'symptom2'), print(profile.symptom2)]] as const) : []),
      ...(profile.activity ? ([[itemName(t, 'activity'), print(profile.activity)]] as const) : []),
    ]);
    const rows = scoreRows(record.outcomeScores.filter((s) => s.profileId === profile.id));
    if (rows.length === 0) {
      w.note(t('outcomes.record.notScored'));
      return;
    }
    w.table(
      scoreColumns(w, { title: t('outcomes.table.date'), width: 92, least: 70 }, [
        ...OUTCOME_ITEMS.map((item) => ({ title: itemName(t, item), width: 58 })),
        { title: t('outcomes.table.profileScore'), width: 58 },
        { title: t('outcomes.record.change'), width: 0 },
      ]),
      rows.map((row) => [
        row.score.kind === 'baseline'
          ? t('outcomes.table.baselineDate', { date: format.date(row.score.date) })
          : format.date(row.score.date),
        ...OUTCOME_ITEMS.map((item) =>
          row.score.scores[item] === null ? '–' : String(row.score.scores[item]),
        ),
        row.profileScore === null ? '–' : scoreNumber(t, row.profileScore),
        row.change === null ? '–' : changeNumber(t, row.change, '-'),
      ]),
    );
  });
  if (record.followUps.length > 0) {
    w.subheading(t('outcomes.record.followUps'), 30);
    const sessionDate = new Map(record.sessions.map(({ note }) => [note.id, note.serviceDate]));
    w.table(
      [
        { title: t('outcomes.record.sessionOf'), width: 92 },
        { title: t('outcomes.record.followUp'), width: 92 },
        { title: t('outcomes.record.how'), width: 70 },
        { title: t('outcomes.record.said'), width: 0 },
      ],
      record.followUps.map((f) => {
        const of = sessionDate.get(f.sessionId);
        const outcome = t(
          f.outcome === 'no-reactions' ? 'outcomes.record.noReactions' : 'outcomes.record.afterEffects',
        );
        return [
          of ? format.date(of) : '—',
          format.date(f.date),
          contactName(t, f.contact),
          f.notes ? t('outcomes.record.withNotes', { outcome, notes: print(f.notes) }) : outcome,
        ];
      }),
    );
  }
}
