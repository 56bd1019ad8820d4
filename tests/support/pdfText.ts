/**
 * The text of a PDF, page by page, for tests: pdfjs-dist's legacy build runs in plain Node (its
 * worker is loaded in-process). Runs of text are grouped into lines by their baseline, lines are
 * read top to bottom and runs left to right; a visible gap between two runs on a line becomes one
 * space, so `王晓雨` stays whole and `姓名 王晓雨` keeps its separation.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface Run {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
}

/** Runs whose baselines differ by less than this share a line (PDF points). */
const sameLineTolerance = 2;

function linesOf(runs: readonly Run[]): string[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Run[][] = [];
  for (const run of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y - run.y) < sameLineTolerance) line.push(run);
    else lines.push([run]);
  }
  return lines.map((line) => {
    const ordered = line.sort((a, b) => a.x - b.x);
    let text = '';
    let end = Number.NEGATIVE_INFINITY;
    for (const run of ordered) {
      if (text && run.x - end > run.size * 0.25) text += ' ';
      text += run.text;
      end = run.x + run.width;
    }
    return text;
  });
}

/** One string per page, lines separated by `\n`. */
export async function pdfText(pdf: Uint8Array): Promise<string[]> {
  const document = await getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [scaleX, , , scaleY, x, y] = item.transform as number[];
        runs.push({
          text: item.str,
          x: x!,
          y: y!,
          width: item.width,
          size: Math.abs(scaleY! || scaleX! || 10),
        });
      }
      pages.push(linesOf(runs).join('\n'));
      page.cleanup();
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
