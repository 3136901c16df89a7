import { dayNumber } from '../../../src-shared/domain/dates';
import type { ProgressReport } from '../../../src-shared/outcomes/report';
import {
  changeFromBaseline,
  describeChange,
  formatChange,
  formatScore,
  profileScore,
} from '../../../src-shared/outcomes/score';
import {
  CHANGE_HINT,
  durationLabel,
  ITEM_LABELS,
  type OutcomeItem,
  SCALE_HINT,
} from '../../../src-shared/outcomes/wording';
import { RecordWriter, type TableColumn } from './client-record-writer';
import { loadHandoutFonts, printableText } from './fonts';
import { listSome, type PrintedText, refuseUnprintableText } from './glyph-check';
import { COLOR, PAGE_GEOMETRY, TYPE } from './layout';
import { drawPageFurniture, drawPracticeHeader, practiceHeaderTexts } from './page-furniture';
import { finishPdf, type PdfRenderOptions, startPdf } from './pdf-document';
import { drawOutcomeChart } from './progress-report-chart';

/**
 * The progress report (issue 16): for the client ("you") or for a referring physician. Facts
 * only: the period, the sessions, the client's own words and scores, the areas treated by
 * frequency, the after-effects reported, and the therapist's summary, signed and dated. Nothing
 * in the fixed wording says or implies that the sessions caused a change.
 */

const WORDING = {
  client: {
    title: 'Your progress report',
    intro:
      'This report lists what you told us at your sessions: the things you chose to score, in your own words, and the scores you gave. It records what you reported; it does not say why anything changed.',
    wanted: 'What you wanted to change',
    scores: 'Your scores over time',
    areas: 'Areas worked on, by how many sessions included them',
    effects: 'After-effects you reported',
    summary: 'A note from your therapist',
  },
  physician: {
    title: 'Progress report',
    intro:
      "Summary of the sessions in the period and the client's self-reported outcome scores. The client named the symptoms and the activity in their own words and scored each, and their general wellbeing, over the past week. This is a record of what was reported; it makes no claim about what caused any change.",
    wanted: "The client's chosen outcomes",
    scores: 'Outcome scores',
    areas: 'Areas treated, by number of sessions',
    effects: 'After-effects reported',
    summary: "Therapist's summary",
  },
} as const;

const explain = ({ characters, fields }: { characters: string; fields: readonly string[] }) =>
  `These characters cannot be printed with the PDF fonts: ${characters}. They are in: ${listSome(fields, 8)}.`;

export function progressReportPrintedTexts(report: ProgressReport): PrintedText[] {
  return [
    ...practiceHeaderTexts(report.practice),
    { field: "Client's name", text: report.client.name },
    { field: 'Referring physician', text: report.client.referringPhysician },
    { field: 'Reason for coming', text: report.reasonForComing },
    { field: 'Main symptom', text: report.profile.symptom1 },
    { field: 'Second symptom', text: report.profile.symptom2 ?? '' },
    { field: 'Activity', text: report.profile.activity ?? '' },
    { field: "Therapist's summary", text: report.summary },
    { field: 'Signed by', text: report.signedBy },
    ...report.afterEffects.map((e) => ({ field: 'After-effect', text: e.label })),
  ];
}

export interface ProgressReportRenderOptions extends PdfRenderOptions {
  /** How a calendar date prints ("7 Dec 2026"); main passes the locale's. */
  formatDate: (date: string) => string;
}

