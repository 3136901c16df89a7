import { COLOR, TYPE } from './layout';
import { type FaceName, PageWriter } from './page-writer';

/** Sizes the record adds to the handout's type scale (points). */
export const RECORD_TYPE = {
  clientName: 17,
  sectionTitle: 13,
  noteTitle: 10.5,
  label: 8.5,
  soapLabel: 9,
  table: 8,
} as const;

export const RECORD_SPACE = {
  /** Width of the label column in label/value rows. */
  labelColumn: 132,
  /** Width of the S/O/A/P label column in a note. */
  soapColumn: 78,
  sectionGap: 18,
  noteGap: 16,
  rowGap: 3.5,
  bandPadding: 5,
} as const;

export const RECORD_COLOR = {
  band: '#e6efee',
  draft: '#8a5a00',
  draftFill: '#fdf3df',
  tableHead: '#f1f4f4',
} as const;

export interface TableColumn {
  title: string;
  width: number;
}

/**
 * The page writer with the record's own pieces: section titles with a rule, label/value rows, a
 * tinted band heading each note, labelled blocks of lines (the SOAP sections), a line with a left
 * bar (addenda), and small tables (the audit trail) that repeat their heading row on a new page.
 * Everything measures before drawing, so a heading never ends a page.
 */
export class RecordWriter extends PageWriter {
  /** Page index (0-based, in the buffered range) where each section title was drawn. */
  readonly sectionPages = new Map<string, number>();
  /** What a page continues ("Session 2 · 8 January 2024"), for its running header. */
  readonly continuing = new Map<number, string>();
  /** What is being drawn now; a page added while it is set continues it. */
  context: string | null = null;

  constructor(...args: ConstructorParameters<typeof PageWriter>) {
    super(...args);
    // Also catches the pages pdfkit adds on its own when long text runs over.
    this.doc.on('pageAdded', () => {
      if (this.context) this.continuing.set(this.pageIndex(), this.context);
    });
  }

  /** A numbered part of the record ("2  Health history"), with a rule under it. */
  sectionTitle(title: string, keepWith: number): void {
    const height = this.lineHeight('bold', RECORD_TYPE.sectionTitle) + 8;
    if (this.y > this.geometry.margins.top + 1) {
      this.ensureSpace(RECORD_SPACE.sectionGap + height + keepWith);
      if (this.y > this.geometry.margins.top + 1) this.y += RECORD_SPACE.sectionGap;
    }
    this.sectionPages.set(title, this.pageIndex());
    this.tag('H2', () => {
      this.style('bold', RECORD_TYPE.sectionTitle, COLOR.accent);
      this.doc.text(title, this.left, this.y, { width: this.width });
    });
    this.y += 2;
    this.rule(this.y, COLOR.accent, 0.9);
    this.y += 7;
  }

  /** A small heading inside a section ("Conditions"). */
  subheading(title: string, keepWith: number): void {
    const height = this.lineHeight('bold', TYPE.heading) + 3;
    this.ensureSpace(this.geometry.sectionGap + height + keepWith);
    this.y += this.geometry.sectionGap;
    this.tag('H3', () => {
      this.style('bold', TYPE.heading, COLOR.text);
      this.doc.text(title, this.left, this.y, { width: this.width });
    });
    this.y += 3;
  }

  /** Label on the left in small muted type, value beside it; the value may wrap or span pages. */
  labelValueRows(
    rows: readonly (readonly [label: string, value: string])[],
    labelWidth: number = RECORD_SPACE.labelColumn,
  ): void {
    const valueX = this.left + labelWidth;
    const valueWidth = this.width - labelWidth;
    for (const [label, rawValue] of rows) {
      const value = rawValue.trim() === '' ? '—' : rawValue;
      const firstLine = this.lineHeight('regular', TYPE.body, TYPE.bodyLineGap);
      const height = Math.max(
        this.heightOf(label, 'regular', RECORD_TYPE.label, labelWidth - 10),
        this.heightOf(value, 'regular', TYPE.body, valueWidth),
      );
      // A short row moves whole to the next page; a long one starts where at least a line fits.
      const pageRoom = this.bottom - this.geometry.margins.top;
      this.ensureSpace(height <= pageRoom / 3 ? height : firstLine);
      const top = this.y;
      let labelBottom = top;
      let page = this.pageIndex();
      // One paragraph per row: the label, then its value.
      this.tag('P', () => {
        this.style('regular', RECORD_TYPE.label, COLOR.muted);
        this.doc.text(label, this.left, top + 1, { width: labelWidth - 10 });
        labelBottom = this.y;
        this.y = top;
        page = this.pageIndex();
        this.style('regular', TYPE.body, rawValue.trim() === '' ? COLOR.muted : COLOR.text);
        this.doc.text(value, valueX, top, { width: valueWidth, lineGap: TYPE.bodyLineGap });
      });
      // When the value ran onto a new page, the label's bottom on the old page does not count.
      const bottom = this.pageIndex() === page ? Math.max(this.y, labelBottom) : this.y;
      this.y = bottom + RECORD_SPACE.rowGap;
    }
  }

