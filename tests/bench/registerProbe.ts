/**
 * Run by the benchmark in a fresh process, as the app's main process would
 * be: open a 50k-student register, search it, and report search times and
 * the process's peak memory. Prints one JSON line.
 */
import { performance } from 'node:perf_hooks';
import { createCore } from '../../electron/core/app';
import { createMemoryLogger } from '../../electron/core/log';

async function probe(folder: string, userName: string, password: string, texts: string[]): Promise<void> {
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
  for (const text of texts) {
    const start = performance.now();
    const result = await core.call('listStudents', [{ text, limit: 50, offset: 0 }]);
    times.push(performance.now() - start);
    if (!result.ok) throw new Error(result.error.message);
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  core.close();
  process.stdout.write(`${JSON.stringify({ times, peakRssMb })}\n`);
}

const [folder, userName, password, textsJson] = process.argv.slice(2);
void probe(folder!, userName!, password!, JSON.parse(textsJson!) as string[]);
