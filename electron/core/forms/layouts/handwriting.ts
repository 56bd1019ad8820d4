/**
 * What a hand adds to a printed form: lines to write or sign on, dates to
 * fill in (年, 月 and 日 with room for the digits), tick boxes, and the
 * approvers' opinion boxes with room for a signature and a stamp. A
 * decision already recorded in the register is printed in its box instead
 * of blank lines.
 */
import type { Column, Content } from 'pdfmake/interfaces';
import type { RecordedDecision } from '../../../../shared/changes/caseRecords';
import { formFonts } from '../formData';
import { dayText, gap } from './values';

/** A date for the hand to fill in. */
export const handDate = '　　　　年　　月　　日';

/** Height of one handwritten line (a little more than a printed one: pens write large). */
const writingLineHeight = 20;

/** A line to write on, `width` points long, level with the baseline of 10-pt text beside it. */
function writeLine(width: number): Column {
  return { width, canvas: [{ type: 'line', x1: 0, y1: 13, x2: width, y2: 13, lineWidth: 0.5 }] };
}

/** Ruled lines across `width` points for a hand to write an opinion or a reason on. */
export function writingLines(width: number, count: number): Content {
  return {
    canvas: Array.from({ length: count }, (_, index) => {
      const y = (index + 1) * writingLineHeight;
      return { type: 'line' as const, x1: 0, y1: y, x2: width, y2: y, lineWidth: 0.4, lineColor: '#555555' };
    }),
    margin: [0, 0, 0, 4],
  };
}

/** Font size of tick boxes and their captions. */
const tickBoxSize = 10;

/** 监护人签字：＿＿＿＿ */
export function signature(caption: string, lineWidth: number): Column[] {
  return [{ text: `${caption}：`, width: 'auto' }, writeLine(lineWidth)];
}

/**
 * A tick box: □, or □ with ✓ in it. The bundled fonts have no ☑, so the
 * run sets ✓ then □ pulled back over it by a negative character spacing:
 * the box ends where an empty box ends, and the captions line up.
 */
export function tickBox(ticked: boolean, caption: string): Content {
  const box = ticked
    ? { text: '✓□', font: formFonts.label, characterSpacing: -0.839 * tickBoxSize }
    : { text: '□', font: formFonts.label };
  return { text: [box, { text: ' ', font: formFonts.label }, caption], style: 'value', fontSize: tickBoxSize };
}

/** 同意 / 不同意 when the approver wrote no opinion of their own. */
const outcomeText = (decision: RecordedDecision): string =>
  decision.opinion.trim() || (decision.outcome === 'approved' ? '同意。' : '不同意。');

export interface OpinionBox {
  /** Width of the cell's content, for the ruled lines. */
  readonly width: number;
  /** Who signs: 校长签字, 负责人签字 … */
  readonly signer: string;
  /** The decision recorded for this step, if any. */
  readonly decision?: RecordedDecision | undefined;
  /** Lines for a handwritten opinion when nothing is recorded (2 by default). */
  readonly lines?: number;
}

/**
 * An approver's box: the opinion (recorded, or ruled lines), then the
 * signature, the place of the stamp and the date along the bottom.
 */
export function opinionBox(box: OpinionBox): Content {
  const recorded = box.decision;
  const opinion: Content = recorded
    ? {
        stack: [
          { text: `审核意见：${outcomeText(recorded)}` },
          {
            text: `审核人：${recorded.decidedBy}${recorded.documentNumber.trim() ? `${gap}文号：${recorded.documentNumber.trim()}` : ''}`,
          },
        ],
        margin: [0, 0, 0, 14],
      }
    : writingLines(box.width, box.lines ?? 2);
  return {
    style: 'value',
    stack: [
      opinion,
      {
        columns: [
          ...signature(box.signer, 78),
          { text: '（公章）', width: '*', alignment: 'center', color: '#444444' },
          { text: recorded ? dayText(recorded.decidedOn) : handDate, width: 'auto' },
        ],
        columnGap: 2,
      },
    ],
  };
}
