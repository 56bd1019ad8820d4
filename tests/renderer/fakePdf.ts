/**
 * pdf.js cannot draw in happy-dom: a stand-in for the opened PDF that the
 * preview draws and prints, recording what was asked of it. Test files
 * replace `openPdf` of renderer/src/composables/pdfPages with a `vi.fn`
 * answering `fakePdf(...)`; the rest of that module runs as in the app.
 */
import { vi } from 'vitest';
import type { PageSize, PdfPages } from '../../renderer/src/composables/pdfPages';

export const a4Portrait: PageSize = { width: 595.28, height: 841.89 };
export const a4Landscape: PageSize = { width: 841.89, height: 595.28 };

export interface FakePdf extends PdfPages {
  readonly draw: ReturnType<typeof vi.fn<PdfPages['draw']>>;
  readonly picture: ReturnType<typeof vi.fn<PdfPages['picture']>>;
  readonly close: ReturnType<typeof vi.fn<PdfPages['close']>>;
}

export function fakePdf(sizes: readonly PageSize[] = [a4Portrait]): FakePdf {
  return {
    sizes,
    draw: vi.fn<PdfPages['draw']>(async () => undefined),
    picture: vi.fn<PdfPages['picture']>(async (page) => new Blob([`page ${page}`], { type: 'image/png' })),
    close: vi.fn<PdfPages['close']>(async () => undefined),
  };
}

/** `blob:` URLs in happy-dom: numbered, and remembered until revoked. */
export function fakeBlobUrls(): { readonly live: Set<string> } {
  const live = new Set<string>();
  let next = 0;
  Object.defineProperty(URL, 'createObjectURL', {
    value: () => {
      const url = `blob:fake/${(next += 1)}`;
      live.add(url);
      return url;
    },
    configurable: true,
  });
  Object.defineProperty(URL, 'revokeObjectURL', { value: (url: string) => live.delete(url), configurable: true });
  return { live };
}
