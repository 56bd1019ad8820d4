/**
 * Whether a backup folder may be restored here, and what a restore would
 * change besides the data. The rule (one installation, one key): the
 * backup must be of this school and this installation, its manifest
 * authentic under the current data key, every file whole, its database
 * open with the current data key and pass `integrity_check`, its access
 * log's chain intact and ending where the manifest says, and its schema
 * not newer than this build. Each problem is one Chinese sentence that
 * says what would make the backup usable.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { walkChain } from '../audit/auditLog';
import { type AccountRow, listAccountRows } from '../auth/accountStore';
import type { Database } from '../db/database';
import { latestVersion } from '../db/migrate';
import { migrations } from '../db/migrations';
import { AppError } from '../errors';
import { readKeyring } from '../keyring/keyringFile';
import {
  type BackupManifest,
  databaseFile,
  fileDigest,
  keyringFile,
  manifestAuthentic,
  readManifest,
} from './backupManifest';
import { openSnapshot, snapshotFacts } from './snapshotDatabase';

/** The installation a backup is checked against: the current session's. */
export interface CurrentInstallation {
  readonly dataKey: Buffer;
  readonly installationId: string;
  readonly school: { readonly name: string; readonly code: string };
  /** The current database's accounts, to say whose password a restore turns back. */
  readonly accounts: readonly AccountRow[];
  /** The account asking. */
  readonly userName: string;
  readonly nativeBinding: string | undefined;
}

export interface Inspection {
  readonly manifest: BackupManifest | null;
  readonly problems: readonly string[];
  readonly notes: readonly string[];
}

/** Problems listed one by one before the rest are counted. */
const listedProblems = 5;

export function inspectBackup(folder: string, current: CurrentInstallation): Inspection {
  const reading = readManifest(folder);
  if (!reading.manifest) return { manifest: null, problems: [reading.problem], notes: [] };
  const manifest = reading.manifest;
  const refused = (problems: readonly string[]): Inspection => ({ manifest, problems, notes: [] });
  const identity = identityProblem(manifest, current);
  if (identity) return refused([identity]);
  const files = fileProblems(folder, manifest);
  if (files.length > 0) return refused(files);
  const keyring = keyringProblem(join(folder, keyringFile), current);
  if (keyring) return refused([keyring]);
  const database = inspectDatabase(join(folder, databaseFile), manifest, current);
  return { manifest, problems: database.problems, notes: database.problems.length ? [] : database.notes };
}

/** Another school, another installation, an edited manifest, a newer program: nothing else is worth checking. */
export function identityProblem(manifest: BackupManifest, current: CurrentInstallation): string | null {
  if (manifest.school.code !== current.school.code) return otherSchool(manifest.school, current.school);
  if (manifest.installationId !== current.installationId) return otherInstallation;
  if (!manifestAuthentic(current.dataKey, manifest)) {
    return '备份说明文件 backup.json 被改动过，无法确认这份备份完整可信，不能用于恢复。请选择另一份备份。';
  }
  const supported = latestVersion(migrations);
  if (manifest.schemaVersion > supported) {
    return `这份备份由更新版本的学籍工作台生成（数据结构版本 ${manifest.schemaVersion}，本程序最高支持 ${supported}）。请先升级本程序，再恢复这份备份。`;
  }
  return null;
}

const otherSchool = (backup: BackupManifest['school'], ours: CurrentInstallation['school']): string =>
  `这是另一所学校的备份（${backup.name}，学校标识码 ${backup.code}），本机是${ours.name}（${ours.code}）。只能恢复本校的备份，请选择本校的备份文件夹。`;

const otherInstallation =
  '这份备份来自另一套学籍工作台安装（另一台电脑，或本机重新初始化之前），本机的密钥打不开它。只能恢复本机学籍工作台所做的备份；如需把数据迁到新电脑，请联系技术支持。';

/** How the clerk knows a file of the backup. */
function fileLabel(path: string): string {
  if (path === databaseFile) return '数据库文件 xuejidesk.db';
  if (path === keyringFile) return '密钥文件 keyring.json';
  const [folder, name = ''] = path.split('/');
  return folder === 'attachments' ? `附件 ${name.slice(0, 8)}` : `字体文件 ${name}`;
}

