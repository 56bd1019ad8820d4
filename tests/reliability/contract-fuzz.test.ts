/**
 * The contract fuzzed: every method of `apiMethods` gets random and hostile
 * arguments through the real dispatcher of a real core on an encrypted
 * installation, signed in as the administrator (and, for a third pass, with
 * nobody signed in). Every call must resolve to the envelope, ok or a known
 * error code with a Chinese message, never an INTERNAL error; a call that
 * failed must not have changed a row (only the access log may grow); and at
 * the end the database passes `integrity_check` and the access log's chain.
 *
 * Calls that change the session: `logout` and `lockSession` succeed when
 * their arguments happen to be valid; the harness then logs back in or
 * unlocks (and, when random passwords locked the account out, moves the
 * clock past the lockout). `chooseFolder` reaches a stand-in for the folder
 * dialog that answers a scratch folder, so no window opens. `restoreBackup`
 * only ever gets hostile paths, none of them a backup, so it is always
 * refused and the data stays.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiMethod, apiAccess, apiMethods } from '../../shared/api';
import { apiArgSchemas } from '../../shared/api-schemas';
import { errorCodes } from '../../shared/errors';
import type { FolderPurpose } from '../../shared/exchange/folders';
import { walkChain } from '../../electron/core/audit/auditLog';
import { type Database, openEncryptedDatabase } from '../../electron/core/db/database';
import { unwrapSlot } from '../../electron/core/keyring/keyring';
import { readKeyring } from '../../electron/core/keyring/keyringFile';
import { adminPassword, samplePupil, school, tempFolder, testCore } from '../core/fixtures';
import { anyValue, shapedLike } from './hostileArguments';
import { reliabilitySeed } from './killHarness';

/** Calls per method signed in: any values, then values shaped like the method's schema. */
const anyRuns = 8;
const shapedRuns = 20;
/** Calls per method with nobody signed in. */
const anonymousRuns = 3;

let sandbox: string;
let t: ReturnType<typeof testCore>;
let reader: Database;
let dataKey: Buffer;
const chosenPurposes: FolderPurpose[] = [];

beforeAll(async () => {
  sandbox = tempFolder();
  const scratch = join(sandbox, 'scratch');
  mkdirSync(scratch);
  t = testCore(join(sandbox, 'data'), {
    chooseFolder: async (purpose) => {
      chosenPurposes.push(purpose);
      return scratch;
    },
  });
  await t.call('setup', { ...school, adminUserName: 'wangli', adminDisplayName: '王丽', password: adminPassword });
  const classes = await t.call('saveClass', { grade: 1, number: 1, headTeacher: '赵老师', capacity: 45 });
  for (const sequence of [1, 2, 3]) await t.call('registerStudent', classes[0]!.id, samplePupil(sequence));
  await t.call('backupNow', null);
  dataKey = await unwrapSlot(readKeyring(t.paths.keyring), 'account:wangli', adminPassword);
  reader = openEncryptedDatabase(t.paths.database, dataKey);
});

afterAll(() => {
  reader?.close();
  t?.core.close();
  if (sandbox) rmSync(sandbox, { recursive: true, force: true });
});

/** Every row of every table but the access log, as one hash. */
function rowsFingerprint(): string {
  const hash = createHash('sha256');
  const tables = reader
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'audit_log' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    hash.update(table);
    for (const row of reader.prepare(`SELECT * FROM "${table}"`).raw().all()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

/** Signed in as the administrator again, whatever the last call did to the session. */
async function signedInAgain(): Promise<void> {
  const status = await t.call('status');
  if (status.session?.locked) {
    const unlocked = await t.core.call('unlock', [adminPassword]);
    if (unlocked.ok) return;
  } else if (status.session) return;
  if ((await t.call('status')).session) await t.core.call('logout', []);
  const login = await t.core.call('login', [{ userName: 'wangli', password: adminPassword }]);
  if (!login.ok && login.error.code === 'ACCOUNT_LOCKED') {
    t.advance(24 * 60); // random passwords locked the account: wait the lockout out
    await t.call('login', { userName: 'wangli', password: adminPassword });
  } else if (!login.ok) throw new Error(login.error.message);
}

interface Tally {
  calls: number;
  succeeded: number;
  byCode: Record<string, number>;
}

/** One call: the envelope's shape, and no row changed unless it succeeded. */
async function hostileCall(method: ApiMethod, args: unknown, tally: Tally): Promise<void> {
  const before = rowsFingerprint();
  const result = await t.core.call(method, args);
  tally.calls += 1;
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) {
    tally.succeeded += 1;
    return;
  }
  tally.byCode[result.error.code] = (tally.byCode[result.error.code] ?? 0) + 1;
  expect(errorCodes, `${method}: ${result.error.code}`).toContain(result.error.code);
  const internal = () =>
    JSON.stringify({ args: String(args).slice(0, 200), log: t.logger.lines.at(-1) }).slice(0, 1500);
  expect(result.error.code, `${method} failed inside: ${result.error.code === 'INTERNAL' ? internal() : ''}`).not.toBe(
    'INTERNAL',
  );
  expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(rowsFingerprint(), `${method} failed but changed rows`).toBe(before);
}

const schemaOf = (method: ApiMethod) => apiArgSchemas[method] as unknown as Parameters<typeof shapedLike>[0];

it('every method of the contract, fed random and hostile arguments, answers with the envelope and writes nothing partial', async () => {
  const seed = reliabilitySeed('contract fuzz');
  const tally: Tally = { calls: 0, succeeded: 0, byCode: {} };
  for (const [index, method] of apiMethods.entries()) {
    const inputs = [
      ...fc.sample(fc.oneof(anyValue(sandbox), fc.array(anyValue(sandbox), { maxLength: 4 })), {
        numRuns: anyRuns,
        seed: seed + index,
      }),
      ...fc.sample(shapedLike(schemaOf(method), sandbox), { numRuns: shapedRuns, seed: seed + 1000 + index }),
    ];
    for (const args of inputs) {
      await hostileCall(method, args, tally);
      await signedInAgain();
    }
  }

  await t.call('logout');
  for (const [index, method] of apiMethods.entries()) {
    const inputs = fc.sample(shapedLike(schemaOf(method), sandbox), {
      numRuns: anonymousRuns,
      seed: seed + 2000 + index,
    });
    for (const args of inputs) {
      await hostileCall(method, args, tally);
      if (apiAccess[method] !== 'public') expect((await t.call('status')).session).toBeNull();
    }
  }

  // Core still serves, and the data is whole.
  await signedInAgain();
  expect((await t.call('listStudents', { limit: 10, offset: 0 })).total).toBeGreaterThanOrEqual(3);
  expect(reader.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(walkChain(reader).broken).toBeNull();
  expect(chosenPurposes.every((purpose) => ['backup', 'restore', 'export', 'verifyExport'].includes(purpose))).toBe(
    true,
  );
  console.log(
    `[reliability] contract fuzz: ${tally.calls} calls over ${apiMethods.length} methods, ${tally.succeeded} succeeded; failures by code ${JSON.stringify(tally.byCode)}`,
  );
  expect(tally.calls).toBeGreaterThanOrEqual(200);
}, 600_000);
