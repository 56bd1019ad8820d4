/**
 * Run by the import crash test in a process of its own, as main would run
 * core: log in, read the file, say READY, import. The test kills it at a
 * random moment of the import. Arguments: data folder, user, password, file.
 */
import { readFileSync } from 'node:fs';
import { createCore } from '../../electron/core/app';
import { createMemoryLogger } from '../../electron/core/log';

async function run(folder: string, userName: string, password: string, file: string): Promise<void> {
  const core = createCore({
    dataFolder: folder,
    appVersion: 'test',
    electron: null,
    chrome: null,
    logger: createMemoryLogger(),
  });
  const login = await core.call('login', [{ userName, password }]);
  if (!login.ok) throw new Error(login.error.message);
  const upload = { fileName: '学生信息.xlsx', base64: readFileSync(file).toString('base64'), classId: null };
  process.stdout.write('READY\n');
  const result = await core.call('commitImport', [upload]);
  if (!result.ok) throw new Error(result.error.message);
  process.stdout.write('DONE\n');
  core.close();
}

const [folder, userName, password, file] = process.argv.slice(2);
void run(folder!, userName!, password!, file!);
