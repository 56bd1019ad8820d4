/**
 * `npm run bridge -- --data DIR [--renderer out/renderer]`: starts the
 * test-only web bridge on a data folder for manual checks and prints how to
 * reach it. Ctrl+C stops it.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { apiMethods } from '../../shared/api';
import { startBridge, tokenHeader } from './bridge';

const usage = 'Usage: npm run bridge -- --data <data folder> [--renderer out/renderer]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      renderer: { type: 'string', default: 'out/renderer' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.data) {
    console.log(usage);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const bridge = await startBridge({ dataFolder: resolve(values.data), rendererDir: resolve(values.renderer) });
  console.log(`XuejiDesk web bridge (test only) serving ${resolve(values.data)}

  URL:    ${bridge.url}
  Token:  ${bridge.token}

The page needs window.api. From a Playwright script:
  import { installWindowApiShim, shimArg } from './tests/support/windowApiShim';
  await page.addInitScript(installWindowApiShim, shimArg('${bridge.token}'));
  await page.goto('${bridge.url}');
(or paste windowApiShimSource(token) into a tool that takes script text.)

Call a method directly (methods: ${apiMethods.join(', ')}):
  curl -s -X POST -H '${tokenHeader}: ${bridge.token}' -H 'content-type: application/json' -d '[]' ${bridge.url}api/systemInfo

Press Ctrl+C to stop.`);
  const stop = (): void => {
    void bridge.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
