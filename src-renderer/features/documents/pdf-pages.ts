import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/**
 * PDFs shown inside the app with pdf.js (issue 15, docs/security.md). Only pdf.js's display
 * layer is used: it draws pages onto canvases and never runs a PDF's JavaScript (that needs the
 * separate scripting sandbox, which is not loaded), `isEvalSupported: false` keeps fonts from
 * being compiled with eval, and the bytes are handed over directly, so nothing is fetched. The
 * page's CSP (no connections out, scripts only from the app) holds for pdf.js's worker too.
 */
GlobalWorkerOptions.workerSrc = workerUrl;

/** More pages than this are not drawn: a scanned letter has a few; "Save a copy" opens the rest. */
export const MAX_PAGES_SHOWN = 30;

export async function drawPdfPages(
  bytes: Uint8Array,
  container: HTMLElement,
  isCancelled: () => boolean,
  /** The name a page's picture is read out by: "Page 2 of 5", in the app's language. */
  pageLabel: (page: number, count: number) => string,
): Promise<{ pages: number; shown: number }> {
  // pdf.js takes the buffer over (transfers it to its worker): give it a copy.
  const task = getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableFontFace: false,
  });
  const pdf = await task.promise;
  try {
    const shown = Math.min(pdf.numPages, MAX_PAGES_SHOWN);
    for (let number = 1; number <= shown && !isCancelled(); number++) {
      const page = await pdf.getPage(number);
      const viewport = page.getViewport({ scale: 1.3 });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.className = 'pdf-page';
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', pageLabel(number, pdf.numPages));
      container.append(canvas);
      await page.render({ canvas, viewport }).promise;
      page.cleanup();
    }
    return { pages: pdf.numPages, shown };
  } finally {
    await pdf.destroy();
  }
}
