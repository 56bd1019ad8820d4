/**
 * The grid a form is drawn in: label and value cells, rows of labelled
 * fields, list tables with a repeated header row, and sections stacked so
 * that they read as one continuous ruled form with the section's name
 * written down its left edge, as Chinese register forms are.
 */
import type {
  Alignment,
  Content,
  ContentTable,
  CustomTableLayout,
  TableCell,
  TableCellProperties,
} from 'pdfmake/interfaces';
import { portraitWidth } from './frame';
import { noValue } from './values';

/** Light grey behind labels: prints on any office printer and still tells labels from values. */
const labelFill = '#f1f1f1';

/** Width of the column that carries a section's name. */
export const sectionColumnWidth = 22;

const outer = 0.9;
const inner = 0.5;

/** Space between a cell's rules and its content, left and right (top and bottom: `paddingY`). */
const paddingX = 4;
const paddingY = 3.5;
/** Top and bottom padding of a compact grid (the card), where a page must hold a whole record. */
const compactPaddingY = 2;

/** The content width of the one `*` column of a table `total` points wide whose other columns are `fixed`. */
export function starWidth(total: number, fixed: readonly number[]): number {
  return resolvedWidths(total, [...fixed, '*']).at(-1)!;
}

const columnCount = (table: ContentTable['table']): number =>
  Array.isArray(table.widths) ? table.widths.length : (table.body[0]?.length ?? 0);

/**
 * Black rules, heavier round the outside. A continued table draws no top
 * rule: the table above it closes with its own bottom rule.
 */
function gridLayout(continued: boolean, compact: boolean): CustomTableLayout {
  const padding = compact ? compactPaddingY : paddingY;
  return {
    hLineWidth: (i, node) => {
      if (i === 0) return continued ? 0 : outer;
      return i === node.table.body.length ? outer : inner;
    },
    vLineWidth: (i, node) => (i === 0 || i === columnCount(node.table) ? outer : inner),
    hLineColor: () => '#000000',
    vLineColor: () => '#000000',
    paddingLeft: () => paddingX,
    paddingRight: () => paddingX,
    paddingTop: () => padding,
    paddingBottom: () => padding,
  };
}

/** A column's width in points, or `*` for an equal share of what the others leave. */
export type ColumnWidth = number | '*';

/**
 * Widths in points, the stars resolved against the table's `total` width
 * (pdfmake adds the padding and the rules to the columns' widths).
 * pdfmake would widen a star column to its longest unbreakable run and push
 * the table past the margin; a fixed width makes it break the run instead.
 */
function resolvedWidths(total: number, widths: readonly ColumnWidth[]): number[] {
  const fixed = widths.filter((width): width is number => width !== '*');
  const stars = widths.length - fixed.length;
  const rules = 2 * outer + (widths.length - 1) * inner;
  const free = total - fixed.reduce((sum, width) => sum + width, 0) - 2 * paddingX * widths.length - rules;
  return widths.map((width) => (width === '*' ? free / stars : width));
}

export interface GridOptions {
  readonly widths: readonly ColumnWidth[];
  /** The table's width including rules and padding: the page's content width by default. */
  readonly total?: number;
  readonly body: TableCell[][];
  /** Joins the table to the one above it. */
  readonly continued?: boolean;
  /** Less padding above and below the cells' text. */
  readonly compact?: boolean;
  /** Rows repeated at the top of every page the table runs onto. */
  readonly headerRows?: number;
}

export function grid(options: GridOptions): ContentTable {
  return {
    table: {
      widths: resolvedWidths(options.total ?? portraitWidth, options.widths),
      body: options.body,
      ...(options.headerRows ? { headerRows: options.headerRows, dontBreakRows: true } : {}),
    },
    layout: gridLayout(options.continued ?? false, options.compact ?? false),
  };
}

export interface CellExtras {
  readonly colSpan?: number;
  readonly rowSpan?: number;
  readonly alignment?: Alignment;
}

/** A label: sans, centred, on grey. */
export function label(text: string, extras: CellExtras = {}): NodeCell {
  return { text, style: 'label', alignment: 'center', verticalAlignment: 'middle', fillColor: labelFill, ...extras };
}

/** A value from the register: serif, left; a dash when blank. */
export function value(text: string, extras: CellExtras = {}): NodeCell {
  return { text: text.trim() === '' ? noValue : text, style: 'value', verticalAlignment: 'middle', ...extras };
}

/** A cell that is one content node (not a bare string or a list), so it can carry spans. */
export type NodeCell = Exclude<Content, string | number | Content[]> & TableCellProperties;