/** Missing, truncated or changed files, and journals a whole backup never has. */
export function fileProblems(folder: string, manifest: BackupManifest): string[] {
  const problems: string[] = [];
  for (const journal of [`${databaseFile}-journal`, `${databaseFile}-wal`]) {
    if (existsSync(join(folder, journal))) {
      problems.push(`备份文件夹中多出了数据库日志文件 ${journal}：备份被打开修改过，不能用于恢复。请选择另一份备份。`);
    }
  }
  for (const entry of manifest.files) {
    const file = join(folder, ...entry.path.split('/'));
    const label = fileLabel(entry.path);
    const size = statSync(file, { throwIfNoEntry: false })?.size;
    if (size === undefined) {
      problems.push(`备份缺少${label}，不完整，不能用于恢复。`);
    } else if (size !== entry.size) {
      problems.push(`${label} 不完整：应为 ${entry.size} 字节，实际 ${size} 字节（备份可能在复制时被截断）。`);
    } else if (fileDigest(file).sha256 !== entry.sha256) {
      problems.push(`${label} 的内容与备份时不符：文件已损坏或被改动。`);
    }
  }
  if (problems.length <= listedProblems) return problems;
  return [
    ...problems.slice(0, listedProblems),
    `另有 ${problems.length - listedProblems} 个文件有问题。这份备份不能用于恢复，请选择另一份备份。`,
  ];
}

function keyringProblem(file: string, current: CurrentInstallation): string | null {
  try {
    return readKeyring(file).installationId === current.installationId ? null : otherInstallation;
  } catch (error) {
    if (error instanceof AppError)
      return '备份中的密钥文件 keyring.json 已损坏，这份备份不能用于恢复。请选择另一份备份。';
    throw error;
  }
}

const damagedDatabase = (detail: string): string =>
  `备份中的数据库已损坏（${detail}），不能用于恢复。请选择另一份备份。`;

function inspectDatabase(
  file: string,
  manifest: BackupManifest,
  current: CurrentInstallation,
): { problems: string[]; notes: string[] } {
  let db: Database;
  try {
    db = openSnapshot(file, current.dataKey, current.nativeBinding);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { problems: [`备份中的数据库无法用本机的密钥打开：${error.userMessage}`], notes: [] };
  }
  try {
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    const firstFinding = integrity[0]?.integrity_check ?? '';
    if (firstFinding !== 'ok') return { problems: [damagedDatabase(`完整性检查未通过：${firstFinding}`)], notes: [] };
    const facts = snapshotFacts(db);
    if (facts.installationId !== current.installationId) return { problems: [otherInstallation], notes: [] };
    if (facts.school.code !== current.school.code) {
      return { problems: [otherSchool(facts.school, current.school)], notes: [] };
    }
    const walk = walkChain(db);
    if (walk.broken) {
      return { problems: [`备份中的访问日志不完整：${walk.broken.problem}这份备份不能用于恢复。`], notes: [] };
    }
    if (walk.rows !== manifest.audit.rows || walk.head.hash !== manifest.audit.headHash) {
      return {
        problems: ['备份中的访问日志与备份说明记录的不一致（末尾的记录被删除或替换），这份备份不能用于恢复。'],
        notes: [],
      };
    }
    return { problems: [], notes: restoreNotes(manifest, listAccountRows(db), current) };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return { problems: [damagedDatabase(code)], notes: [] };
    throw error;
  } finally {
    db.close();
  }
}

/** What a restore changes besides the data: the keyring comes back with the backup, and with it the passwords. */
function restoreNotes(
  manifest: BackupManifest,
  backupAccounts: readonly AccountRow[],
  current: CurrentInstallation,
): string[] {
  const inBackup = new Map(backupAccounts.map((account) => [account.userName, account]));
  const named = (accounts: readonly AccountRow[]) =>
    accounts.map((account) => `${account.displayName}（${account.userName}）`).join('、');
  const notes: string[] = [];
  const changed = current.accounts.filter((account) => {
    const then = inBackup.get(account.userName);
    return then && then.passwordChangedAt !== account.passwordChangedAt;
  });
  if (changed.length > 0) {
    notes.push(`备份之后修改过密码的账号，恢复后要用备份时的密码登录：${named(changed)}。`);
  }
  const newer = current.accounts.filter((account) => !inBackup.has(account.userName));
  if (newer.length > 0) notes.push(`备份之后才建立的账号，恢复后将不存在：${named(newer)}。`);
  if (!inBackup.has(current.userName)) {
    notes.push(`您当前的账号 ${current.userName} 不在备份中：恢复后请用备份中的管理员账号登录。`);
  }
  const supported = latestVersion(migrations);
  if (manifest.schemaVersion < supported) {
    notes.push(
      `备份由较早版本的学籍工作台生成（数据结构版本 ${manifest.schemaVersion}），恢复时会升级到本程序的版本。`,
    );
  }
  return notes;
}
