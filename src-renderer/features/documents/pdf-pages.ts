import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/**
 * PDFs shown inside the app with pdf.js (issue 15, docs/security.md). Only pdf.js's display
 * layer is used: it draws pages onto canvases and never runs a PDF's JavaScript (that needs the
 * separate scripting sandbox, which is not loaded), `isEvalSupported: false` keeps fonts from
 * being compiled with eval, and the bytes are handed over directly, so nothing is fetched. The
 * page's CSP (no connections out, scripts only from the app) holds for pdf.js's worker too.
 *
 * A long PDF is read to the end without holding it all as pictures: every page gets a slot of
 * its size at once (so the scroll bar is right), and a page is drawn only when its slot comes
 * near the visible part of the scroll box; a page scrolled well away gives its canvas back. So
 * however many pages, only the few around the view are pictures in memory (about 4 MB each).
 */
GlobalWorkerOptions.workerSrc = workerUrl;

/** How large a page is drawn (1.3 x its size in points: readable at the viewer's width). */
const SCALE = 1.3;
/**
 * How far beyond the visible part a page is drawn ahead, and kept: one view's height above and
 * below, so scrolling finds the next page drawn, and a page two views away is let go.
 */
const NEAR = '100% 0px';

export interface ShownPdf {
  pages: number;
  /** Pages drawn right now (for tests: stays small however long the PDF). */
  drawn(): number;
  close(): Promise<void>;
}

export async function showPdfPages(
  bytes: Uint8Array,
  /** The scroll box the pages go into (its own scrolling decides what is near the view). */
  container: HTMLElement,
  /** The name a page is read out by: "Page 2 of 5", in the app's language. */
  pageLabel: (page: number, count: number) => string,
): Promise<ShownPdf> {
  // pdf.js takes the buffer over (transfers it to its worker): give it a copy.
  const pdf: PDFDocumentProxy = await getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableFontFace: false,
  }).promise;
  let closed = false;
  const count = pdf.numPages;
  const first = (await pdf.getPage(1)).getViewport({ scale: SCALE });

  const slots: HTMLElement[] = [];
  for (let number = 1; number <= count; number++) {
    const slot = document.createElement('div');
    slot.className = 'pdf-page';
    slot.dataset.page = String(number);
    // Until a page is drawn its slot has the first page's size (most PDFs keep one size).
    slot.style.aspectRatio = `${first.width} / ${first.height}`;
    slot.setAttribute('role', 'img');
    slot.setAttribute('aria-label', pageLabel(number, count));
    slots.push(slot);
  }
  container.replaceChildren(...slots);

  const drawing = new Map<number, { canvas?: HTMLCanvasElement; task?: RenderTask; gone: boolean }>();

  async function draw(number: number) {
    if (closed || drawing.has(number)) return;
    const state: { canvas?: HTMLCanvasElement; task?: RenderTask; gone: boolean } = { gone: false };
    drawing.set(number, state);
    const slot = slots[number - 1]!;
    try {
      const page = await pdf.getPage(number);
      if (state.gone || closed) return;
      const viewport = page.getViewport({ scale: SCALE });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      state.canvas = canvas;
      slot.style.aspectRatio = `${viewport.width} / ${viewport.height}`;
      slot.append(canvas);
      state.task = page.render({ canvas, viewport });
      await state.task.promise;
      if (!state.gone) slot.dataset.drawn = 'true';
      page.cleanup();
    } catch (error) {
      // A page let go (or the viewer closed) while it was drawn: nothing to show, nothing wrong.
      if (!state.gone && !closed) {
        slot.dataset.failed = 'true';
        throw error;
      }
    }
  }

  function release(number: number) {
    const state = drawing.get(number);
    if (!state) return;
    state.gone = true;
    state.task?.cancel();
    if (state.canvas) {
      // Zero-sized first: the picture's memory goes now, not when the element is collected.
      state.canvas.width = 0;
      state.canvas.height = 0;
      state.canvas.remove();
    }
    drawing.delete(number);
    delete slots[number - 1]!.dataset.drawn;
  }

  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const number = Number((entry.target as HTMLElement).dataset.page);
        if (entry.isIntersecting) draw(number).catch(() => {});
        else release(number);
      }
    },
    { root: container, rootMargin: NEAR },
  );
  for (const slot of slots) observer.observe(slot);

  return {
    pages: count,
    drawn: () => drawing.size,
    async close() {
      closed = true;
      observer.disconnect();
      for (const number of [...drawing.keys()]) release(number);
      await pdf.destroy();
    },
  };
}
