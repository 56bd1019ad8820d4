/**
 * Run by the benchmark in a fresh process, as the app's main process would
 * be: open the 50k school by logging in (key derivation, opening the
 * database, verifying the access-log chain) several times, search it, and
 * report the login times, the search times and the process's peak memory.
 * Prints one JSON line.
 */
import { performance } from 'node:perf_hooks';
import { createCore } from '../../electron/core/app';
import { createMemoryLogger } from '../../electron/core/log';
import { peakRssMb } from './peakMemory';

async function probe(folder: string, userName: string, password: string, texts: string[], logins: number) {
  const core = createCore({
    dataFolder: folder,
    appVersion: 'bench',
    electron: null,
    chrome: null,
    logger: createMemoryLogger(),
  });
  const loginTimes: number[] = [];
  for (let run = 0; run < logins; run += 1) {
    if (run > 0) await core.call('logout', []);
    const start = performance.now();
    const login = await core.call('login', [{ userName, password }]);
    loginTimes.push(performance.now() - start);
    if (!login.ok) throw new Error(login.error.message);
  }
  const times: number[] = [];
  for (const text of texts) {
    const start = performance.now();
    const result = await core.call('listStudents', [{ text, limit: 50, offset: 0 }]);
    times.push(performance.now() - start);
    if (!result.ok) throw new Error(result.error.message);
  }
  const peak = peakRssMb();
  core.close();
  process.stdout.write(`${JSON.stringify({ loginTimes, times, peakRssMb: peak })}\n`);
}

const [folder, userName, password, textsJson, logins] = process.argv.slice(2);
void probe(folder!, userName!, password!, JSON.parse(textsJson!) as string[], Number(logins));
