import PDFDocument from 'pdfkit';
import type { Catalogue, Translate } from '../../../src-shared/i18n';
import type { HandoutFonts } from './fonts';
import type { PageGeometry } from './layout';
import type { PdfDoc } from './page-writer';
import { pdfFontSource } from './pdf-font-source';

/** What every PDF's render function is given (a PDF may ask for more). */
export interface PdfRenderOptions {
  /** Folder holding the bundled TTFs (resources/fonts). Fonts are read once per folder. */
  fontsDir: string;
  /** The clock, for the PDF's creation date. */
  now?: Date;
  /**
   * The app's language, for a refusal the therapist reads (the fields holding unprintable
   * characters); English when left out. The paper itself has its own language.
   */
  say?: Translate;
}

/** A field's name in a refusal of unprintable characters (core keys `errors.printedFields.*`). */
export function printedField(say: Translate, name: keyof Catalogue['errors']['printedFields']): string {
  return say(`errors.printedFields.${name}`);
}

/** What a PDF says about itself (File > Properties in a PDF reader). */
export interface PdfDescription {
  title: string;
  author: string;
  subject: string;
  /** The document's language (BCP 47), for screen readers and hyphenation in readers. */
  lang: string;
  /** The creation date: the clock main was given, so tests can fix it. */
  now: Date;
}

/** A document being written, and its bytes once doc.end() is called. */
export interface StartedPdf {
  doc: PdfDoc;
  /** The root of the tag tree ('Document'): hand it to the writer (PageWriter.tagged). */
  structure: PDFKit.PDFStructureElement;
  bytes: Promise<Uint8Array>;
}

/**
 * Starts a PDF the way every Stillpoint PDF starts: PDF 1.7, tagged (a 'Document' structure
 * root, the document language), pages added by the writer (none yet), pages kept in memory so
 * the page furniture can be drawn once the page count is known, the bundled fonts registered as
 * 'regular', 'bold' and 'italic', and no other font. Call `finishPdf` instead of doc.end().
 */
export function startPdf(geometry: PageGeometry, fonts: HandoutFonts, about: PdfDescription): StartedPdf {
  const doc = new PDFDocument({
    size: geometry.size,
    margins: geometry.margins,
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: about.lang,
    displayTitle: true,
    // Tagged: headings, paragraphs, lists and the logo (with its alternative text) are marked
    // in a structure tree, so a screen reader reads the sheet in order; furniture is an artifact.
    tagged: true,
    // No default font: the constructor would otherwise load Helvetica, a standard font we never use.
    font: null as unknown as string,
    info: {
      Title: about.title,
      Author: about.author,
      Subject: about.subject,
      Creator: 'Stillpoint',
      CreationDate: about.now,
      ModDate: about.now,
    },
  }) as PdfDoc;

  const chunks: Buffer[] = [];
  const bytes = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      // A plain Uint8Array view (no copy): pdf.js and structured clone want one, not a Buffer.
      const all = Buffer.concat(chunks);
      resolve(new Uint8Array(all.buffer, all.byteOffset, all.byteLength));
    });
    doc.on('error', reject);
  });

  for (const face of ['regular', 'bold', 'italic'] as const) {
    // The parsed font behind caches shared by every render (see pdf-font-source.ts).
    doc.registerFont(face, pdfFontSource(fonts[face]));
  }
  const structure = doc.struct('Document');
  doc.addStructure(structure);
  return { doc, structure, bytes };
}

/** Closes the tag tree and the document: every PDF ends here. */
export function finishPdf(started: Pick<StartedPdf, 'doc' | 'structure'>): void {
  started.structure.end();
  started.doc.end();
}
