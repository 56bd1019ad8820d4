/**
 * The key-slot keyring (DESIGN.md §3), like LUKS key slots.
 *
 * One random 256-bit data key encrypts the database. `keyring.json` beside
 * it holds that key wrapped (AES-256-GCM) once per slot: one per account,
 * under a key derived from the account's password with scrypt, and one for
 * the recovery code shown once at setup. Changing a password re-wraps the
 * data key; the database is never re-encrypted for it.
 */
import { createCipheriv, createDecipheriv, randomBytes, randomUUID, scrypt } from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';
import { defaultPasswordPolicy } from '../../../shared/passwordPolicy';
import { AppError } from '../errors';

export const dataKeyLength = 32;

/** scrypt cost; N = 2^16 (64 MiB, ≈0.2 s here), above DESIGN.md's floor of 2^15. */
export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}
export const defaultScryptCost: ScryptCost = { N: 2 ** 16, r: 8, p: 1 };

export type SlotKind = 'account' | 'recovery';

const base64 = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .refine((text) => Buffer.from(text, 'base64').length === bytes, `must hold ${bytes} bytes`);

const slotSchema = z.object({
  id: z.string().min(1).max(200),
  kind: z.enum(['account', 'recovery']),
  kdf: z.object({
    name: z.literal('scrypt'),
    // Bounds stop a hand-edited keyring from asking for absurd memory or time.
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(2 ** 20),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: base64(16),
  }),
  cipher: z.object({ name: z.literal('aes-256-gcm'), iv: base64(12), tag: base64(16) }),
  wrappedKey: base64(dataKeyLength),
  createdAt: z.string().min(1).max(64),
});

const failureReasons = ['wrong-password', 'unknown-user', 'locked', 'disabled'] as const;
export type FailureReason = (typeof failureReasons)[number];

/** A failed login kept here because the database cannot be opened without a password; moved into the access log at the next login. */
const pendingFailureSchema = z.object({
  at: z.string().max(40),
  userName: z.string().max(64),
  reason: z.enum(failureReasons),
  during: z.enum(['login', 'unlock', 'password-change']),
  /** Set when this failure locked the account. */
  lockedUntil: z.string().max(40).nullable(),
});

export const keyringSchema = z.object({
  format: z.literal('xuejidesk-keyring'),
  version: z.literal(1),
  installationId: z.uuid(),
  slots: z.array(slotSchema).max(1000),
  /** Per user name: consecutive failures and the lockout they caused. */
  loginFailures: z.record(
    z.string().max(64),
    z.object({ consecutive: z.number().int().min(0).max(1_000_000), lockedUntil: z.string().max(40).nullable() }),
  ),
  pendingFailures: z.array(pendingFailureSchema).max(1000),
  /** The lockout part of the password policy, mirrored here: it applies before the database is open. */
  lockout: z.object({ maxFailures: z.number().int().min(3).max(10), lockoutMinutes: z.number().int().min(5).max(60) }),
});

export type PendingFailure = Readonly<z.infer<typeof pendingFailureSchema>>;

export type KeySlot = Readonly<z.infer<typeof slotSchema>>;
export type Keyring = Readonly<
  Omit<z.infer<typeof keyringSchema>, 'slots' | 'pendingFailures'> & {
    slots: readonly KeySlot[];
    pendingFailures: readonly PendingFailure[];
  }
>;

export function newDataKey(): Buffer {
  return randomBytes(dataKeyLength);
}

export function newKeyring(
  lockout: Keyring['lockout'] = {
    maxFailures: defaultPasswordPolicy.maxFailures,
    lockoutMinutes: defaultPasswordPolicy.lockoutMinutes,
  },
): Keyring {
  return {
    format: 'xuejidesk-keyring',
    version: 1,
    installationId: randomUUID(),
    slots: [],
    loginFailures: {},
    pendingFailures: [],
    lockout,
  };
}

const scryptAsync = promisify(scrypt) as (
  secret: Buffer,
  salt: Buffer,
  length: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

async function deriveWrappingKey(secret: string, kdf: KeySlot['kdf']): Promise<Buffer> {
  const maxmem = 128 * kdf.N * kdf.r * 2;
  return scryptAsync(Buffer.from(secret.normalize('NFC'), 'utf8'), Buffer.from(kdf.salt, 'base64'), 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem,
  });
}

/** Binds a wrapped key to its keyring and slot, so a slot copied elsewhere does not open. */
function associatedData(keyring: Keyring, slotId: string): Buffer {
  return Buffer.from(`xuejidesk-keyring/v1/${keyring.installationId}/${slotId}`, 'utf8');
}

/** Returns a keyring with the slot `id` holding `dataKey` under `secret`; an existing slot of that id is replaced. */
export async function withSlot(
  keyring: Keyring,
  slot: { readonly id: string; readonly kind: SlotKind },
  secret: string,
  dataKey: Buffer,
  options: { cost?: ScryptCost; now: Date },
): Promise<Keyring> {
  const cost = options.cost ?? defaultScryptCost;
  const kdf = { name: 'scrypt' as const, ...cost, salt: randomBytes(16).toString('base64') };
  const wrappingKey = await deriveWrappingKey(secret, kdf);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
  cipher.setAAD(associatedData(keyring, slot.id));
  const wrappedKey = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  const newSlot: KeySlot = {
    id: slot.id,
    kind: slot.kind,
    kdf,
    cipher: { name: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
    wrappedKey: wrappedKey.toString('base64'),
    createdAt: options.now.toISOString(),
  };
  return { ...keyring, slots: [...keyring.slots.filter((s) => s.id !== slot.id), newSlot] };
}

const wrongSecret = (detail: string) => new AppError('WRONG_SECRET', '密码不正确。', detail);

/** Unwraps the data key from slot `slotId`; a wrong secret and an unknown slot fail alike. */
export async function unwrapSlot(keyring: Keyring, slotId: string, secret: string): Promise<Buffer> {
  const slot = keyring.slots.find((s) => s.id === slotId);
  if (!slot) {
    throw wrongSecret(`no key slot "${slotId}"`);
  }
  const wrappingKey = await deriveWrappingKey(secret, slot.kdf);
  const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(slot.cipher.iv, 'base64'));
  decipher.setAAD(associatedData(keyring, slot.id));
  decipher.setAuthTag(Buffer.from(slot.cipher.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(slot.wrappedKey, 'base64')), decipher.final()]);
  } catch (error) {
    throw wrongSecret(`key slot "${slotId}" did not authenticate: ${(error as Error).message}`);
  }
}

/** Tries every slot (support CLI: whoever's password or the recovery code). */
export async function unwrapAnySlot(keyring: Keyring, secret: string): Promise<{ slotId: string; dataKey: Buffer }> {
  for (const slot of keyring.slots) {
    try {
      return { slotId: slot.id, dataKey: await unwrapSlot(keyring, slot.id, secret) };
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'WRONG_SECRET')) throw error;
    }
  }
  throw wrongSecret('no key slot accepted the secret');
}

// Crockford base32: no I, L, O, U, so nothing is misread on paper.
const recoveryAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A recovery code of 30 characters (150 bits) in six groups of five, e.g. `7K2QX-…`. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(30);
  const chars = [...bytes].map((b) => recoveryAlphabet[b % 32]);
  return [0, 5, 10, 15, 20, 25].map((i) => chars.slice(i, i + 5).join('')).join('-');
}

/** Accepts a recovery code as typed from paper: any case, spaces or dashes, O for 0, I or L for 1. */
export function normalizeRecoveryCode(typed: string): string {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return plain.length === 30 ? plain.match(/.{5}/g)!.join('-') : plain;
}
