import { COLOR, type PageGeometry, TYPE } from './layout';

export type FaceName = 'regular' | 'bold' | 'italic';

/** A decoded image as pdfkit keeps it (pdfkit's typings leave out openImage). */
export interface PdfImage {
  readonly width: number;
  readonly height: number;
}
export type PdfDoc = PDFKit.PDFDocument & {
  openImage(src: Buffer): PdfImage;
  image(src: PdfImage, x: number, y: number, options: { width: number; height: number }): PdfDoc;
};

/**
 * Heights of measured text by face, size, width, gaps and text (see PageWriter.measuredHeight).
 * The caller keeps one per set of fonts, so documents share it: most of a handout is template
 * text measured at the same widths every time.
 */
export type TextHeights = Map<string, number>;
const MAX_TEXT_HEIGHTS = 5000;

/**
 * What every PDF's writer starts from: a cursor over the document that knows the page geometry
 * (margins, the usable width, where a page ends), sets a style in one call, measures before it
 * draws, and starts a new page when what comes next would not fit. Each document's writer
 * extends it with its own pieces (HandoutWriter: sections, columns, the alert box; RecordWriter:
 * label/value rows, note bands, tables). Long text flows onto new pages on its own (pdfkit
 * continues a page with the same margins).
 */
export class PageWriter {
  private face: FaceName | null = null;
  private size = 0;
  /** Open structure elements, innermost last; empty when the document is not tagged. */
  private readonly containers: { element: PDFKit.PDFStructureElement; type: string; auto: boolean }[] = [];
  private inArtifact = false;

  constructor(
    readonly doc: PdfDoc,
    readonly geometry: PageGeometry,
    private readonly heights: TextHeights = new Map(),
  ) {}

  get left(): number {
    return this.geometry.margins.left;
  }
  get right(): number {
    return this.geometry.size[0] - this.geometry.margins.right;
  }
  get width(): number {
    return this.right - this.left;
  }
  get bottom(): number {
    return this.geometry.size[1] - this.geometry.margins.bottom;
  }
  get y(): number {
    return this.doc.y;
  }
  set y(value: number) {
    this.doc.y = value;
  }

  style(face: FaceName, size: number, color: string): this {
    this.doc.font(face).fontSize(size).fillColor(color);
    this.face = face;
    this.size = size;
    return this;
  }

  /**
   * pdfkit's heightOfString in the current style, remembered. Every text is measured before it is
   * drawn (to keep headings with their lines, fit columns and size boxes), and measuring runs
   * pdfkit's whole line breaker. The height depends only on what the key holds: the writer sets
   * no character or word spacing, indent or columns, and measures no continued text.
   */
  protected measuredHeight(
    text: string,
    options: { width: number; lineGap?: number; paragraphGap?: number },
  ): number {
    if (this.face === null) return this.doc.heightOfString(text, options);
    const key = `${this.face} ${this.size} ${options.width} ${options.lineGap ?? '-'} ${options.paragraphGap ?? '-'} ${text}`;
    let height = this.heights.get(key);
    if (height === undefined) {
      height = this.doc.heightOfString(text, options);
      if (this.heights.size >= MAX_TEXT_HEIGHTS) this.heights.clear();
      this.heights.set(key, height);
    }
    return height;
  }

  /** Tags what this writer draws under `root` (startPdf's 'Document' element). */
  tagged(root: PDFKit.PDFStructureElement): this {
    this.containers.length = 0;
    this.containers.push({ element: root, type: 'Document', auto: false });
    return this;
  }

  /**
   * Draws `draw` as one structure element (H1, H2, P, Figure...) in the open container. A list
   * item (LI) opens a list (L) around itself when none is open; anything else closes it, so
   * consecutive bullets form one list without the caller keeping count.
   */
  tag(type: string, draw: () => void, options: { alt?: string } = {}): void {
    const top = this.containers.at(-1);
    if (!top) {
      draw();
      return;
    }
    if (type !== 'LI' && top.auto) this.closeContainer();
    if (type === 'LI' && this.containers.at(-1)?.type !== 'L') this.openContainer('L', true);
    const parent = this.containers.at(-1)!.element;
    if (type === 'LI') {
      // A list item holds its content as the item's body.
      const item = this.doc.struct('LI');
      parent.add(item);
      item.add(this.doc.struct('LBody', {}, [draw]));
      item.end();
      return;
    }
    parent.add(this.doc.struct(type, options, [draw]));
  }

  /** Groups what `draw` tags (a section: its heading and body) in one element of `type`. */
  group(type: string, draw: () => void): void {
    if (this.containers.length === 0) {
      draw();
      return;
    }
    if (this.containers.at(-1)!.auto) this.closeContainer();
    this.openContainer(type, false);
    const depth = this.containers.length;
    draw();
    while (this.containers.length >= depth) this.closeContainer();
  }

  /** Draws `draw` as page furniture (rules, frames, page numbers): outside the reading order. */
  artifact(draw: () => void): void {
    // Not tagged, or already inside an artifact (a rule under the running header): just draw.
    if (this.containers.length === 0 || this.inArtifact) {
      draw();
      return;
    }
    this.inArtifact = true;
    this.doc.markContent('Artifact', { type: 'Pagination' } as PDFKit.Mixins.MarkingOptions);
    try {
      draw();
    } finally {
      this.doc.endMarkedContent();
      this.inArtifact = false;
    }
  }

  private openContainer(type: string, auto: boolean): void {
    const element = this.doc.struct(type);
    this.containers.at(-1)!.element.add(element);
    this.containers.push({ element, type, auto });
  }

  private closeContainer(): void {
    if (this.containers.length <= 1) return;
    this.containers.pop()!.element.end();
  }

  /** Closes every open list and section, before the document's tag tree is ended. */
  closeTags(): void {
    while (this.containers.length > 1) this.closeContainer();
  }

  newPage(): void {
    this.doc.addPage({ size: this.geometry.size, margins: this.geometry.margins });
    this.y = this.geometry.margins.top;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensureSpace(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  /** The index (in the buffered range) of the page being written. */
  pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  /** The height of one line in this face and size, plus `gap`; leaves that style set. */
  lineHeight(face: FaceName, size: number, gap = 0): number {
    this.style(face, size, COLOR.text);
    return this.doc.currentLineHeight(true) + gap;
  }

  /** One line of body text with its line gap. */
  bodyLineHeight(): number {
    return this.lineHeight('regular', TYPE.body, TYPE.bodyLineGap);
  }

  /** The height `text` takes at `width` (an empty text counts as one line); not remembered. */
  heightOf(
    text: string,
    face: FaceName,
    size: number,
    width: number,
    lineGap: number = TYPE.bodyLineGap,
  ): number {
    this.style(face, size, COLOR.text);
    return this.doc.heightOfString(text === '' ? ' ' : text, { width, lineGap });
  }

  /** A horizontal rule across the text width. */
  rule(y: number, color: string = COLOR.rule, width = 0.75): void {
    this.artifact(() =>
      this.doc
        .save()
        .lineWidth(width)
        .strokeColor(color)
        .moveTo(this.left, y)
        .lineTo(this.right, y)
        .stroke()
        .restore(),
    );
  }
}
