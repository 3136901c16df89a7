import { dayNumber } from '../../../src-shared/domain/dates';
import { type Language, type Translate, translatorFor } from '../../../src-shared/i18n';
import type { ProgressReport } from '../../../src-shared/outcomes/report';
import { changeFromBaseline, profileScore } from '../../../src-shared/outcomes/score';
import type { OutcomeItem } from '../../../src-shared/outcomes/wording';
import {
  changeNumber,
  changeWords,
  durationName,
  itemName,
  scoreNumber,
} from '../../../src-shared/outcomes/words';
import { scoreColumns } from './client-record-outcomes';
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
 *
 * Written in the client's language (issue 19), like the aftercare handout: the fixed wording
 * from the "outcomes" area of the catalogue; the client's and the therapist's words as written.
 */

/** The two wordings (for the client, "you"; for a physician) in one language. */
function wordingFor(t: Translate, audience: ProgressReport['audience']) {
  const part = (name: 'title' | 'intro' | 'wanted' | 'scores' | 'areas' | 'effects' | 'summary') =>
    t(`outcomes.report.${audience}.${name}`);
  return {
    title: part('title'),
    intro: part('intro'),
    wanted: part('wanted'),
    scores: part('scores'),
    areas: part('areas'),
    effects: part('effects'),
    summary: part('summary'),
  };
}

/**
 * Every text the report prints that a user typed, with its field's name in `say`'s language
 * (the therapist reads a refusal in the app's language, whatever the report's).
 */
export function progressReportPrintedTexts(
  report: ProgressReport,
  say: Translate = translatorFor('en'),
): PrintedText[] {
  return [
    ...practiceHeaderTexts(report.practice, say),
    { field: say('record.fields.clientName'), text: report.client.name },
    { field: say('record.fields.referringPhysician'), text: report.client.referringPhysician },
    { field: say('outcomes.report.fields.reasonForComing'), text: report.reasonForComing },
    { field: say('outcomes.report.fields.mainSymptom'), text: report.profile.symptom1 },
    { field: say('outcomes.report.fields.secondSymptom'), text: report.profile.symptom2 ?? '' },
    { field: say('outcomes.report.fields.activity'), text: report.profile.activity ?? '' },
    { field: say('outcomes.report.fields.summary'), text: report.summary },
    { field: say('outcomes.report.fields.signedBy'), text: report.signedBy },
    ...report.afterEffects.map((e) => ({ field: say('outcomes.report.fields.afterEffect'), text: e.label })),
  ];
}

export interface ProgressReportRenderOptions extends PdfRenderOptions {
  /** How a calendar date prints ("7 December 2026"); main passes the report language's. */
  formatDate: (date: string) => string;
  /** The report's language: the client's preferred one, else the app's (the handler decides). */
  language?: Language;
  /** The app's language, for a refusal the therapist reads; English by default. */
  say?: Translate;
}