export async function renderProgressReportPdf(
  report: ProgressReport,
  options: ProgressReportRenderOptions,
): Promise<Uint8Array> {
  const fonts = loadHandoutFonts(options.fontsDir);
  refuseUnprintableText(progressReportPrintedTexts(report), fonts, explain);
  const words = WORDING[report.audience];
  const fmt = options.formatDate;
  const line = (text: string) => printableText(text, fonts, true);
  const print = (text: string) => printableText(text, fonts).trim();
  const clientName = line(report.client.name);
  const practiceName = line(report.practice.name);
  const geometry = PAGE_GEOMETRY[report.practice.paperSize];
  const { doc, structure, bytes } = startPdf(geometry, fonts, {
    title: `${words.title}: ${clientName}`,
    author: practiceName || 'Stillpoint',
    subject: `Sessions and outcome scores from ${report.period.from} to ${report.period.to}`,
    lang: 'en',
    now: options.now ?? new Date(),
  });
  const w = new RecordWriter(doc, geometry).tagged(structure);
  w.newPage();
  w.y = geometry.firstPageTop;
  if (report.practice.name.trim() !== '' || report.logo)
    drawPracticeHeader(w, report.practice, report.logo, fonts, 16);

  w.tag('H1', () => {
    w.style('bold', TYPE.title, COLOR.accent);
    doc.text(words.title, w.left, w.y, { width: w.width });
  });
  w.y += 4;
  const born = report.client.dateOfBirth ? `, born ${fmt(report.client.dateOfBirth)}` : '';
  w.labelValueRows([
    ['Client', `${clientName}${born}`],
    ...(report.audience === 'physician' && report.client.referringPhysician.trim()
      ? ([['For', line(report.client.referringPhysician)]] as const)
      : []),
    ['Period', `${fmt(report.period.from)} to ${fmt(report.period.to)}`],
    ['Number of sessions', String(report.sessionCount)],
    ['Reason for coming', print(report.reasonForComing)],
  ]);
  w.note(words.intro);

  // What the client chose to score, in their own words.
  w.sectionTitle(words.wanted, 60);
  const items: { item: OutcomeItem; words: string | null }[] = [
    { item: 'symptom1', words: report.profile.symptom1 },
    { item: 'symptom2', words: report.profile.symptom2 },
    { item: 'activity', words: report.profile.activity },
    { item: 'wellbeing', words: null },
  ];
  const present = items.filter((i) => i.item === 'wellbeing' || i.words !== null);
  w.labelValueRows([
    ...present
      .filter((i) => i.item !== 'wellbeing')
      .map((i) => [ITEM_LABELS[i.item], print(i.words ?? '')] as const),
    ['Main symptom for', durationLabel(report.profile.symptom1Duration)],
    ['Scale', SCALE_HINT],
  ]);

  // Scores: the chart, then the same values as a table, then the change with its hint.
  w.sectionTitle(words.scores, 220);
  const baseline = report.scores.find((s) => s.kind === 'baseline') ?? report.scores[0]!;
  const baselineScore = profileScore(baseline.scores);
  const chartPoints = report.scores.map((s) => ({
    day: dayNumber(s.date),
    label: fmt(s.date),
    value: profileScore(s.scores),
  }));
  const described = chartPoints
    .map((p) => `${p.label}: ${p.value === null ? 'not scored' : formatScore(p.value)}`)
    .join('; ');
  drawOutcomeChart(
    w,
    chartPoints,
    baselineScore,
    `Chart of the profile score over time, 0 best and 6 worst. ${described}.`,
  );
  const columns: TableColumn[] = [
    { title: 'Date', width: 96 },
    ...present.map((i) => ({ title: ITEM_LABELS[i.item], width: 62 })),
    { title: 'Profile score', width: 62 },
    { title: 'Change from baseline', width: 80 },
  ];
  const rows = report.scores.map((s) => {
    const mean = profileScore(s.scores);
    const change = s === baseline ? null : changeFromBaseline(baseline.scores, s.scores);
    return [
      `${fmt(s.date)}${s === baseline ? ' (baseline)' : ''}`,
      ...present.map((i) => (s.scores[i.item] === null ? '–' : String(s.scores[i.item]))),
      mean === null ? '–' : formatScore(mean),
      change === null ? '–' : formatChange(change, '-'),
    ];
  });
  w.table(columns, rows);
  const last = report.scores.at(-1)!;
  const change = last === baseline ? null : changeFromBaseline(baseline.scores, last.scores);
  if (change !== null) {
    // The change and its hint stay together.
    w.ensureSpace(44);
    w.labelValueRows([
      ['Latest change from baseline', `${formatChange(change, '-')}: ${describeChange(change).text}.`],
    ]);
    w.note(CHANGE_HINT);
  } else w.note('Only the baseline has been scored in this period.');

  w.sectionTitle(words.areas, 40);
  if (report.treatedAreas.length === 0) w.note('No treated areas recorded.');
  else
    w.table(
      [
        { title: 'Area', width: 300 },
        { title: 'Sessions', width: 80 },
      ],
      report.treatedAreas.map((a) => [print(a.label), String(a.count)]),
    );

  w.sectionTitle(words.effects, 40);
  if (report.afterEffects.length === 0) w.note('None reported.');
  else
    w.table(
      [
        { title: 'After the session of', width: 110 },
        { title: 'After-effect', width: 170 },
        { title: 'Severity', width: 90 },
        { title: 'Resolved', width: 60 },
      ],
      report.afterEffects.map((e) => [fmt(e.date), print(e.label), e.severity, e.resolved ? 'Yes' : 'No']),
    );

  w.sectionTitle(words.summary, 40);
  if (report.summary.trim() === '') w.note('No summary written.');
  else
    for (const paragraph of report.summary
      .split(/\n{2,}/)
      .map(print)
      .filter(Boolean)) {
      const height = w.heightOf(paragraph, 'regular', TYPE.body, w.width);
      w.ensureSpace(Math.min(height, 60));
      w.tag('P', () => {
        w.style('regular', TYPE.body, COLOR.text);
        doc.text(paragraph, w.left, w.y, { width: w.width, lineGap: TYPE.bodyLineGap });
      });
      w.y += 6;
    }

  // Signed and dated.
  w.ensureSpace(60);
  w.y += 24;
  w.rule(w.y, COLOR.text, 0.6);
  w.y += 4;
  w.tag('P', () => {
    w.style('regular', TYPE.body, COLOR.text);
    doc.text(`Signed: ${line(report.signedBy)}    Date: ${fmt(report.signedOn)}`, w.left, w.y, {
      width: w.width,
    });
  });

  w.closeTags();
  drawPageFurniture(w, {
    footer: `Confidential  ·  ${words.title}  ·  ${clientName}`,
    runningHeader: () => [practiceName, `${words.title}: ${clientName}`].filter(Boolean).join('   ·   '),
  });
  finishPdf({ doc, structure });
  return bytes;
}
