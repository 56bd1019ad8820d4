/** The import directions of DESIGN.md §1 are enforced by lint; this proves the rule bites. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering lint rule', () => {
  it.each([
    ['electron/core/accounts.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['shared/rules.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['shared/rules.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['shared/rules.ts', "import { createCore } from '../electron/core/app';\nexport const a = createCore;\n"],
    [
      'renderer/src/views/X.ts',
      "import { createCore } from '../../../electron/core/app';\nexport const a = createCore;\n",
    ],
    ['renderer/src/views/X.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"],
    ['electron/core/app2.ts', "import { bindApi } from '../main/ipc';\nexport const a = bindApi;\n"],
  ])('refuses in %s: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).not.toEqual([]);
  });

  it.each([
    ['electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/core/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['renderer/src/x.ts', "import { apiMethods } from '../../shared/api';\nexport const a = apiMethods;\n"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });

  it('only renderer/src/api.ts touches window.api', async () => {
    const code = 'export const s = window.api.status();\n';
    const [inView] = await eslint.lintText(code, { filePath: 'renderer/src/views/X.ts' });
    const [inApi] = await eslint.lintText(code, { filePath: 'renderer/src/api.ts' });
    expect(inView?.messages.map((m) => m.ruleId)).toContain('no-restricted-syntax');
    expect(inApi?.messages.map((m) => m.ruleId)).not.toContain('no-restricted-syntax');
  });
});
