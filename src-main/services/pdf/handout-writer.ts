import { COLOR, SPACE, TYPE } from './layout';
import { type FaceName, PageWriter } from './page-writer';

/** A titled section: bullets, or a paragraph (which may hold line breaks). */
export type Section = { title: string; bullets: readonly string[] } | { title: string; text: string };

/**
 * The handout's writer: it keeps a heading with the first lines under it, a bullet with its
 * first line, sets two short sections side by side when both fit, and lays out a box that may
 * span pages.
 */
export class HandoutWriter extends PageWriter {
  private headingHeight(title: string, width: number): number {
    this.style('bold', TYPE.heading, COLOR.accent);
    return this.measuredHeight(title, { width }) + SPACE.afterHeading;
  }

  /** A section heading, tagged H2; a repeated one ("… (continued)") is furniture. */
  private drawHeading(
    title: string,
    x: number,
    width: number,
    color: string = COLOR.accent,
    repeated = false,
  ): void {
    const draw = () => {
      this.style('bold', TYPE.heading, color);
      this.doc.text(title, x, this.y, { width });
    };
    if (repeated) this.artifact(draw);
    else this.tag('H2', draw);
    this.y += SPACE.afterHeading;
  }

  private textHeight(text: string, width: number, face: FaceName = 'regular'): number {
    this.style(face, TYPE.body, COLOR.text);
    return this.measuredHeight(text, {
      width,
      lineGap: TYPE.bodyLineGap,
      paragraphGap: SPACE.paragraphGap,
    });
  }

  private drawText(
    text: string,
    x: number,
    width: number,
    face: FaceName = 'regular',
    color: string = COLOR.text,
  ) {
    this.tag('P', () => {
      this.style(face, TYPE.body, color);
      this.doc.text(text, x, this.y, { width, lineGap: TYPE.bodyLineGap, paragraphGap: SPACE.paragraphGap });
    });
  }

  private bulletsHeight(lines: readonly string[], width: number): number {
    this.style('regular', TYPE.body, COLOR.text);
    return lines.reduce(
      (sum, line) =>
        sum +
        this.measuredHeight(line, { width: width - SPACE.bulletIndent, lineGap: TYPE.bodyLineGap }) +
        SPACE.betweenItems,
      0,
    );
  }

  /** Draws one bullet at this.y; the caller has made room for its first line. */
  private drawBullet(text: string, x: number, width: number, bulletColor: string): void {
    const y = this.y;
    // The bullet is drawn, not read: the list item (LI in an L) already says it is one.
    this.artifact(() => {
      this.style('bold', TYPE.body, bulletColor);
      this.doc.text('•', x + 1.5, y, { lineBreak: false });
    });
    this.tag('LI', () => {
      this.style('regular', TYPE.body, COLOR.text);
      this.doc.text(text, x + SPACE.bulletIndent, y, {
        width: width - SPACE.bulletIndent,
        lineGap: TYPE.bodyLineGap,
      });
    });
    this.y += SPACE.betweenItems;
  }

  private sectionHeight(section: Section, width: number): number {
    const body =
      'bullets' in section
        ? this.bulletsHeight(section.bullets, width)
        : this.textHeight(section.text, width);
    return this.headingHeight(section.title, width) + body;
  }

  /** Body text across the full width; flows onto further pages on its own. */
  paragraph(text: string, face: FaceName = 'regular', color: string = COLOR.text): void {
    if (text.trim() === '') return;
    this.ensureSpace(this.bodyLineHeight());
    this.drawText(text, this.left, this.width, face, color);
  }

  /**
   * The personal note and the sign-off ("With best wishes,\nMaren") after it. The sign-off never
   * stands alone at the top of a page: a short note moves to the next page with it when both do
   * not fit, and a long note's last paragraph does the same. The rest of a long note flows.
   */
  noteAndSignOff(note: { title: string; text: string } | null, signOff: string): void {
    const signOffOptions = { width: this.width, lineGap: TYPE.bodyLineGap };
    this.style('regular', TYPE.body, COLOR.text);
    const signOffHeight =
      signOff === '' ? 0 : SPACE.beforeSignOff + this.measuredHeight(signOff, signOffOptions);
    const pageRoom = this.bottom - this.geometry.margins.top;
    if (note) {
      const together = this.sectionHeight(note, this.width) + signOffHeight;
      if (this.y + this.geometry.sectionGap + together > this.bottom && together <= pageRoom) {
        this.newPage();
        this.y -= this.geometry.sectionGap;
      }
      const paragraphs = note.text.split('\n');
      const last = paragraphs.pop() ?? '';
      this.section({ title: note.title, text: paragraphs.join('\n') });
      const lastTogether = this.textHeight(last, this.width) + signOffHeight;
      if (this.y + lastTogether > this.bottom && lastTogether <= pageRoom) this.newPage();
      this.paragraph(last);
    }
    if (signOff === '') return;
    this.ensureSpace(signOffHeight);
    this.y += SPACE.beforeSignOff;
    this.tag('P', () => {
      this.style('regular', TYPE.body, COLOR.text);
      this.doc.text(signOff, this.left, this.y, signOffOptions);
    });
  }

