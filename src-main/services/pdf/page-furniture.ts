import type { Logo } from '../../../src-shared/domain/aftercare';
import { type Translate, translatorFor } from '../../../src-shared/i18n';
import { translatedError } from '../../i18n';
import { type HandoutFonts, printableText } from './fonts';
import type { PrintedText } from './glyph-check';
import { COLOR, SPACE, TYPE } from './layout';
import type { PageWriter, PdfDoc, PdfImage } from './page-writer';

/**
 * The furniture every Stillpoint PDF shares: the practice header that opens page 1 (logo, name,
 * address, contact details) and, once every page is laid out, "Page X of Y" with a footer line on
 * every page and a running header on pages 2+, so a loose page still says whose it is.
 */

/** The practice as its header prints it (Settings > Practice details). */
export interface PracticeDetails {
  name: string;
  address: string;
  phone: string;
  email: string;
  website: string;
}

/**
 * The texts the practice header prints, as a PDF's list of printed texts starts them; the field
 * names in `say`'s language (the one the refusal is read in), English without it.
 */
export function practiceHeaderTexts(practice: PracticeDetails, say?: Translate): PrintedText[] {
  const field = (
    key: 'practiceName' | 'practiceAddress' | 'practicePhone' | 'practiceEmail' | 'practiceWebsite',
  ) => (say ?? translatorFor('en'))(`record.fields.${key}`);
  return [
    { field: field('practiceName'), text: practice.name },
    { field: field('practiceAddress'), text: practice.address },
    { field: field('practicePhone'), text: practice.phone },
    { field: field('practiceEmail'), text: practice.email },
    { field: field('practiceWebsite'), text: practice.website },
  ];
}

/**
 * Logo on the left, practice name and address beside it, phone, email and website on the right,
 * a rule under them all; leaves the cursor `spaceBelow` points under the rule.
 *
 * Throws UserFacingError UNSUPPORTED when the logo cannot be decoded.
 */
export function drawPracticeHeader(
  w: PageWriter,
  practice: PracticeDetails,
  logo: Logo | null,
  fonts: HandoutFonts,
  spaceBelow: number,
  /** The document's language, for the logo's alternative text. */
  t: Translate = translatorFor('en'),
): void {
  const { doc } = w;
  const line = (text: string) => printableText(text, fonts, true);
  const top = w.geometry.firstPageTop;
  let textLeft = w.left;
  let bottom = top;

  if (logo) {
    const image = openLogo(doc, logo.bytes);
    const scale = Math.min(SPACE.logoMaxWidth / image.width, SPACE.logoMaxHeight / image.height);
    const width = image.width * scale;
    const height = image.height * scale;
    w.tag('Figure', () => doc.image(image, w.left, top, { width, height }), {
      alt: t('pdf.logoOf', { practice: line(practice.name) || t('pdf.thePractice') }),
    });
    textLeft = w.left + width + 14;
    bottom = top + height;
  }

  const details = [practice.phone, practice.email, practice.website].map(line).filter((text) => text !== '');
  // The details column is as wide as its longest line (up to a limit), leaving the rest to the name.
  w.style('regular', TYPE.headerDetails, COLOR.muted);
  const detailsWidth =
    details.length > 0
      ? Math.min(Math.max(...details.map((text) => doc.widthOfString(text))) + 4, SPACE.contactColumnMaxWidth)
      : 0;
  const nameWidth = Math.max(w.right - detailsWidth - (detailsWidth ? 16 : 0) - textLeft, 120);

  w.tag('P', () => {
    w.style('bold', TYPE.practiceName, COLOR.text);
    doc.text(line(practice.name), textLeft, top, { width: nameWidth });
  });
  const address = practice.address
    .split(/\r?\n/)
    .map((part) => line(part).replace(/,$/, ''))
    .filter((part) => part !== '')
    .join(', ');
  if (address !== '') {
    w.y += 2;
    w.tag('P', () => {
      w.style('regular', TYPE.headerDetails, COLOR.muted);
      doc.text(address, textLeft, w.y, { width: nameWidth, lineGap: 1.5 });
    });
  }
  bottom = Math.max(bottom, w.y);

  if (details.length > 0) {
    w.style('regular', TYPE.headerDetails, COLOR.muted);
    w.y = top + 2;
    for (const detail of details) {
      w.tag('P', () => {
        w.style('regular', TYPE.headerDetails, COLOR.muted);
        doc.text(detail, w.right - detailsWidth, w.y, { width: detailsWidth, align: 'right', lineGap: 1.5 });
      });
    }
    bottom = Math.max(bottom, w.y);
  }

  const ruleY = bottom + 10;
  w.rule(ruleY);
  w.y = ruleY + spaceBelow;
}

function openLogo(doc: PdfDoc, bytes: Uint8Array): PdfImage {
  try {
    return doc.openImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    throw translatedError('UNSUPPORTED', 'errors.logoUnreadable');
  }
}

/** What a document prints around its content on every page. */
export interface PageFurniture {
  /** The footer's left part on every page, beside "Page X of Y" (cut with an ellipsis if long). */
  footer: string;
  /** The running header of a page after the first (its index in the buffered range). */
  runningHeader(pageIndex: number): string;
  /**
   * Sets the small style again before the running header. It changes nothing on paper, only one
   * colour operator in the file: the handout has always done it, and keeps doing it so its PDFs
   * stay byte for byte what earlier versions wrote. A new document leaves it out.
   */
  restyleRunningHeader?: boolean;
  /** The document's language, for "Page X of Y"; English when left out. */
  t?: Translate;
}

/**
 * With every page laid out (the document needs bufferPages), goes back over them and draws the
 * footer and page number on each and the running header, with a rule under it, on pages 2+.
 * Margins are lifted while writing, or pdfkit would take text below the bottom margin as overflow.
 */
export function drawPageFurniture(w: PageWriter, furniture: PageFurniture): void {
  const { doc, geometry } = w;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margins = doc.page.margins;
    const savedBottom = margins.bottom;
    margins.bottom = 0;

    // Page numbers, footers and running headers repeat what the page holds: furniture, not content.
    w.artifact(() => {
      const pageNumber = (furniture.t ?? translatorFor('en'))('pdf.page', {
        page: i - range.start + 1,
        count: range.count,
      });
      w.style('regular', TYPE.small, COLOR.muted);
      const numberWidth = doc.widthOfString(pageNumber) + 2;
      doc.text(pageNumber, w.right - numberWidth, geometry.footerY, { width: numberWidth, align: 'right' });
      doc.text(furniture.footer, w.left, geometry.footerY, {
        width: w.width - numberWidth - 20,
        height: doc.currentLineHeight(),
        ellipsis: true,
      });

      if (i > range.start) {
        const header = furniture.runningHeader(i);
        if (furniture.restyleRunningHeader) w.style('regular', TYPE.small, COLOR.muted);
        doc.text(header, w.left, geometry.runningHeaderY, {
          width: w.width,
          height: doc.currentLineHeight(),
          ellipsis: true,
        });
        w.rule(geometry.runningHeaderY + doc.currentLineHeight() + 5, COLOR.rule, 0.5);
      }
    });
    margins.bottom = savedBottom;
  }
}
