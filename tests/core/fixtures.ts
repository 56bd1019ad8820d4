/** Shared set-up for core tests: temp data folders, disk snapshots, throw-away file systems. */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { ApiArgs, ApiMethod, ApiValue } from '../../shared/api';
import { residentIdCheckChar } from '../../shared/register/identity';
import type { StudentBasics } from '../../shared/register/studentValidation';
import { type CoreOptions, createCore } from '../../electron/core/app';
import { createMemoryLogger } from '../../electron/core/log';
import { dataPaths, type StorageOptions } from '../../electron/core/storage';

/** The lowest scrypt cost the keyring accepts: keeps tests quick, same code path. */
export const testStorageOptions = (): StorageOptions => ({
  now: new Date('2026-09-01T08:00:00+08:00'),
  appVersion: '0.0.0-test',
  scryptCost: { N: 2 ** 14, r: 8, p: 1 },
});

export function tempFolder(): string {
  return mkdtempSync(join(tmpdir(), 'xuejidesk-test-'));
}

/** Every file below `folder` with its SHA-256: compare before and after to prove nothing changed. */
export function snapshot(folder: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else result[relative(folder, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(folder);
  return result;
}

/** Whether this process may mount file systems (root on Linux, as in CI). */
export const canMount = ((): boolean => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = tempFolder();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

/** A small tmpfs of `size` (e.g. '2m'): a real disk that can be filled or made read-only. */
export function mountTmpfs(size: string): { folder: string; readOnly(): void; unmount(): void } {
  const folder = tempFolder();
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', folder]);
  return {
    folder,
    readOnly: () => execFileSync('mount', ['-o', 'remount,ro', folder]),
    unmount: () => {
      execFileSync('umount', [folder]);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A core on a temp folder with a clock the test moves, and a `call` that throws the Chinese failure. */
export function testCore(dataFolder = join(tempFolder(), 'data'), options: Partial<CoreOptions> = {}) {
  let clock = new Date('2026-09-01T08:00:00+08:00');
  const logger = createMemoryLogger();
  const core = createCore({
    ...options,
    dataFolder,
    appVersion: '0.0.0-test',
    electron: null,
    chrome: null,
    logger,
    now: () => new Date(clock),
    scryptCost: testStorageOptions().scryptCost,
  });
  async function call<M extends ApiMethod>(method: M, ...args: ApiArgs<M>): Promise<ApiValue<M>> {
    const result = await core.call(method, args);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value as ApiValue<M>;
  }
  return {
    core,
    call,
    logger,
    paths: dataPaths(dataFolder),
    advance: (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000)),
    setClock: (date: Date) => (clock = date),
  };
}

export const school = { schoolName: '阳泉市第一中学', schoolCode: '1114000001' };
export const adminPassword = 'Qingshan-Lake-42';

/** A core that has been set up, with the administrator logged in. */
export async function setUpCore() {
  const t = testCore();
  const result = await t.call('setup', {
    ...school,
    adminUserName: 'wangli',
    adminDisplayName: '王丽',
    password: adminPassword,
  });
  return { ...t, recoveryCode: result.recoveryCode };
}

/** A first-grade pupil of Yangquan 城区 with a valid ID number; `sequence` (1-499) makes each one distinct. */
export function samplePupil(sequence = 6, changes: Partial<StudentBasics> = {}): StudentBasics {
  const first17 = `14030220190301${String(100 + sequence * 2).padStart(3, '0')}`; // even sequence: a girl
  const idNumber = `${first17}${residentIdCheckChar(first17)}`;
  return {
    name: '李小红',
    sex: '2',
    birthDate: '2019-03-01',
    birthPlace: '140302',
    nativePlace: '140321',
    ethnicity: '01',
    nationality: 'CHN',
    idType: '1',
    idNumber,
    overseasStatus: '00',
    healthStatus: '10',
    householdLocation: '140302',
    householdType: '2',
    enrollmentMonth: '202609',
    enrollmentMethod: '11',
    boardingType: '1',
    currentAddress: '山西省阳泉市城区桃北西街 1 号',
    mailingAddress: '山西省阳泉市城区桃北西街 1 号',
    homeAddress: '山西省阳泉市城区桃北西街 1 号',
    phone: '13812345678',
    postalCode: '045000',
    familyMembers: [{ name: '王丽', relationship: '52', phone: '13812345678', isGuardian: '1' }],
    onlyChild: '1',
    preschool: '1',
    ...changes,
  };
}
