/**
 * `npm run bench`: the performance figures of XuejiDesk, each against a
 * baseline measured in the same run on the same machine where one exists,
 * printed as one table (docs/performance.md explains each). Median of
 * several runs. Most figures run on one generated installation, a 50k-student
 * school with 5,000 open cases and 200k access-log rows (bigSchool.ts).
 * `npm run bench -- register export` prints those parts only. Every
 * temporary folder of the run goes into one scratch folder, removed at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditFigures } from './auditFigures';
import { type Row, runs } from './benchKit';
import { changesFigures } from './changesFigures';
import { exportFigures } from './exportFigures';
import { formsFigures } from './formsFigures';
import { importFigures } from './importFigures';
import { inspectionFigures } from './inspectionFigures';
import { registerFigures } from './registerFigures';
import { storageFigures } from './storageFigures';

/**
 * The parts in the table's order: storage (issue 2), audit (3), register (4, 8), changes (5), forms (6),
 * import, export and inspection (7).
 */
const parts: Readonly<Record<string, () => Promise<Row[]>>> = {
  storage: storageFigures,
  audit: auditFigures,
  register: registerFigures,
  changes: changesFigures,
  forms: formsFigures,
  import: importFigures,
  export: exportFigures,
  inspection: inspectionFigures,
};

function format(value: number, unit: Row['unit']): string {
  if (unit === 'ms') return `${value.toFixed(1)} ms`;
  if (unit === 'MB') return `${value.toFixed(0)} MB`;
  return `${Math.round(value).toLocaleString('en-US')} rows/s`;
}

function print(rows: readonly Row[]): void {
  const table = rows.map((row) => [
    row.figure,
    row.goal,
    format(row.measured, row.unit),
    row.baseline === null ? '—' : `${format(row.baseline, row.unit)} (${row.baselineName})`,
    row.baseline === null ? '—' : `${(row.measured / row.baseline).toFixed(2)}×`,
  ]);
  const header = ['figure', 'goal', 'measured', 'baseline', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`XuejiDesk benchmark — node ${process.versions.node}, ${runs} runs each, median`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  table.forEach((r) => console.log(line(r)));
}

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(name in parts));
  if (unknown.length > 0) {
    console.error(`unknown part ${unknown.join(', ')}; the parts are: ${Object.keys(parts).join(', ')}`);
    process.exit(2);
  }
  // os.tmpdir() reads these on every call, here and in the probes' processes.
  const scratch = mkdtempSync(join(tmpdir(), 'xuejidesk-bench-'));
  for (const name of ['TMPDIR', 'TMP', 'TEMP']) process.env[name] = scratch;
  try {
    const rows: Row[] = [];
    for (const [name, figures] of Object.entries(parts)) {
      if (asked.length === 0 || asked.includes(name)) rows.push(...(await figures()));
    }
    print(rows);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

void main();
