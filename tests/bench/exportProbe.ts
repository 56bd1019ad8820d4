/**
 * Run by the benchmark in a fresh process, as the app's main process would
 * be: log in to a 50k-student register and export it for bureau review
 * (导出审查材料) several times. Prints one JSON line: each export's time, the
 * process's peak memory after the first export and after the last.
 */
import { performance } from 'node:perf_hooks';
import { createCore } from '../../electron/core/app';
import { createMemoryLogger } from '../../electron/core/log';
import { peakRssMb } from './peakMemory';

async function probe(folder: string, userName: string, password: string, target: string, runs: number) {
  const core = createCore({
    dataFolder: folder,
    appVersion: 'bench',
    electron: null,
    chrome: null,
    logger: createMemoryLogger(),
  });
  const login = await core.call('login', [{ userName, password }]);
  if (!login.ok) throw new Error(login.error.message);
  const times: number[] = [];
  let students = 0;
  let firstPeakRssMb = 0;
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    const result = await core.call('exportForReview', [target, { includePhotos: false }]);
    times.push(performance.now() - start);
    if (!result.ok) throw new Error(result.error.message);
    students = (result.value as { counts: { students: number } }).counts.students;
    if (run === 0) firstPeakRssMb = peakRssMb();
  }
  const lastPeakRssMb = peakRssMb();
  core.close();
  process.stdout.write(`${JSON.stringify({ times, students, firstPeakRssMb, peakRssMb: lastPeakRssMb })}\n`);
}

const [folder, userName, password, target, runs] = process.argv.slice(2);
void probe(folder!, userName!, password!, target!, Number(runs));
