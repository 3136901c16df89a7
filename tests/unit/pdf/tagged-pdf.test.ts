import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderAftercarePdf } from '../../../src-main/services/pdf';
import { renderClientRecordPdf } from '../../../src-main/services/pdf/client-record';
import { AftercareSheetSchema } from '../../../src-shared/domain/aftercare';
import { recordFixture } from '../exports/fixtures';
import { FIXED_NOW, FONTS_DIR, runTool, TINY_PNG, typicalSheet } from './fixtures';
import { allNodes, readStructureTree } from './structure-tree';

describe('the aftercare handout is a tagged PDF', () => {
  it('marks headings, paragraphs, lists and the logo with its alternative text, in the sheet language', async () => {
    const sheet = AftercareSheetSchema.parse({ ...typicalSheet({ withLogo: true }), locale: 'en-GB' });
    const tagged = readStructureTree(
      await renderAftercarePdf(sheet, { fontsDir: FONTS_DIR, now: FIXED_NOW }),
    );
    expect(tagged.marked).toBe(true);
    expect(tagged.lang).toBe('en-GB');
    expect(tagged.root?.type).toBe('Document');
    const nodes = allNodes(tagged.root);
    const types = nodes.map((node) => node.type);
    expect(types.filter((t) => t === 'H1')).toHaveLength(1);
    expect(types.filter((t) => t === 'H2').length).toBeGreaterThanOrEqual(4);
    // What you may notice, self-care and the red flags: three lists, each item with content.
    const lists = nodes.filter((node) => node.type === 'L');
    expect(lists.length).toBeGreaterThanOrEqual(3);
    const seekHelp = lists.find((list) => list.children.length === sheet.sections.seekHelp.length);
    expect(seekHelp).toBeDefined();
    for (const item of seekHelp!.children) {
      expect(item.type).toBe('LI');
      expect(item.children.map((c) => c.type)).toEqual(['LBody']);
      expect(item.children[0]!.content).toBeGreaterThan(0);
    }
    const figure = nodes.find((node) => node.type === 'Figure');
    expect(figure?.alt).toBe('Logo of Quiet Harbour Craniosacral Therapy');
    // Every heading and paragraph holds drawn content.
    for (const node of nodes.filter((n) => ['H1', 'H2', 'P'].includes(n.type)))
      expect(node.content).toBeGreaterThan(0);
    // The first heading comes before the first list: reading order is the sheet's.
    expect(types.indexOf('H1')).toBeLessThan(types.indexOf('L'));
  });
});

describe('the client record is a tagged PDF', () => {
  it('marks its title, sections, rows, lists, tables and the logo', async () => {
    const pdf = await renderClientRecordPdf(recordFixture().record, {
      fontsDir: FONTS_DIR,
      now: FIXED_NOW,
      timeZone: 'Europe/London',
      logo: { mimeType: 'image/png', bytes: TINY_PNG },
    });
    const tagged = readStructureTree(pdf);
    expect(tagged.marked).toBe(true);
    expect(tagged.lang).toBe('en');
    expect(tagged.root?.type).toBe('Document');
    const nodes = allNodes(tagged.root);
    const types = new Set(nodes.map((node) => node.type));
    for (const type of ['H1', 'H2', 'H3', 'P', 'Figure', 'Table', 'TR', 'TH', 'TD'])
      expect(types).toContain(type);
    expect(nodes.filter((node) => node.type === 'H1')).toHaveLength(1);
    expect(nodes.find((node) => node.type === 'Figure')?.alt).toMatch(/^Logo of /);
    for (const row of nodes.filter((node) => node.type === 'TR')) {
      expect(row.children.length).toBeGreaterThan(0);
      for (const cell of row.children) expect(['TH', 'TD']).toContain(cell.type);
    }
  });

  it('stays a valid PDF (qpdf --check)', async () => {
    const pdf = await renderClientRecordPdf(recordFixture().record, {
      fontsDir: FONTS_DIR,
      now: FIXED_NOW,
      timeZone: 'Europe/London',
      logo: null,
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'stillpoint-tagged-'));
    try {
      const file = path.join(dir, 'record.pdf');
      writeFileSync(file, pdf);
      expect(runTool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