  /** A full-width section that may run onto the next page; its heading never ends a page. */
  section(section: Section): void {
    const body = this.bodyLineHeight();
    this.ensureSpace(this.geometry.sectionGap + this.headingHeight(section.title, this.width) + body * 2);
    this.y += this.geometry.sectionGap;
    this.group('Sect', () => {
      this.drawHeading(section.title, this.left, this.width);
      if ('bullets' in section) {
        for (const line of section.bullets) {
          this.ensureSpace(body);
          this.drawBullet(line, this.left, this.width, COLOR.accent);
        }
      } else {
        this.paragraph(section.text);
      }
    });
  }

  /**
   * Two sections in two columns when both fit in what is left of the page; otherwise one after
   * the other at full width, so nothing is squeezed or cut.
   */
  sideBySide(first: Section, second: Section): void {
    const columnWidth = (this.width - SPACE.columnGap) / 2;
    const height = Math.max(this.sectionHeight(first, columnWidth), this.sectionHeight(second, columnWidth));
    if (this.y + this.geometry.sectionGap + height > this.bottom) {
      this.section(first);
      this.section(second);
      return;
    }
    const top = this.y + this.geometry.sectionGap;
    [first, second].forEach((section, column) => {
      const x = this.left + column * (columnWidth + SPACE.columnGap);
      this.y = top;
      this.group('Sect', () => {
        this.drawHeading(section.title, x, columnWidth);
        if ('bullets' in section) {
          for (const line of section.bullets) this.drawBullet(line, x, columnWidth, COLOR.accent);
        } else {
          this.drawText(section.text, x, columnWidth);
        }
      });
    });
    this.y = top + height;
  }

  /**
   * The "seek medical help" box: a tinted, bordered panel with a heading, bullets and an advice
   * line. Rows are measured first so the tint can go down before the text. The box stays whole
   * when it fits on one page (moving to a new page if needed) and splits between rows otherwise,
   * each part framed on its own page.
   */
  alertBox(title: string, items: readonly string[], advice: string): void {
    const pad = SPACE.boxPadding;
    const innerLeft = this.left + pad;
    const innerWidth = this.width - pad * 2;

    type Row = { height: number; draw: () => void };
    const rows: Row[] = [
      {
        height: this.headingHeight(title, innerWidth),
        draw: () => this.drawHeading(title, innerLeft, innerWidth, COLOR.alertText),
      },
      ...items.map((item) => ({
        height: this.bulletsHeight([item], innerWidth),
        draw: () => this.drawBullet(item, innerLeft, innerWidth, COLOR.alertBorder),
      })),
    ];
    if (advice.trim() !== '') {
      rows.push({
        height: this.textHeight(advice, innerWidth, 'bold') + SPACE.adviceGap,
        draw: () => {
          this.y += SPACE.adviceGap;
          this.drawText(advice, innerLeft, innerWidth, 'bold', COLOR.alertText);
        },
      });
    }

    const total = rows.reduce((sum, row) => sum + row.height, 0) + pad * 2;
    const pageRoom = this.bottom - this.geometry.margins.top;
    this.y += this.geometry.sectionGap + 3;
    if (this.y + total > this.bottom && total <= pageRoom) this.newPage();

    // A part of the box on a later page starts with the title again, marked as continued.
    const continuedTitle = `${title} (continued)`;
    const continuedRow: Row = {
      height: this.headingHeight(continuedTitle, innerWidth),
      draw: () => this.drawHeading(continuedTitle, innerLeft, innerWidth, COLOR.alertText, true),
    };
    this.group('Sect', () => {
      let index = 0;
      while (index < rows.length) {
        // As many rows as fit on this page; a row taller than a whole page goes on a page of its own.
        const segment: Row[] = index > 0 ? [continuedRow] : [];
        let segmentHeight = pad * 2 + (index > 0 ? continuedRow.height : 0);
        let end = index;
        while (end < rows.length && this.y + segmentHeight + rows[end]!.height <= this.bottom) {
          segmentHeight += rows[end]!.height;
          segment.push(rows[end]!);
          end += 1;
        }
        if (end === index) {
          if (this.y > this.geometry.margins.top) {
            this.newPage();
            continue;
          }
          segmentHeight += rows[end]!.height;
          segment.push(rows[end]!);
          end += 1;
        }
        const top = this.y;
        this.artifact(() =>
          this.doc
            .save()
            .lineWidth(1.2)
            .roundedRect(this.left, top, this.width, segmentHeight, 5)
            .fillAndStroke(COLOR.alertFill, COLOR.alertBorder)
            .restore(),
        );
        let rowTop = top + pad;
        for (const row of segment) {
          this.y = rowTop;
          row.draw();
          rowTop += row.height;
        }
        this.y = top + segmentHeight;
        index = end;
        if (index < rows.length) this.newPage();
      }
    });
  }
}
