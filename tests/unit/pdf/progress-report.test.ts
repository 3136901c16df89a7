import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordFormat } from '../../../src-main/services/pdf/client-record-text';
import {
  progressReportPrintedTexts,
  renderProgressReportPdf,
} from '../../../src-main/services/pdf/progress-report';
import { type ProgressReportInput, ProgressReportSchema } from '../../../src-shared/outcomes/report';
import { FIXED_NOW, FONTS_DIR, pdfPagesText, runTool } from './fixtures';
import { allNodes, readStructureTree } from './structure-tree';

const workDir = mkdtempSync(path.join(tmpdir(), 'stillpoint-progress-'));

function report(overrides: Partial<ProgressReportInput> = {}): ProgressReportInput {
  return {
    audience: 'physician',
    practice: {
      name: 'Quiet Harbour Craniosacral Therapy',
      address: '12 Harbour Lane\nBristol BS1 4QA',
      phone: '0117 496 0000',
      email: 'hello@quietharbour.example',
      website: '',
      therapistName: 'Anna Berg',
      paperSize: 'A4',
    },
    client: { name: 'Ingrid Solberg', dateOfBirth: '1979-05-14', referringPhysician: 'Dr. Helen Marsh' },
    period: { from: '2026-10-01', to: '2026-11-26' },
    sessionCount: 4,
    reasonForComing: 'Tension headaches after desk work',
    profile: {
      symptom1: 'Headache at the back of my head',
      symptom2: null,
      activity: 'Reading to my children',
      symptom1Duration: '1-5-years',
    },
    scores: [
      {
        date: '2026-10-01',
        kind: 'baseline',
        scores: { symptom1: 5, symptom2: null, activity: 4, wellbeing: 3 },
      },
      {
        date: '2026-10-15',
        kind: 'follow-up',
        scores: { symptom1: 4, symptom2: null, activity: 4, wellbeing: 3 },
      },
      {
        date: '2026-11-05',
        kind: 'follow-up',
        scores: { symptom1: 3, symptom2: null, activity: null, wellbeing: 2 },
      },
      {
        date: '2026-11-26',
        kind: 'follow-up',
        scores: { symptom1: 2, symptom2: null, activity: 2, wellbeing: 2 },
      },
    ],
    treatedAreas: [
      { label: 'Occiput', count: 4 },
      { label: 'Sacrum', count: 3 },
    ],
    afterEffects: [{ date: '2026-10-15', label: 'Tiredness', severity: 'Mild', resolved: true }],
    summary: 'Four sessions of light-touch work. The client reported fewer headache days in November.',
    signedBy: 'Anna Berg',
    signedOn: '2026-11-27',
    ...overrides,
  };
}

async function render(input: ProgressReportInput) {
  return renderProgressReportPdf(ProgressReportSchema.parse(input), {
    fontsDir: FONTS_DIR,
    now: FIXED_NOW,
    formatDate: recordFormat().date,
  });
}

describe('progress report PDF', () => {
  it('for a physician: header, client, period, sessions, reason, chart, scores table, areas, after-effects, summary, signature', async () => {
    const pdf = await render(report());
    const file = path.join(workDir, 'physician.pdf');
    writeFileSync(file, pdf);
    expect(runTool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors found');
    const fonts = runTool('pdffonts', [file]);
    expect(fonts).toMatch(/NotoSans-Regular/);
    expect(fonts).not.toMatch(/Helvetica|Times|Courier/);
    const text = (await pdfPagesText(pdf)).join('\n').replace(/\s+/g, ' ');
    for (const expected of [
      'Quiet Harbour Craniosacral Therapy',
      'Progress report',
      'Ingrid Solberg, born 14 May 1979',
      'Dr. Helen Marsh',
      '1 October 2026 to 26 November 2026',
      'Number of sessions 4',
      'Tension headaches after desk work',
      'Headache at the back of my head',
      'Reading to my children',
      'Profile score',
      'Change from baseline',
      '1 October 2026 (baseline)',
      '-2: 2 lower than at the start (lower is better).',
      'A change of 1 or more is what the literature treats as meaningful.',
      'Occiput',
      'Tiredness',
      'fewer headache days',
      'Signed: Anna Berg',
    ])
      expect(text).toContain(expected);
    // The scores table: the baseline's mean of three items is 4; the last row's 2 makes −2.
    expect(text).toMatch(/1 October 2026 \(baseline\) 5 4 3 4 –/);
    expect(text).toMatch(/26 November 2026 2 2 2 2 -2/);
    // No wording that claims a cause.
    expect(text).not.toMatch(/because of|thanks to|the therapy (improved|helped|reduced)|improved by the/i);
    // The chart is a tagged Figure with its values in words, the scores a Table.
    const tree = readStructureTree(pdf);
    const nodes = allNodes(tree.root);
    const figure = nodes.find((n) => n.type === 'Figure' && n.alt?.startsWith('Chart of the profile score'));
    expect(figure?.alt).toContain('26 November 2026: 2');
    expect(nodes.filter((n) => n.type === 'Table').length).toBeGreaterThanOrEqual(3);
  });

  it('for the client: the client wording, no physician line', async () => {
    const pdf = await render(report({ audience: 'client' }));
    const text = (await pdfPagesText(pdf)).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Your progress report');
    expect(text).toContain('What you wanted to change');
    expect(text).not.toContain('Dr. Helen Marsh');
  });

  it('a long summary runs onto more pages with page numbers and nothing lost', async () => {
    const long = Array.from(
      { length: 40 },
      (_, i) => `Paragraph ${i + 1}: the client described the week.`,
    ).join('\n\n');
    const pages = await pdfPagesText(await render(report({ summary: long })));
    expect(pages.length).toBeGreaterThan(1);
    const text = pages.join('\n');
    expect(text).toContain('Paragraph 40');
    expect(text).toContain(`Page ${pages.length} of ${pages.length}`);
  });

  it('refuses characters the fonts cannot print, naming the field', async () => {
    await expect(render(report({ summary: 'Client drew 𓂀 in the air' }))).rejects.toThrow(
      /Therapist's summary/,
    );
    expect(progressReportPrintedTexts(ProgressReportSchema.parse(report())).map((t) => t.field)).toContain(
      'Main symptom',
    );
  });

  it('the request schema refuses a period that ends before it starts and an unsigned report', () => {
    const parsed = ProgressReportSchema.safeParse(
      report({ period: { from: '2026-11-01', to: '2026-10-01' }, signedBy: ' ' }),
    );
    expect(parsed.success).toBe(false);
    const messages = parsed.error!.issues.map((i) => i.message);
    expect(messages).toContain('The end of the period is on or after its start');
    expect(messages).toContain('Enter your name: the report is signed');
  });
});
