/**
 * `backup.json`, the manifest of a backup folder: who made it, when, of
 * which school and installation, the access log's head, and every file with
 * its size and SHA-256. A MAC keyed by the data key (HKDF, its own label)
 * covers all of it, so a file swapped or a manifest edited by someone
 * without the key is found; the database itself is authenticated page by
 * page by its cipher.
 */
import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { BackupInfo } from '../../../shared/exchange/backups';

export const manifestFile = 'backup.json';
export const databaseFile = 'xuejidesk.db';
export const keyringFile = 'keyring.json';

/** The only paths a manifest may name: no user-chosen name ever becomes a path. */
const filePathPattern = /^(?:xuejidesk\.db|keyring\.json|attachments\/[0-9a-f]{64}|fonts\/fallback\.(?:ttf|otf))$/;
const sha256Pattern = /^[0-9a-f]{64}$/;
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const fileEntrySchema = z.object({
  path: z.string().regex(filePathPattern),
  size: count,
  sha256: z.string().regex(sha256Pattern),
});

const manifestSchema = z.object({
  format: z.literal('xuejidesk-backup'),
  version: z.literal(1),
  trigger: z.enum(['login', 'manual']),
  installationId: z.string().min(1).max(64),
  school: z.object({ name: z.string().min(1).max(100), code: z.string().regex(/^\d{10}$/) }),
  createdAt: z.string().min(1).max(40),
  createdBy: z.string().min(1).max(64),
  appVersion: z.string().min(1).max(40),
  schemaVersion: count,
  audit: z.object({ rows: count, headHash: z.string().regex(sha256Pattern) }),
  counts: z.object({ students: count }),
  files: z
    .array(fileEntrySchema)
    .max(1_000_000)
    .refine((files) => new Set(files.map((file) => file.path)).size === files.length, 'paths must be unique')
    .refine(
      (files) => [databaseFile, keyringFile].every((path) => files.some((file) => file.path === path)),
      'database and keyring must be listed',
    ),
  mac: z.string().regex(sha256Pattern),
});

export type BackupManifest = Readonly<z.infer<typeof manifestSchema>>;
export type ManifestBody = Omit<BackupManifest, 'mac'>;
export type FileEntry = BackupManifest['files'][number];

/** JSON with object keys sorted at every level: the bytes the MAC covers do not depend on key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function manifestMac(dataKey: Buffer, body: ManifestBody): Buffer {
  const key = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'xuejidesk backup manifest v1', 32));
  return createHmac('sha256', key).update(canonicalJson(body)).digest();
}

export function signManifest(dataKey: Buffer, body: ManifestBody): BackupManifest {
  return { ...body, mac: manifestMac(dataKey, body).toString('hex') };
}

/** Whether the manifest was written by a holder of this data key and not changed since. */
export function manifestAuthentic(dataKey: Buffer, manifest: BackupManifest): boolean {
  const { mac, ...body } = manifest;
  return timingSafeEqual(Buffer.from(mac, 'hex'), manifestMac(dataKey, body));
}

/** Size and SHA-256 of a file, read in chunks: a database of hundreds of megabytes is never held whole. */
export function fileDigest(file: string): { size: number; sha256: string } {
  const hash = createHash('sha256');
  const chunk = Buffer.alloc(1024 * 1024);
  const fd = openSync(file, 'r');
  let size = 0;
  try {
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      hash.update(chunk.subarray(0, read));
      size += read;
    }
  } finally {
    closeSync(fd);
  }
  return { size, sha256: hash.digest('hex') };
}

/** The manifest of a backup folder, or why there is none to read (Chinese). */
export type ManifestReading =
  { readonly manifest: BackupManifest; readonly problem: null } | { readonly manifest: null; readonly problem: string };

const manifestMaxBytes = 256 * 1024 * 1024;

export function readManifest(folder: string): ManifestReading {
  const file = join(folder, manifestFile);
  if (!existsSync(file)) {
    const problem = basename(folder).endsWith('.partial')
      ? '这是一个没有完成的备份（文件夹名以 .partial 结尾，备份中途被打断），不能用于恢复。请选择完整的备份文件夹。'
      : '所选文件夹不是学籍工作台的备份：其中没有备份说明文件 backup.json。请选择名为“学籍备份_学校标识码_日期-时间”的文件夹。';
    return { manifest: null, problem };
  }
  try {
    if (statSync(file).size > manifestMaxBytes) throw new Error('manifest too large');
    const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return { manifest: parsed.data, problem: null };
  } catch {
    // unreadable or not JSON: the same answer as a structure that does not fit
  }
  return {
    manifest: null,
    problem: '备份说明文件 backup.json 已损坏或被改动，无法读取，这份备份不能使用。请选择另一份备份。',
  };
}

/** What the screens show of a backup, from its manifest. */
export function backupInfo(folder: string, manifest: BackupManifest): BackupInfo {
  return {
    name: basename(folder),
    folder,
    trigger: manifest.trigger,
    createdAt: manifest.createdAt,
    createdBy: manifest.createdBy,
    schoolName: manifest.school.name,
    schoolCode: manifest.school.code,
    appVersion: manifest.appVersion,
    schemaVersion: manifest.schemaVersion,
    students: manifest.counts.students,
    auditRows: manifest.audit.rows,
    sizeBytes: manifest.files.reduce((sum, file) => sum + file.size, 0),
  };
}
