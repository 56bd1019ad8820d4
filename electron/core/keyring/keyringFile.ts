/** Reading and writing `keyring.json`: atomic replace, strict parse, clear messages. */
import { readFileSync } from 'node:fs';
import { AppError, fileSystemError } from '../errors';
import { writeFileAtomically } from '../files';
import { type Keyring, keyringSchema } from './keyring';

const supportHint = '请从最近的备份恢复 keyring.json，或使用恢复码联系技术支持。';

export function readKeyring(file: string): Keyring {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError(
        'KEYRING_MISSING',
        `找不到密钥文件 keyring.json，无法解密数据库。${supportHint}`,
        `keyring missing: ${file}`,
      );
    }
    throw fileSystemError(error, '密钥文件') ?? error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw corrupt(file, `not JSON: ${(error as Error).message}`);
  }
  const result = keyringSchema.safeParse(parsed);
  if (!result.success) {
    throw corrupt(file, `structure: ${result.error.message}`);
  }
  return result.data;
}

function corrupt(file: string, detail: string): AppError {
  return new AppError(
    'KEYRING_CORRUPT',
    `密钥文件 keyring.json 已损坏或被改动，无法读取。${supportHint}`,
    `keyring ${file} ${detail}`,
  );
}

/** Replaces the keyring atomically (temp file, fsync, rename). */
export function writeKeyring(file: string, keyring: Keyring): void {
  writeFileAtomically(file, `${JSON.stringify(keyring, null, 2)}\n`, '密钥文件');
}