/** A cell spread over `span` columns, with the placeholders pdfmake needs after it. */
export function spanned(cell: NodeCell, span: number): TableCell[] {
  if (span <= 1) return [cell];
  return [{ ...cell, colSpan: span }, ...Array.from({ length: span - 1 }, () => ({}))];
}

/** A labelled field of a grid; `span` is how many label-value pairs of the row it takes (1 by default). */
export interface Field {
  readonly label: string;
  readonly value: string;
  readonly span?: number;
}

/** Fields in reading order, `pairs` label-value pairs a row; a field that does not fit starts the next row. */
function packRows(fields: readonly Field[], pairs: number): Field[][] {
  const rows: Field[][] = [];
  let used = pairs;
  for (const field of fields) {
    const span = Math.min(field.span ?? 1, pairs);
    if (used + span > pairs) {
      rows.push([]);
      used = 0;
    }
    rows.at(-1)!.push({ ...field, span });
    used += span;
  }
  return rows;
}

/** One row's cells; its last field stretches over what the row leaves, plus `extraColumns`. */
function rowCells(row: readonly Field[], pairs: number, extraColumns: number): TableCell[] {
  const used = row.reduce((sum, field) => sum + (field.span ?? 1), 0);
  return row.flatMap((field, index) => {
    const last = index === row.length - 1;
    const span = (field.span ?? 1) + (last ? pairs - used : 0);
    return [label(field.label), ...spanned(value(field.value), 2 * span - 1 + (last ? extraColumns : 0))];
  });
}

export interface PhotoSpan {
  /** The photo's cell, spanning `rows` rows of the grid's extra right-hand column. */
  readonly cell: NodeCell;
  readonly rows: number;
}

/**
 * Rows of `pairs` label-value pairs (2 × pairs columns). With a photo, the
 * grid has one more column: the photo fills it over the first rows and the
 * rows below stretch their last value into it.
 */
export function fieldRows(fields: readonly Field[], pairs: number, photo?: PhotoSpan): TableCell[][] {
  const rows = packRows(fields, pairs);
  if (!photo) return rows.map((row) => rowCells(row, pairs, 0));
  return rows.map((row, index) => {
    if (index >= photo.rows) return rowCells(row, pairs, 1);
    const cell: TableCell = index === 0 ? { ...photo.cell, rowSpan: Math.min(photo.rows, rows.length) } : {};
    return [...rowCells(row, pairs, 0), cell];
  });
}

/** A section's name written top to bottom, one character a line. */
const vertical = (title: string): string => [...title].join('\n');

export interface SectionOptions {
  /** The first section of a form: it draws its own top rule. */
  readonly first?: boolean;
  readonly compact?: boolean;
}

/**
 * A section of a continuous form: its name down the left edge, then its
 * rows. `widths` are the columns right of the name.
 */
export function section(
  title: string,
  widths: readonly ColumnWidth[],
  rows: TableCell[][],
  options: SectionOptions = {},
): ContentTable {
  const body = rows.map((row, index) =>
    index === 0 ? [label(vertical(title), { rowSpan: rows.length }), ...row] : [{}, ...row],
  );
  return grid({
    widths: [sectionColumnWidth, ...widths],
    body,
    continued: !options.first,
    compact: options.compact ?? false,
  });
}

export interface ListColumn {
  readonly head: string;
  readonly width: ColumnWidth;
  readonly alignment?: Alignment;
}

/** The header row of a list table. */
export function headRow(columns: readonly ListColumn[]): TableCell[] {
  return columns.map((column) => ({
    text: column.head,
    style: 'columnHead',
    verticalAlignment: 'middle',
    fillColor: labelFill,
  }));
}

/** Rows of a list table (one value per column); a single “无” row when there are none. */
export function listRows(columns: readonly ListColumn[], rows: readonly (readonly string[])[]): TableCell[][] {
  if (rows.length === 0) return [spanned(value('无', { alignment: 'center' }), columns.length)];
  return rows.map((row) =>
    columns.map((column, index) => value(row[index] ?? '', { alignment: column.alignment ?? 'left' })),
  );
}

/** A section holding a list table: the head row, then a row per entry (or “无”). */
export function listSection(
  title: string,
  columns: readonly ListColumn[],
  rows: readonly (readonly string[])[],
  options: SectionOptions = {},
): ContentTable {
  return section(
    title,
    columns.map((column) => column.width),
    [headRow(columns), ...listRows(columns, rows)],
    options,
  );
}
