/** Reading and writing `keyring.json`: atomic replace, strict parse, clear messages. */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { AppError, fileSystemError } from '../errors';
import { removeQuietly } from '../files';
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

/**
 * Replaces the keyring atomically: write a temporary file, flush it to disk,
 * rename it over the old one. A crash leaves either the old or the new file.
 */
export function writeKeyring(file: string, keyring: Keyring): void {
  const temporary = `${file}.tmp`;
  try {
    const fd = openSync(temporary, 'w', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(keyring, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    removeQuietly(temporary);
    throw fileSystemError(error, '密钥文件') ?? error;
  }
}