  /** Muted text across the full width (an explanation, "None recorded."). */
  note(text: string, face: FaceName = 'italic', color: string = COLOR.muted): void {
    this.ensureSpace(this.lineHeight(face, TYPE.body, TYPE.bodyLineGap));
    this.tag('P', () => {
      this.style(face, TYPE.body, color);
      this.doc.text(text, this.left, this.y, { width: this.width, lineGap: TYPE.bodyLineGap });
    });
    this.y += 2;
  }

  /** A bullet list; each bullet keeps its first line on the page. */
  bullets(items: readonly string[], indent = 0): void {
    const x = this.left + indent;
    const width = this.width - indent;
    for (const item of items) {
      this.ensureSpace(this.lineHeight('regular', TYPE.body, TYPE.bodyLineGap));
      const y = this.y;
      this.artifact(() => {
        this.style('bold', TYPE.body, COLOR.accent);
        this.doc.text('•', x + 1.5, y, { lineBreak: false });
      });
      this.tag('LI', () => {
        this.style('regular', TYPE.body, COLOR.text);
        this.doc.text(item, x + 13, y, { width: width - 13, lineGap: TYPE.bodyLineGap });
      });
      this.y += 2.5;
    }
  }

  /**
   * The band that opens a note: title on the left, status on the right, on a tint. It keeps
   * `keepWith` points of what follows on the same page.
   */
  band(title: string, status: string, draft: boolean, keepWith: number): void {
    const pad = RECORD_SPACE.bandPadding;
    const lineHeight = this.lineHeight('bold', RECORD_TYPE.noteTitle);
    const statusWidth = (() => {
      this.style('bold', RECORD_TYPE.label, COLOR.text);
      return this.doc.widthOfString(status) + 12;
    })();
    const titleWidth = this.width - statusWidth - pad * 3;
    const height = this.heightOf(title, 'bold', RECORD_TYPE.noteTitle, titleWidth, 0) + pad * 2;
    this.ensureSpace(height + keepWith);
    const top = this.y;
    this.artifact(() =>
      this.doc.save().roundedRect(this.left, top, this.width, height, 3).fill(RECORD_COLOR.band).restore(),
    );
    this.tag('H3', () => {
      this.style('bold', RECORD_TYPE.noteTitle, COLOR.text);
      this.doc.text(title, this.left + pad + 2, top + pad, { width: titleWidth });
    });
    // The status as a small pill, right-aligned and centred on the first line.
    const pillHeight = lineHeight - 1;
    const pillX = this.right - pad - statusWidth;
    const pillY = top + pad + (lineHeight - pillHeight) / 2 - 0.5;
    this.artifact(() =>
      this.doc
        .save()
        .roundedRect(pillX, pillY, statusWidth, pillHeight, pillHeight / 2)
        .fillAndStroke(draft ? RECORD_COLOR.draftFill : '#ffffff', draft ? RECORD_COLOR.draft : COLOR.accent)
        .restore(),
    );
    this.style('bold', RECORD_TYPE.label, draft ? RECORD_COLOR.draft : COLOR.accent);
    const textHeight = this.doc.currentLineHeight();
    this.tag('P', () => {
      this.style('bold', RECORD_TYPE.label, draft ? RECORD_COLOR.draft : COLOR.accent);
      this.doc.text(status, pillX, pillY + (pillHeight - textHeight) / 2 + 0.5, {
        width: statusWidth,
        align: 'center',
        lineBreak: false,
      });
    });
    this.y = top + height + 5;
  }

  /** The height labelledLines() will take for these lines. */
  labelledLinesHeight(lines: readonly string[], empty: string): number {
    const width = this.width - RECORD_SPACE.soapColumn;
    const shown = lines.length > 0 ? lines : [empty];
    return shown.reduce((sum, line) => sum + this.heightOf(line, 'regular', TYPE.body, width) + 2.5, 2);
  }

  /**
   * A block of lines with its label in a left column ("Subjective" beside its sentences). The
   * label keeps its first line with it; long lines flow onto the next page.
   */
  labelledLines(label: string, lines: readonly string[], empty: string): void {
    const x = this.left + RECORD_SPACE.soapColumn;
    const width = this.width - RECORD_SPACE.soapColumn;
    const shown = lines.length > 0 ? lines : [empty];
    const first = shown[0]!;
    const firstHeight = Math.min(
      this.heightOf(first, 'regular', TYPE.body, width),
      this.lineHeight('regular', TYPE.body, TYPE.bodyLineGap) * 3,
    );
    this.ensureSpace(firstHeight);
    const top = this.y;
    this.tag('P', () => {
      this.style('bold', RECORD_TYPE.soapLabel, COLOR.accent);
      this.doc.text(label, this.left, top + 0.8, { width: RECORD_SPACE.soapColumn - 8 });
    });
    this.y = top;
    shown.forEach((line, index) => {
      if (index > 0) this.ensureSpace(this.lineHeight('regular', TYPE.body, TYPE.bodyLineGap));
      this.tag('P', () => {
        this.style('regular', TYPE.body, lines.length > 0 ? COLOR.text : COLOR.muted);
        this.doc.text(line, x, this.y, { width, lineGap: TYPE.bodyLineGap });
      });
      this.y += 2.5;
    });
    this.y += 2;
  }

