/**
 * Encrypted attachments (DESIGN.md §3): student photos now, evidence scans
 * with change requests. A file is stored as `attachments/<sha256>`, named by
 * the SHA-256 of its plaintext, never by anything the user typed; the
 * `attachment` table keeps its type, size and hash.
 *
 * File format, version 1:
 *
 *   offset 0   4 bytes   magic "XJAT"
 *   offset 4   1 byte    format version, 0x01
 *   offset 5   12 bytes  random nonce
 *   offset 17  n bytes   ciphertext (AES-256-GCM)
 *   end - 16   16 bytes  GCM tag
 *
 * The key is HKDF-SHA256(data key, no salt, info "xuejidesk attachments v1"),
 * so it never equals the database key. The associated data is the 5 header
 * bytes followed by the 64-character hex name: a file renamed to another
 * attachment's name, or copied from another installation, does not open.
 *
 * The file is written (atomically) before the row; if the caller's
 * transaction then rolls back, an unreferenced file stays behind. It holds
 * nothing readable without the key and is harmless.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isoWithOffset } from '../../../shared/time';
import type { Sessions } from '../auth/session';
import { AppError, fileSystemError } from '../errors';
import { writeFileAtomically } from '../files';

const header = Buffer.from([...Buffer.from('XJAT', 'ascii'), 0x01]);
const nonceLength = 12;
const tagLength = 16;
const namePattern = /^[0-9a-f]{64}$/;

export interface AttachmentStore {
  /** Stores the bytes (encrypted) and their row; returns the SHA-256 of the plaintext. Storing the same bytes again is harmless. */
  put(bytes: Uint8Array, mediaType: string): string;
  /** The plaintext, checked against its tag and its name; a damaged or missing file is refused in Chinese. */
  get(sha256: string): Buffer;
}

export interface AttachmentStoreContext {
  readonly sessions: Pick<Sessions, 'require'>;
  readonly now: () => Date;
  /** The `attachments` folder of the data folder. */
  readonly folder: string;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function attachmentKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'xuejidesk attachments v1', 32));
}

const associatedData = (sha256: string): Buffer => Buffer.concat([header, Buffer.from(sha256, 'ascii')]);

function encrypt(key: Buffer, sha256: string, plaintext: Uint8Array): Buffer {
  const nonce = randomBytes(nonceLength);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(associatedData(sha256));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([header, nonce, ciphertext, cipher.getAuthTag()]);
}

function damaged(sha256: string, detail: string, cause?: unknown): AppError {
  return new AppError(
    'DATABASE_UNREADABLE',
    `附件已损坏或丢失（编号 ${sha256.slice(0, 8)}），无法读取。请从备份恢复数据文件夹中的 attachments 文件夹，或重新上传该文件。`,
    `attachment ${sha256}: ${detail}`,
    { cause },
  );
}

/** The plaintext of a stored file, or null when it is not a version-1 file that this key opens. */
function decrypt(key: Buffer, sha256: string, stored: Buffer): Buffer | null {
  if (stored.length < header.length + nonceLength + tagLength) return null;
  if (!stored.subarray(0, header.length).equals(header)) return null;
  const nonce = stored.subarray(header.length, header.length + nonceLength);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(associatedData(sha256));
  decipher.setAuthTag(stored.subarray(stored.length - tagLength));
  try {
    return Buffer.concat([
      decipher.update(stored.subarray(header.length + nonceLength, stored.length - tagLength)),
      decipher.final(),
    ]);
  } catch {
    return null; // the tag does not match: damaged, or another key
  }
}

export function createAttachmentStore({ sessions, now, folder }: AttachmentStoreContext): AttachmentStore {
  function put(bytes: Uint8Array, mediaType: string): string {
    const { storage, actor } = sessions.require();
    const sha256 = sha256Hex(bytes);
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw fileSystemError(error, '附件文件夹') ?? error;
    }
    // Always rewritten: storing the same bytes again repairs a damaged copy.
    writeFileAtomically(join(folder, sha256), encrypt(attachmentKey(storage.dataKey), sha256, bytes), '附件');
    storage.db
      .prepare(
        `INSERT INTO attachment (sha256, media_type, size, created_at, created_by) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (sha256) DO NOTHING`,
      )
      .run(sha256, mediaType, bytes.length, isoWithOffset(now()), actor.userName);
    return sha256;
  }

  function get(sha256: string): Buffer {
    if (!namePattern.test(sha256)) throw damaged(sha256, 'not a SHA-256 name');
    const { storage } = sessions.require();
    let stored: Buffer;
    try {
      stored = readFileSync(join(folder, sha256));
    } catch (error) {
      throw damaged(sha256, `cannot read: ${String((error as Error).message)}`, error);
    }
    const plaintext = decrypt(attachmentKey(storage.dataKey), sha256, stored);
    if (!plaintext) throw damaged(sha256, 'bad header or authentication tag');
    if (sha256Hex(plaintext) !== sha256) throw damaged(sha256, 'content does not match its name');
    return plaintext;
  }

  return { put, get };
}