export async function renderProgressReportPdf(
  report: ProgressReport,
  options: ProgressReportRenderOptions,
): Promise<Uint8Array> {
  const fonts = loadHandoutFonts(options.fontsDir);
  const say = options.say ?? translatorFor('en');
  refuseUnprintableText(progressReportPrintedTexts(report, say), fonts, ({ characters, fields }) => ({
    key: 'errors.pdfUnprintable',
    values: { characters, fields: listSome(fields, 8, say) },
  }));
  const language = options.language ?? 'en';
  const t = translatorFor(language);
  const words = wordingFor(t, report.audience);
  const fmt = options.formatDate;
  const line = (text: string) => printableText(text, fonts, true);
  const print = (text: string) => printableText(text, fonts).trim();
  const clientName = line(report.client.name);
  const practiceName = line(report.practice.name);
  const geometry = PAGE_GEOMETRY[report.practice.paperSize];
  const { doc, structure, bytes } = startPdf(geometry, fonts, {
    title: t('outcomes.report.documentTitle', { title: words.title, clientName }),
    author: practiceName || 'Stillpoint',
    subject: t('outcomes.report.subject', { from: report.period.from, to: report.period.to }),
    lang: language,
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
  const born = report.client.dateOfBirth
    ? t('outcomes.report.bornOn', { clientName, date: fmt(report.client.dateOfBirth) })
    : clientName;
  w.labelValueRows([
    [t('outcomes.report.clientLabel'), born],
    ...(report.audience === 'physician' && report.client.referringPhysician.trim()
      ? ([[t('outcomes.report.for'), line(report.client.referringPhysician)]] as const)
      : []),
    [
      t('outcomes.report.period'),
      t('outcomes.report.periodValue', { from: fmt(report.period.from), to: fmt(report.period.to) }),
    ],
    [t('outcomes.report.sessionCount'), String(report.sessionCount)],
    [t('outcomes.report.reason'), print(report.reasonForComing)],
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
      .map((i) => [itemName(t, i.item), print(i.words ?? '')] as const),
    [t('outcomes.report.symptomFor'), durationName(t, report.profile.symptom1Duration)],
    [t('outcomes.report.scale'), t('outcomes.scale.hint')],
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
    .map((p) =>
      t('outcomes.report.chartPoint', {
        date: p.label,
        score: p.value === null ? t('outcomes.report.notScored') : scoreNumber(t, p.value),
      }),
    )
    .join('; ');
  drawOutcomeChart(w, chartPoints, baselineScore, {
    alt: t('outcomes.report.chartAlt', { points: described }),
    key: t('outcomes.report.chartKey'),
  });
  const columns: TableColumn[] = scoreColumns(w, { title: t('outcomes.table.date'), width: 96, least: 70 }, [
    ...present.map((i) => ({ title: itemName(t, i.item), width: 62 })),
    { title: t('outcomes.table.profileScore'), width: 62 },
    { title: t('outcomes.table.change'), width: 80 },
  ]);
  const rows = report.scores.map((s) => {
    const mean = profileScore(s.scores);
    const change = s === baseline ? null : changeFromBaseline(baseline.scores, s.scores);
    return [
      s === baseline ? t('outcomes.table.baselineDate', { date: fmt(s.date) }) : fmt(s.date),
      ...present.map((i) => (s.scores[i.item] === null ? '–' : String(s.scores[i.item]))),
      mean === null ? '–' : scoreNumber(t, mean),
      change === null ? '–' : changeNumber(t, change, '-'),
    ];
  });
  w.table(columns, rows);
  const last = report.scores.at(-1)!;
  const change = last === baseline ? null : changeFromBaseline(baseline.scores, last.scores);
  if (change !== null) {
    // The change and its hint stay together.
    w.ensureSpace(44);
    w.labelValueRows([
      [
        t('outcomes.report.latestChange'),
        t('outcomes.report.changeValue', {
          change: changeNumber(t, change, '-'),
          description: changeWords(t, change),
        }),
      ],
    ]);
    w.note(t('outcomes.change.hint'));
  } else w.note(t('outcomes.report.onlyBaseline'));

  w.sectionTitle(words.areas, 40);
  if (report.treatedAreas.length === 0) w.note(t('outcomes.report.noAreas'));
  else
    w.table(
      [
        { title: t('outcomes.report.area'), width: 300 },
        { title: t('outcomes.report.sessions'), width: 80 },
      ],
      report.treatedAreas.map((a) => [print(a.label), String(a.count)]),
    );

  w.sectionTitle(words.effects, 40);
  if (report.afterEffects.length === 0) w.note(t('outcomes.report.noEffects'));
  else
    w.table(
      [
        { title: t('outcomes.report.afterSession'), width: 110 },
        { title: t('outcomes.report.afterEffect'), width: 170 },
        { title: t('outcomes.report.severity'), width: 90 },
        { title: t('outcomes.report.resolved'), width: 60 },
      ],
      report.afterEffects.map((e) => [
        fmt(e.date),
        print(e.label),
        e.severity,
        t(e.resolved ? 'outcomes.report.yes' : 'outcomes.report.no'),
      ]),
    );

  w.sectionTitle(words.summary, 40);
  if (report.summary.trim() === '') w.note(t('outcomes.report.noSummary'));
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
    doc.text(
      t('outcomes.report.signed', { name: line(report.signedBy), date: fmt(report.signedOn) }),
      w.left,
      w.y,
      {
        width: w.width,
      },
    );
  });

  w.closeTags();
  drawPageFurniture(w, {
    footer: t('outcomes.report.footer', { title: words.title, clientName }),
    t,
    runningHeader: () =>
      [practiceName, t('outcomes.report.documentTitle', { title: words.title, clientName })]
        .filter(Boolean)
        .join('   ·   '),
  });
  finishPdf({ doc, structure });
  return bytes;
}
