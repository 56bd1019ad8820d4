/**
 * Import figures (issue 7): a template of 10,000 generated students
 * (tests/support/importWorkbooks.ts), through core on an encrypted
 * database whose classes are set up, against exceljs' streaming reader
 * reading every row of the same file, as the import reads it, and nothing
 * else:
 * - the dry run (检查（不保存）): read, every row checked, duplicates
 *   against the register and within the file, the access-log event;
 * - the import (确认导入): the same reading and checks again, then the
 *   10,000 students written in one transaction, logged once.
 * Each run works on a fresh copy of the set-up installation; the three are
 * measured in turn in every run, and each figure is the median.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Core } from '../../electron/core/app';
import type { ImportUpload } from '../../shared/exchange/studentImport';
import { tempFolder } from '../core/fixtures';
import { templateStudents, templateWorkbook, xlsxBytes } from '../support/importWorkbooks';
import { benchInstallation, loggedInCore, type Row, runs, timed } from './benchKit';

const importRows = 10_000;

async function call<T>(core: Core, method: string, args: unknown[]): Promise<T> {
  const result = await core.call(method, args);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** exceljs' streaming reader over every row of the file, values read: the bare read. */
async function bareRead(bytes: Buffer): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let cells = 0;
  for await (const sheet of reader) for await (const row of sheet) cells += (row.values as unknown[]).length;
  if (cells === 0) throw new Error('bare read found no cells');
}

export async function importFigures(): Promise<Row[]> {
  const { students, classes } = templateStudents(importRows, 2026);
  const bytes = await xlsxBytes(templateWorkbook(students));
  const upload: ImportUpload = { fileName: '学生信息.xlsx', base64: bytes.toString('base64'), classId: null };

  const template = await benchInstallation();
  const setUp = await loggedInCore(template);
  for (const { grade, number } of classes) {
    await call(setUp, 'saveClass', [{ grade, number, headTeacher: '基准', capacity: 100 }]);
  }
  setUp.close();
  /** A logged-in core on a fresh copy of the installation with its classes. */
  const freshCore = async (): Promise<Core> => {
    const folder = join(tempFolder(), 'data');
    cpSync(template, folder, { recursive: true });
    return loggedInCore(folder);
  };
  const measured = async (method: 'dryRunImport' | 'commitImport'): Promise<number> => {
    const core = await freshCore();
    try {
      return await timed(() => call(core, method, [upload]));
    } finally {
      core.close();
    }
  };

  // Interleaved, so that a busy machine slows the baseline and the figures alike.
  const times = { read: [] as number[], dryRun: [] as number[], commit: [] as number[] };
  for (let run = 0; run < runs; run += 1) {
    times.read.push(await timed(() => bareRead(bytes)));
    times.dryRun.push(await measured('dryRunImport'));
    times.commit.push(await measured('commitImport'));
  }
  const middle = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const [read, dryRun, commit] = [middle(times.read), middle(times.dryRun), middle(times.commit)];
  const baselineName = `exceljs streaming read of the same ${(bytes.length / 1024 / 1024).toFixed(1)} MB file`;
  return [
    {
      figure: `${importRows / 1000}k-row import, dry run (检查（不保存）)`,
      goal: '≤ 5000 ms, ≤ 2.5×',
      measured: dryRun,
      baseline: read,
      baselineName,
      unit: 'ms',
    },
    {
      figure: `${importRows / 1000}k-row import, one transaction (确认导入)`,
      goal: '≤ 5000 ms, ≤ 2.5×',
      measured: commit,
      baseline: read,
      baselineName,
      unit: 'ms',
    },
  ];
}
