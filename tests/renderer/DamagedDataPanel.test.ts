/** 数据损坏时的恢复 on the login screen: the damaged file named, the newest whole automatic backup offered and restored. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataDamage } from '../../shared/damagedData';
import { morningBackup } from './backupFixtures';
import { failure, removeFakeApi } from './fakeApi';
import { bodyText, button, type MountedApp, mountApp } from './mountApp';

let app: MountedApp | undefined;

beforeEach(() => {
  document.body.innerHTML = '';
});

afterEach(() => {
  app?.unmount();
  app = undefined;
  removeFakeApi();
});

const keyringDamage: DataDamage = {
  file: 'keyring.json',
  message:
    '密钥文件 keyring.json 已损坏，学籍工作台无法打开本校数据，任何账号都不能登录。可以用数据文件夹中最近一份完好的自动备份（2026年9月2日 08:05，612 名学生）恢复。',
  backup: morningBackup,
};

async function type(selector: string, text: string): Promise<void> {
  await app!.wrapper.find<HTMLInputElement>(selector).setValue(text);
}

describe('the login screen with a damaged data file', () => {
  it('names the damaged file, shows the backup, and restores it with an administrator password', async () => {
    let damage: DataDamage | null = keyringDamage;
    app = await mountApp('/login', {
      checkDataFiles: () => damage,
      restoreAtStart: () => {
        damage = null;
        return undefined;
      },
    });
    expect(bodyText()).toContain('数据文件损坏，暂时无法登录');
    expect(bodyText()).toContain('密钥文件 keyring.json 已损坏');
    expect(bodyText()).toContain('612 名');
    expect(bodyText()).toContain(morningBackup.name);
    expect(document.querySelector('#login-user')).toBeNull();

    await type('#restore-user', ' wangli ');
    await type('#restore-secret', 'Qingshan-Lake-42');
    button('从这份备份恢复').click();
    await app.settle();
    expect(app.fake.args.restoreAtStart).toEqual([
      [{ backupName: morningBackup.name, userName: 'wangli', secret: 'Qingshan-Lake-42' }],
    ]);
    // The login form is back, for the passwords of the backup's time.
    expect(bodyText()).toContain('已从备份恢复');
    expect(document.querySelector('#login-user')).not.toBeNull();
  });

  it('shows a refused restore with core’s message and keeps the offer; the recovery code needs no user name', async () => {
    app = await mountApp('/login', {
      checkDataFiles: keyringDamage,
      restoreAtStart: failure(
        'WRONG_SECRET',
        '恢复码不正确。请对照恢复码保管单重新输入（不区分大小写，可省略短横线）。',
      ),
    });
    const recoveryOption = [...document.querySelectorAll('label')].find((label) =>
      label.textContent?.includes('恢复码'),
    );
    recoveryOption!.click();
    await app.settle();
    expect(document.querySelector('#restore-user')).toBeNull();
    await type('#restore-secret', 'abcde-fghjk');
    button('从这份备份恢复').click();
    await app.settle();
    expect(app.fake.args.restoreAtStart).toEqual([
      [{ backupName: morningBackup.name, userName: null, secret: 'abcde-fghjk' }],
    ]);
    expect(bodyText()).toContain('恢复码不正确');
    expect(bodyText()).toContain('数据文件损坏，暂时无法登录');
  });

  it('without a whole backup, says so and offers nothing to restore', async () => {
    app = await mountApp('/login', {
      checkDataFiles: {
        ...keyringDamage,
        message: '密钥文件 keyring.json 已损坏。数据文件夹中没有完好的自动备份。',
        backup: null,
      },
    });
    expect(bodyText()).toContain('没有完好的自动备份');
    expect(() => button('从这份备份恢复')).toThrow();
  });

  it('asks core again when a login fails on a damaged file, and then shows the offer', async () => {
    let damage: DataDamage | null = null;
    app = await mountApp('/login', {
      checkDataFiles: () => damage,
      login: () => {
        damage = { ...keyringDamage, file: 'xuejidesk.db', message: '数据库文件 xuejidesk.db 已损坏。' };
        return failure('DATABASE_UNREADABLE', '数据库无法解密或已损坏。');
      },
    });
    expect(document.querySelector('#login-user')).not.toBeNull();
    await type('#login-user', 'wangli');
    await type('#login-password', 'Qingshan-Lake-42');
    button('登录').click();
    await app.settle();
    expect(app.fake.calls.checkDataFiles).toBe(2);
    expect(bodyText()).toContain('数据库文件 xuejidesk.db 已损坏');
    expect(document.querySelector('#login-user')).toBeNull();
  });
});
