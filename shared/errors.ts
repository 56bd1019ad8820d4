/**
 * Errors as values the UI can show (STYLE.md principle 8).
 *
 * Core throws an `AppError` (electron/core/errors.ts) carrying one of these
 * codes, a Chinese message for the clerk and an English detail for the log.
 * Only the code and the Chinese message cross the process boundary.
 */
export const errorCodes = [
  /** The renderer sent arguments that do not match the contract. */
  'INVALID_INPUT',
  /** A method name outside the contract. */
  'UNKNOWN_METHOD',
  /** A method that needs an unlocked session was called without one. */
  'SESSION_REQUIRED',
  /** The session is locked (idle or by hand): the password unlocks it. */
  'SESSION_LOCKED',
  /** The password must be changed before anything else. */
  'PASSWORD_CHANGE_REQUIRED',
  /** The session's role may not do this. */
  'FORBIDDEN',
  /** Unknown user name or wrong password: the same message for both. */
  'WRONG_CREDENTIALS',
  /** Too many failed logins: locked until a time the message names. */
  'ACCOUNT_LOCKED',
  /** The administrator disabled the account. */
  'ACCOUNT_DISABLED',
  /** A new password breaks the password policy; the message lists why. */
  'PASSWORD_POLICY',
  /** A request that is well-formed but not allowed by a rule; the message says which. */
  'RULE_VIOLATION',
  /** A form with invalid fields; `fields` holds the Chinese message of each. */
  'FIELD_ERRORS',
  /** The same 身份证件号 or 学籍号 is already registered (OPS-2 一人一籍). */
  'DUPLICATE',
  /** The account (or other record) asked for does not exist. */
  'NOT_FOUND',
  /** Setup was asked for, but the data folder already holds an installation. */
  'ALREADY_SET_UP',
  /** keyring.json is missing while the database exists. */
  'KEYRING_MISSING',
  /** keyring.json cannot be parsed or fails its structure check. */
  'KEYRING_CORRUPT',
  /** The password or recovery code does not unwrap the key. */
  'WRONG_SECRET',
  /** The database file is missing while keyring.json exists. */
  'DATABASE_MISSING',
  /** The database cannot be decrypted or is damaged. */
  'DATABASE_UNREADABLE',
  /** The database was written by a newer XuejiDesk. */
  'DATABASE_TOO_NEW',
  /** The data folder or a file in it cannot be written. */
  'READ_ONLY',
  /** The disk is full. */
  'DISK_FULL',
  /** Anything unexpected; the detail is in the log. */
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** What a failed call returns to the renderer: never a stack, never a path of the log. */
export interface ApiFailure {
  readonly code: ErrorCode;
  /** Chinese, written for the clerk. */
  readonly message: string;
  /** For FIELD_ERRORS: field name → Chinese message, shown on the field. */
  readonly fields?: Readonly<Record<string, string>>;
}

/** Every contract call resolves to this envelope, so no error is lost in IPC serialisation. */
export type ApiResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiFailure };
