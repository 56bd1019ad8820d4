import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultScryptCost,
  newDataKey,
  newKeyring,
  newRecoveryCode,
  normalizeRecoveryCode,
  unwrapAnySlot,
  unwrapSlot,
  withSlot,
} from '../../electron/core/keyring/keyring';
import { readKeyring, writeKeyring } from '../../electron/core/keyring/keyringFile';
import { tempFolder } from './fixtures';

const cost = { N: 2 ** 14, r: 8, p: 1 };
const now = new Date('2026-09-01T00:00:00Z');

async function keyringWithAdmin(password = 'Correct-Horse-7') {
  const dataKey = newDataKey();
  const keyring = await withSlot(newKeyring(), { id: 'account:admin', kind: 'account' }, password, dataKey, {
    cost,
    now,
  });
  return { dataKey, keyring };
}

describe('keyring slots', () => {
  it('unwraps the data key with the slot password', async () => {
    const { dataKey, keyring } = await keyringWithAdmin();
    expect(await unwrapSlot(keyring, 'account:admin', 'Correct-Horse-7')).toEqual(dataKey);
  });

  it('refuses a wrong password and an unknown slot alike', async () => {
    const { keyring } = await keyringWithAdmin();
    await expect(unwrapSlot(keyring, 'account:admin', 'correct-horse-7')).rejects.toMatchObject({
      code: 'WRONG_SECRET',
      userMessage: '密码不正确。',
    });
    await expect(unwrapSlot(keyring, 'account:nobody', 'Correct-Horse-7')).rejects.toMatchObject({
      code: 'WRONG_SECRET',
    });
  });

  it('a slot copied into another installation keyring does not open', async () => {
    const { keyring } = await keyringWithAdmin();
    const other = { ...newKeyring(), slots: keyring.slots };
    await expect(unwrapSlot(other, 'account:admin', 'Correct-Horse-7')).rejects.toMatchObject({ code: 'WRONG_SECRET' });
  });

  it('re-wrapping a slot replaces it: the old password stops working, the key stays', async () => {
    const { dataKey, keyring } = await keyringWithAdmin();
    const changed = await withSlot(keyring, { id: 'account:admin', kind: 'account' }, 'New-Password-8', dataKey, {
      cost,
      now,
    });
    expect(changed.slots).toHaveLength(1);
    expect(await unwrapSlot(changed, 'account:admin', 'New-Password-8')).toEqual(dataKey);
    await expect(unwrapSlot(changed, 'account:admin', 'Correct-Horse-7')).rejects.toMatchObject({
      code: 'WRONG_SECRET',
    });
  });

  it('every slot opens the same data key; any-slot search finds the recovery slot', async () => {
    const { dataKey, keyring } = await keyringWithAdmin();
    const code = newRecoveryCode();
    const both = await withSlot(keyring, { id: 'recovery', kind: 'recovery' }, code, dataKey, { cost, now });
    expect(await unwrapAnySlot(both, code)).toEqual({ slotId: 'recovery', dataKey });
    await expect(unwrapAnySlot(both, 'nothing')).rejects.toMatchObject({ code: 'WRONG_SECRET' });
  });

  it('uses scrypt N = 2^16 by default (DESIGN.md §3: N ≥ 2^15)', () => {
    expect(defaultScryptCost.N).toBeGreaterThanOrEqual(2 ** 15);
  });

  it('a tampered wrapped key fails authentication', async () => {
    const { keyring } = await keyringWithAdmin();
    const slot = keyring.slots[0]!;
    const bytes = Buffer.from(slot.wrappedKey, 'base64');
    bytes[0] = bytes[0]! ^ 1;
    const tampered = { ...keyring, slots: [{ ...slot, wrappedKey: bytes.toString('base64') }] };
    await expect(unwrapSlot(tampered, 'account:admin', 'Correct-Horse-7')).rejects.toMatchObject({
      code: 'WRONG_SECRET',
    });
  });
});

describe('recovery codes', () => {
  it('are six groups of five unambiguous characters', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(newRecoveryCode()).not.toBe(code);
  });

  it('are accepted as typed from paper: lower case, spaces, O for 0, I or L for 1', () => {
    expect(normalizeRecoveryCode('abcde fgh0o 1iL23-45678 9abcd efghj')).toBe('ABCDE-FGH00-11123-45678-9ABCD-EFGHJ');
  });
});

describe('keyring.json', () => {
  it('round-trips through the file, written with owner-only permissions', async () => {
    const { keyring } = await keyringWithAdmin();
    const file = join(tempFolder(), 'keyring.json');
    writeKeyring(file, keyring);
    expect(readKeyring(file)).toEqual(keyring);
    if (process.platform !== 'win32') {
      const { statSync } = await import('node:fs');
      expect(statSync(file).mode & 0o777).toBe(0o600);
    }
  });

  it('a missing file says so in Chinese', () => {
    expect(() => readKeyring(join(tempFolder(), 'keyring.json'))).toThrow(
      expect.objectContaining({ code: 'KEYRING_MISSING', userMessage: expect.stringContaining('找不到密钥文件') }),
    );
  });

  it.each([
    ['not JSON', '{"format": "xuejidesk-keyring",'],
    ['wrong format', '{"format":"other","version":1}'],
    ['absurd scrypt cost', null],
  ])('a hand-edited keyring (%s) is named as damaged', async (_what, text) => {
    const file = join(tempFolder(), 'keyring.json');
    if (text === null) {
      const { keyring } = await keyringWithAdmin();
      writeKeyring(file, keyring);
      const edited = JSON.parse(readFileSync(file, 'utf8'));
      edited.slots[0].kdf.N = 2 ** 30;
      writeFileSync(file, JSON.stringify(edited));
    } else {
      writeFileSync(file, text);
    }
    expect(() => readKeyring(file)).toThrow(
      expect.objectContaining({ code: 'KEYRING_CORRUPT', userMessage: expect.stringContaining('已损坏或被改动') }),
    );
  });
});
