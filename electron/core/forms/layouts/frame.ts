/**
 * The page every form is printed on (DESIGN.md §6): A4 (the roster turns
 * it landscape), a wider left margin for the archive binder, a running
 * header with the school, its 学校标识码, the 表格编号 and the 填表日期,
 * and a footer with the 经办人, the 生成时间, the 校验码 and the page
 * count, so that a paper form can be matched to the access log.
 */
import type {
  Content,
  ContextPageSize,
  PageOrientation,
  StyleDictionary,
  TDocumentDefinitions,
} from 'pdfmake/interfaces';
import { formFonts, type FormFrame } from '../formData';
import { dayText, gap } from './values';

/** Left (binding edge), top, right, bottom, in points (1 mm ≈ 2.835 pt). */
const pageMargins: [number, number, number, number] = [56, 66, 42, 46];

/** Room the header takes below the page's top edge, and the footer above the bottom. */
const headerTop = 20;
const footerGap = 10;

/** Text colour of header and footer: dark grey, so the form itself stands out. */
const frameColour = '#333333';

/** Width of the content area of a page. */
export function contentWidth(pageSize: Pick<ContextPageSize, 'width'>): number {
  return pageSize.width - pageMargins[0] - pageMargins[2];
}

/** A4's content width, portrait and landscape, for layouts that size columns in points. */
export const portraitWidth = contentWidth({ width: 595.28 });
export const landscapeWidth = contentWidth({ width: 841.89 });

const rule = (width: number, y: number): Content => ({
  canvas: [{ type: 'line', x1: 0, y1: y, x2: width, y2: y, lineWidth: 0.6, lineColor: frameColour }],
});

/** Width of the header's right column: 表格编号 1234567890-2026-000123 on one line. */
const numberColumnWidth = 156;

function header(frame: FormFrame, pageSize: ContextPageSize): Content {
  return {
    margin: [pageMargins[0], headerTop, pageMargins[2], 0],
    style: 'frame',
    stack: [
      {
        columns: [
          {
            width: '*',
            // A long name (SCH-1 allows 60 characters) wraps to a second line beside the 填表日期.
            text: [{ text: frame.schoolName, bold: true }, `${gap}学校标识码：${frame.schoolCode}`],
          },
          {
            width: numberColumnWidth,
            alignment: 'right',
            stack: [`表格编号：${frame.formNumber}`, `填表日期：${dayText(frame.issuedOn)}`],
          },
        ],
        columnGap: 12,
      },
      rule(contentWidth(pageSize), 3),
    ],
  };
}

function footer(frame: FormFrame, page: number, pages: number, pageSize: ContextPageSize): Content {
  return {
    margin: [pageMargins[0], footerGap, pageMargins[2], 0],
    style: 'frame',
    stack: [
      rule(contentWidth(pageSize), 0),
      {
        margin: [0, 3, 0, 0],
        columns: [
          {
            width: '*',
            text: `经办人：${frame.operator}${gap}生成时间：${frame.generatedAt}${gap}校验码：${frame.verificationCode}`,
          },
          { width: 'auto', text: `第 ${page} 页／共 ${pages} 页` },
        ],
        columnGap: 12,
      },
    ],
  };
}

/** Named styles every layout may use: labels in the sans face, values in the serif. */
const formStyles: StyleDictionary = {
  frame: { font: formFonts.label, fontSize: 8.5, color: frameColour },
  title: { font: formFonts.label, fontSize: 17, bold: true, alignment: 'center', characterSpacing: 1 },
  titleKind: { fontSize: 13 },
  // Sizes of labels and values come from the page (10 pt) or a denser part of it (the card: 9 pt).
  label: { font: formFonts.label },
  value: { font: formFonts.body },
  columnHead: { font: formFonts.label, bold: true, alignment: 'center' },
  note: { font: formFonts.body, fontSize: 8.5, lineHeight: 1.1 },
};

/** The form's title, centred above the first table; `kind` (转出, 退学 …) follows it in brackets. */
export function formTitle(frame: FormFrame, kind?: string): Content {
  return {
    text: [frame.title, ...(kind ? [{ text: `（${kind}）`, style: 'titleKind' }] : [])],
    style: 'title',
    margin: [0, 0, 0, 8],
  };
}

export interface FormPage {
  readonly content: Content[];
  readonly orientation?: PageOrientation;
}

/** A whole document: the page, the frame, the styles and the layout's content. */
export function formDocument(frame: FormFrame, page: FormPage): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageOrientation: page.orientation ?? 'portrait',
    pageMargins,
    info: { title: frame.title, author: frame.schoolName, subject: frame.formNumber, creator: '学籍工作台' },
    header: (_page, _pages, pageSize) => header(frame, pageSize),
    footer: (current, pages, pageSize) => footer(frame, current, pages, pageSize),
    defaultStyle: { font: formFonts.body, fontSize: 10 },
    styles: formStyles,
    content: page.content,
  };
}
