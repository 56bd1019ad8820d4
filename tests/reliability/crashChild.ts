/**
 * Run by the kill tests in a process of its own, as main would run core:
 * log in, get ready, say READY, run one operation, say DONE. The test kills
 * it (SIGKILL) at a random moment of the operation.
 * Arguments: operation, data folder, user, password, clock (ISO time), and
 * for `import` the workbook file.
 */
import { readFileSync } from 'node:fs';
import { createCore, type Core } from '../../electron/core/app';
import { createMemoryLogger } from '../../electron/core/log';
import type { ApiArgs, ApiMethod, ApiValue } from '../../shared/api';
import { killedOperations, type KilledOperation } from './killHarness';

async function call<M extends ApiMethod>(core: Core, method: M, ...args: ApiArgs<M>): Promise<ApiValue<M>> {
  const result = await core.call(method, args);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as ApiValue<M>;
}

/** What each operation prepares before READY, and then does. */
const operations: Record<KilledOperation, (core: Core, extra: string | undefined) => Promise<() => Promise<unknown>>> =
  {
    import: async (core, file) => {
      const upload = { fileName: '学生信息.xlsx', base64: readFileSync(file!).toString('base64'), classId: null };
      return () => call(core, 'commitImport', upload);
    },
    promotion: async (core) => {
      const { schoolYear } = await call(core, 'previewPromotion');
      return () => call(core, 'promoteSchool', schoolYear);
    },
    backup: async (core) => () => call(core, 'backupNow', null),
  };

async function run(operation: string, folder: string, userName: string, password: string, clock: string) {
  if (!killedOperations.includes(operation as KilledOperation)) throw new Error(`unknown operation ${operation}`);
  const core = createCore({
    dataFolder: folder,
    appVersion: 'test',
    electron: null,
    chrome: null,
    logger: createMemoryLogger(),
    now: () => new Date(clock),
  });
  await call(core, 'login', { userName, password });
  const act = await operations[operation as KilledOperation](core, process.argv[7]);
  process.stdout.write('READY\n');
  await act();
  process.stdout.write('DONE\n');
  core.close();
}

const [operation, folder, userName, password, clock] = process.argv.slice(2);
run(operation!, folder!, userName!, password!, clock!).catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
