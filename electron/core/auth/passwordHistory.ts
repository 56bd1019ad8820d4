/**
 * "Not one of the last N passwords" (DESIGN.md §4): salted scrypt hashes of
 * earlier passwords, kept in the encrypted database. Cheaper than the
 * keyring's cost, since the file is already encrypted and N hashes are
 * checked at every change.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Database } from '../db/database';

const scryptAsync = promisify(scrypt) as (
  secret: string,
  salt: Buffer,
  length: number,
  options: object,
) => Promise<Buffer>;
const cost = { N: 2 ** 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export interface HistoryEntry {
  readonly salt: Buffer;
  readonly hash: Buffer;
}

export async function hashForHistory(password: string): Promise<HistoryEntry> {
  const salt = randomBytes(16);
  return { salt, hash: await scryptAsync(password.normalize('NFC'), salt, 32, cost) };
}

export function recentHistory(db: Database, accountId: number, count: number): HistoryEntry[] {
  return db
    .prepare('SELECT salt, hash FROM password_history WHERE account_id = ? ORDER BY id DESC LIMIT ?')
    .all(accountId, count) as HistoryEntry[];
}

export async function isInHistory(password: string, entries: readonly HistoryEntry[]): Promise<boolean> {
  for (const entry of entries) {
    const hash = await scryptAsync(password.normalize('NFC'), entry.salt, 32, cost);
    if (timingSafeEqual(hash, entry.hash)) return true;
  }
  return false;
}

export function addToHistory(db: Database, accountId: number, entry: HistoryEntry, at: string): void {
  db.prepare('INSERT INTO password_history (account_id, changed_at, salt, hash) VALUES (?, ?, ?, ?)').run(
    accountId,
    at,
    entry.salt,
    entry.hash,
  );
}
