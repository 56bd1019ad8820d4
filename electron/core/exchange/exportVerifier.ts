/**
 * The verifier of an export for bureau review (校验审查材料): reads
 * `manifest.json`, hashes every file it lists again and reports each as
 * unchanged, changed or missing, and any other file in the folder as extra.
 * It needs no login and no database: the app and `npm run cli --
 * verify-export DIR` run the same code, and so can a bureau's own copy.
 */
import { createHash } from 'node:crypto';
import { createReadStream, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  type ExportedFileEntry,
  type ExportFileCheck,
  type ExportVerification,
  manifestFileName,
  type ReviewManifest,
} from '../../../shared/exchange/reviewExport';
import { AppError } from '../errors';

/** SHA-256 and size of a file, read as a stream (class photo zips are large). */
export async function hashFile(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** Every file below `folder` (symbolic links count as files, never followed), as `a/b.zip`. */
export function folderFiles(folder: string, prefix = ''): string[] {
  return readdirSync(join(folder, prefix), { withFileTypes: true }).flatMap((entry) => {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? folderFiles(folder, name) : [name];
  });
}

/**
 * A name the manifest may list: relative, `/` between parts, no `.` or `..`
 * part, no drive or backslash, so that no manifest reaches outside its folder.
 */
const safeName = (name: string): boolean =>
  name.length > 0 &&
  !name.includes('\\') &&
  !name.includes(':') &&
  name.split('/').every((part) => part !== '' && part !== '.' && part !== '..');

const sha256Text = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().min(0);

/** Typed as the manifest itself: a field added to one and not the other fails to compile. */
const manifestSchema: z.ZodType<ReviewManifest> = z.object({
  format: z.literal('xuejidesk-review-export'),
  version: z.literal(1),
  exportId: z.string(),
  school: z.object({ name: z.string(), code: z.string() }),
  operator: z.object({ userName: z.string(), displayName: z.string() }),
  createdAt: z.string(),
  counts: z.object({
    students: count,
    movements: count,
    changeRequests: count,
    graduates: count,
    openCases: count,
    overdue: count,
    photos: count,
    photoClasses: count,
  }),
  includesPhotos: z.boolean(),
  auditHead: z.object({ seq: count, hash: sha256Text }),
  files: z.array(
    z.object({
      name: z.string().refine(safeName),
      bytes: count,
      sha256: sha256Text,
    }),
  ),
});

type ManifestReading =
  | { readonly state: 'valid'; readonly manifest: ReviewManifest; readonly sha256: string }
  | { readonly state: 'missing' }
  | { readonly state: 'unreadable'; readonly problem: string; readonly sha256: string };

function readManifest(folder: string): ManifestReading {
  let text: Buffer;
  try {
    text = readFileSync(join(folder, manifestFileName));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw error;
  }
  const sha256 = createHash('sha256').update(text).digest('hex');
  let json: unknown;
  try {
    json = JSON.parse(text.toString('utf8'));
  } catch {
    return { state: 'unreadable', sha256, problem: `${manifestFileName} 不是有效的 JSON 文件，可能已被改动或损坏。` };
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    return {
      state: 'unreadable',
      sha256,
      problem: `${manifestFileName} 不是学籍工作台生成的审查材料清单，或其内容已被改动。`,
    };
  }
  const names = parsed.data.files.map((file) => file.name);
  if (new Set(names).size !== names.length || names.includes(manifestFileName)) {
    return { state: 'unreadable', sha256, problem: `${manifestFileName} 中的文件列表有重复项，内容已被改动。` };
  }
  return { state: 'valid', manifest: parsed.data, sha256 };
}

/** Size and SHA-256 of a plain file; null for anything else (a link is never followed out of the folder). */
async function onDisk(folder: string, name: string): Promise<ExportFileCheck['actual']> {
  const path = join(folder, ...name.split('/'));
  return lstatSync(path).isFile() ? hashFile(path) : null;
}

async function checkListed(
  folder: string,
  entry: ExportedFileEntry,
  present: ReadonlySet<string>,
): Promise<ExportFileCheck> {
  const expected = { bytes: entry.bytes, sha256: entry.sha256 };
  if (!present.has(entry.name)) return { name: entry.name, state: 'missing', expected, actual: null };
  const actual = await onDisk(folder, entry.name);
  const same = actual !== null && actual.sha256 === entry.sha256 && actual.bytes === entry.bytes;
  return { name: entry.name, state: same ? 'unchanged' : 'changed', expected, actual };
}

/** A file of the folder that cannot be read (no permission, a stick pulled out while checking). */
function unreadableFolder(error: unknown): AppError {
  return new AppError(
    'RULE_VIOLATION',
    '无法读取所选文件夹中的文件：没有读取权限，或 U 盘在校验时被拔出。请检查后重新校验。',
    `verify export: ${String((error as Error).message)}`,
    { cause: error },
  );
}

/** Checks an export folder against its manifest; the folder must exist (see `chosenFolder`). */
export async function verifyExportFolder(folder: string): Promise<ExportVerification> {
  try {
    const present = folderFiles(folder).filter((name) => name !== manifestFileName);
    const reading = readManifest(folder);
    const manifest = reading.state === 'valid' ? reading.manifest : null;
    const listed = manifest?.files ?? [];
    const presentSet = new Set(present);
    const checks: ExportFileCheck[] = [];
    for (const entry of listed) checks.push(await checkListed(folder, entry, presentSet));
    const listedNames = new Set(listed.map((entry) => entry.name));
    for (const name of present.filter((file) => !listedNames.has(file)).sort()) {
      checks.push({ name, state: 'extra', expected: null, actual: await onDisk(folder, name) });
    }
    return {
      folder,
      ok: manifest !== null && checks.every((check) => check.state === 'unchanged'),
      manifestState: reading.state,
      manifestProblem:
        reading.state === 'missing'
          ? `文件夹中没有 ${manifestFileName}：这不是学籍工作台导出的审查材料文件夹，或清单已被删除。`
          : reading.state === 'unreadable'
            ? reading.problem
            : null,
      manifest,
      manifestSha256: reading.state === 'missing' ? null : reading.sha256,
      files: checks,
    };
  } catch (error) {
    throw error instanceof AppError ? error : unreadableFolder(error);
  }
}
