/**
 * The pages of a PDF core generated, drawn in the page by pdf.js
 * (`pdfjs-dist`): onto a canvas for the preview, as a picture for paper.
 * pdf.js parses in a module worker bundled with the app (the CSP allows
 * scripts and workers from 'self' only, so never a CDN), with no eval and
 * no WebAssembly (neither is allowed either, and our forms need neither:
 * embedded fonts, JPEG photos). We start that worker ourselves: given only
 * its URL, pdf.js wraps a worker of an opaque origin (the packaged app's
 * file:// page) in a `blob:` module, which the CSP refuses. The library and
 * its one worker are loaded with the first form shown, not at start-up.
 * Components use this module only, so tests can replace `openPdf`:
 * happy-dom cannot draw.
 */
import type * as PdfJs from 'pdfjs-dist';
import { revokeBlobUrl } from './download';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/** A page's size in PDF points (1/72 inch), as shown (rotation applied). */
export interface PageSize {
  readonly width: number;
  readonly height: number;
}

/** An open PDF. */
export interface PdfPages {
  readonly sizes: readonly PageSize[];
  /** Draws page `pageNumber` (from 1) onto the canvas, `pixelsPerPoint` device pixels per point. */
  draw(pageNumber: number, canvas: HTMLCanvasElement, pixelsPerPoint: number): Promise<void>;
  /** Page `pageNumber` (from 1) as a PNG at `dpi` dots per inch, for paper. */
  picture(pageNumber: number, dpi: number): Promise<Blob>;
  /** Frees the document and its worker. */
  close(): Promise<void>;
}

interface Library {
  readonly pdfjs: typeof PdfJs;
  /** Parses every document, one after the other; lives as long as the window. */
  readonly worker: PdfJs.PDFWorker;
}
let library: Promise<Library> | null = null;

function load(): Promise<Library> {
  library ??= import('pdfjs-dist').then(
    (pdfjs) => {
      const port = new Worker(workerUrl, { type: 'module', name: 'pdf.js' });
      return { pdfjs, worker: pdfjs.PDFWorker.create({ port, verbosity: pdfjs.VerbosityLevel.ERRORS }) };
    },
    (failure: unknown) => {
      library = null; // a chunk that failed to load may load on the next try
      throw failure;
    },
  );
  return library;
}

/** Opens the PDF (its bytes are handed to the worker: pass a copy that is not used afterwards). */
export async function openPdf(bytes: Uint8Array): Promise<PdfPages> {
  const { pdfjs, worker } = await load();
  const document: PdfJs.PDFDocumentProxy = await pdfjs.getDocument({
    data: bytes,
    worker,
    isEvalSupported: false,
    useWasm: false,
    enableXfa: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  }).promise;
  const pages = await Promise.all(Array.from({ length: document.numPages }, (_, index) => document.getPage(index + 1)));
  const sizes = pages.map((page) => {
    const { width, height } = page.getViewport({ scale: 1 });
    return { width, height };
  });

  async function draw(pageNumber: number, canvas: HTMLCanvasElement, pixelsPerPoint: number): Promise<void> {
    const page = pages[pageNumber - 1]!;
    const viewport = page.getViewport({ scale: pixelsPerPoint });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    await page.render({ canvas, viewport }).promise;
  }

  async function picture(pageNumber: number, dpi: number): Promise<Blob> {
    const canvas = window.document.createElement('canvas');
    try {
      await draw(pageNumber, canvas, dpi / 72);
      return await new Promise<Blob>((resolve, reject) =>
        canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas.toBlob gave nothing'))), 'image/png'),
      );
    } finally {
      // Frees the bitmap now rather than at the next collection: a class's cards are 50 pages.
      canvas.width = 0;
      canvas.height = 0;
    }
  }

  return { sizes, draw, picture, close: () => document.destroy() };
}

/** Device pixels per CSS pixel for the screen, at most 2: sharp on high-density screens, bounded in memory. */
const screenDensity = (): number => Math.min(window.devicePixelRatio || 1, 2);

/**
 * Draws each canvas (its page number in `data-page`) to its shown width once
 * it comes near the visible part of `root`: a class's cards are 50 pages.
 * A canvas is `aria-busy` until its page is drawn. Returns the function
 * that stops watching.
 */
export function drawWhenShown(
  pdf: PdfPages,
  canvases: readonly HTMLCanvasElement[],
  root: HTMLElement | null,
  onFailure: () => void,
): () => void {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        const canvas = entry.target as HTMLCanvasElement;
        const pageNumber = Number(canvas.dataset['page']);
        const size = pdf.sizes[pageNumber - 1];
        if (!size) continue;
        pdf
          .draw(pageNumber, canvas, (canvas.clientWidth * screenDensity()) / size.width)
          .then(() => canvas.removeAttribute('aria-busy'), onFailure);
      }
    },
    { root, rootMargin: '600px 0px' },
  );
  for (const canvas of canvases) observer.observe(canvas);
  return () => observer.disconnect();
}

/** One page for paper: its picture as a `blob:` URL, and whether it goes on a landscape sheet. */
export interface PaperPage {
  readonly url: string;
  readonly landscape: boolean;
}

export function forgetPaper(pages: readonly PaperPage[]): void {
  for (const page of pages) revokeBlobUrl(page.url);
}

/**
 * Every page as a picture at `dpi`, in order, telling `progress` the page
 * being drawn; null (and nothing kept) once `wanted` says the form was closed.
 */
export async function paperPages(
  pdf: PdfPages,
  dpi: number,
  progress: (pageNumber: number) => void,
  wanted: () => boolean,
): Promise<PaperPage[] | null> {
  const pages: PaperPage[] = [];
  for (const [index, size] of pdf.sizes.entries()) {
    progress(index + 1);
    const picture = await pdf.picture(index + 1, dpi);
    if (!wanted()) break;
    pages.push({ url: URL.createObjectURL(picture), landscape: size.width > size.height });
  }
  if (wanted()) return pages;
  forgetPaper(pages);
  return null;
}

/** Resolves once every picture in `sheet` is decoded: a print dialog must not catch a page still loading. */
export async function picturesDecoded(sheet: ParentNode | null): Promise<void> {
  await Promise.all([...(sheet?.querySelectorAll('img') ?? [])].map((picture) => picture.decode()));
}