  /** Text with an accent bar on its left, for an addendum; the bar follows it across pages. */
  barredBlock(heading: string, paragraphs: readonly { text: string; face: FaceName }[]): void {
    const indent = RECORD_SPACE.soapColumn;
    const x = this.left + indent + 9;
    const width = this.width - indent - 9;
    this.ensureSpace(
      this.lineHeight('bold', RECORD_TYPE.label) + this.lineHeight('regular', TYPE.body, 2) * 2,
    );
    const start = { page: this.pageIndex(), y: this.y };
    this.tag('P', () => {
      this.style('bold', RECORD_TYPE.label, COLOR.muted);
      this.doc.text(heading, x, this.y, { width });
    });
    this.y += 1.5;
    for (const paragraph of paragraphs) {
      this.ensureSpace(this.lineHeight(paragraph.face, TYPE.body, TYPE.bodyLineGap));
      this.tag('P', () => {
        this.style(paragraph.face, TYPE.body, COLOR.text);
        this.doc.text(paragraph.text, x, this.y, { width, lineGap: TYPE.bodyLineGap });
      });
      this.y += 2;
    }
    this.verticalBar(this.left + indent + 1, start, { page: this.pageIndex(), y: this.y - 2 });
    this.y += 4;
  }

  /** A bar from one point of the flow to another, on every page between them. */
  private verticalBar(x: number, from: { page: number; y: number }, to: { page: number; y: number }): void {
    const current = this.pageIndex();
    for (let page = from.page; page <= to.page; page++) {
      const top = page === from.page ? from.y : this.geometry.margins.top;
      const bottom = page === to.page ? to.y : this.bottom;
      if (bottom <= top) continue;
      this.doc.switchToPage(page);
      this.artifact(() =>
        this.doc
          .save()
          .lineWidth(2)
          .strokeColor(COLOR.accent)
          .moveTo(x, top)
          .lineTo(x, bottom)
          .stroke()
          .restore(),
      );
    }
    this.doc.switchToPage(current);
  }

  /**
   * A small table with a tinted heading row, repeated at the top of a new page. Columns are given
   * in points; the last one takes what is left.
   */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): void {
    const size = RECORD_TYPE.table;
    const pad = 3;
    const widths = columns.map((column, index) =>
      index === columns.length - 1
        ? this.width - columns.slice(0, -1).reduce((sum, c) => sum + c.width, 0)
        : column.width,
    );
    const rowHeight = (cells: readonly string[], face: FaceName) =>
      Math.max(...cells.map((cell, index) => this.heightOf(cell, face, size, widths[index]! - pad * 2, 1))) +
      pad * 2;
    const drawRow = (cells: readonly string[], face: FaceName, fill: string | null, color: string) => {
      const height = rowHeight(cells, face);
      const top = this.y;
      if (fill)
        this.artifact(() => this.doc.save().rect(this.left, top, this.width, height).fill(fill).restore());
      let x = this.left;
      // A row of header cells (TH) or data cells (TD), inside the table's TR.
      this.group('TR', () => {
        cells.forEach((cell, index) => {
          const cellX = x;
          this.tag(face === 'bold' ? 'TH' : 'TD', () => {
            this.style(face, size, color);
            this.doc.text(cell, cellX + pad, top + pad, { width: widths[index]! - pad * 2, lineGap: 1 });
          });
          x += widths[index]!;
        });
      });
      this.artifact(() =>
        this.doc
          .save()
          .lineWidth(0.5)
          .strokeColor(COLOR.rule)
          .moveTo(this.left, top + height)
          .lineTo(this.right, top + height)
          .stroke()
          .restore(),
      );
      this.y = top + height;
    };
    const titles = columns.map((column) => column.title);
    const headHeight = rowHeight(titles, 'bold');
    const first = rows[0];
    this.ensureSpace(headHeight + (first ? rowHeight(first, 'regular') : 0));
    this.group('Table', () => {
      drawRow(titles, 'bold', RECORD_COLOR.tableHead, COLOR.muted);
      for (const row of rows) {
        const height = rowHeight(row, 'regular');
        if (this.y + height > this.bottom) {
          this.newPage();
          drawRow(titles, 'bold', RECORD_COLOR.tableHead, COLOR.muted);
        }
        drawRow(row, 'regular', null, COLOR.text);
      }
    });
    this.y += 4;
  }
}
