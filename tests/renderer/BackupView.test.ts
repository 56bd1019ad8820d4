/**
 * 备份与恢复: the automatic backups, a backup now (into the data folder or a
 * chosen folder), and the administrator's restore: choose, see the check,
 * confirm, back to the login page.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppStatus } from '../../shared/system';
import { backupOverview, goodCheck, truncatedCheck, usbBackup, yesterdayBackup } from './backupFixtures';
import { failure, removeFakeApi } from './fakeApi';
import { adminSession, clerkSession, signedIn, signedOut } from './fixtures';
import { bodyText, button, type MountedApp, mountApp } from './mountApp';

let app: MountedApp | undefined;

beforeEach(() => {
  document.body.innerHTML = '';
});

afterEach(() => {
  app?.unmount();
  app = undefined;
  removeFakeApi();
  vi.restoreAllMocks();
});

const cells = (row: number): string[] =>
  [...document.querySelectorAll('.backup-table .el-table__body tr')[row]!.querySelectorAll('td')].map(
    (td) => td.textContent?.trim() ?? '',
  );
const dialog = (): HTMLElement => document.querySelector<HTMLElement>('.backup-check-dialog')!;
const dialogText = (): string => dialog().textContent!.replace(/\s+/g, ' ');
const buttonIn = (root: Element, text: string): HTMLButtonElement =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text)!;

/** Clicks and lets the calls, the dialogs and their transitions finish. */
async function click(target: HTMLButtonElement): Promise<void> {
  target.click();
  await new Promise((done) => setTimeout(done, 50));
  await app!.settle();
}

describe('the automatic backups', () => {
  it('are listed newest first with time, way, who, students and size, and where they are kept', async () => {
    app = await mountApp('/backups', { status: signedIn(adminSession) });
    expect(document.querySelector('h1')?.textContent).toBe('备份与恢复');
    expect(cells(0)).toEqual(['2026-09-02 08:05:00', '每日自动', 'wanglaoshi', '612', '3.0 MB', '恢复…']);
    expect(cells(1)).toEqual(['2026-09-01 16:30:00', '手动', 'lilaoshi', '610', '2.9 MB', '恢复…']);
    expect(bodyText()).toContain(`保存位置：${backupOverview.folder}`);
    expect(bodyText()).toContain('保留最近 30 份');
  });

  it('say so when there are none yet', async () => {
    app = await mountApp('/backups', {
      status: signedIn(adminSession),
      listBackups: { ...backupOverview, backups: [] },
    });
    expect(bodyText()).toContain('还没有自动备份');
  });
});

describe('a backup now', () => {
  it('立即备份 writes into the data folder and reads the list again', async () => {
    app = await mountApp('/backups', { status: signedIn(clerkSession) });
    await click(button('立即备份'));
    expect(app.fake.args.backupNow).toEqual([[null]]);
    expect(app.fake.calls['listBackups']).toBe(2);
    expect(bodyText()).toContain('已备份（学生 612 人，3.0 MB），保存在 数据文件夹。');
  });

  it('备份到… asks for a folder in the system dialog and writes there', async () => {
    app = await mountApp('/backups', { status: signedIn(clerkSession), chooseFolder: '/media/usb' });
    await click(button('备份到…'));
    expect(app.fake.args.chooseFolder).toEqual([['backup']]);
    expect(app.fake.args.backupNow).toEqual([['/media/usb']]);
    expect(bodyText()).toContain(`保存在 ${usbBackup.folder}。`);
  });

  it('writes nothing when the clerk cancels the folder dialog', async () => {
    app = await mountApp('/backups', { status: signedIn(clerkSession), chooseFolder: null });
    await click(button('备份到…'));
    expect(app.fake.calls['backupNow']).toBeUndefined();
  });

  it('shows core’s refusal, e.g. a write-protected USB stick', async () => {
    const readOnly = '无法写入备份：所选文件夹（/media/usb）是只读的或没有写入权限（U 盘请检查写保护开关）。';
    app = await mountApp('/backups', {
      status: signedIn(clerkSession),
      chooseFolder: '/media/usb',
      backupNow: failure('READ_ONLY', readOnly),
    });
    await click(button('备份到…'));
    expect(bodyText()).toContain(readOnly);
  });
});

describe('restoring a backup', () => {
  it('is not offered to a clerk', async () => {
    app = await mountApp('/backups', { status: signedIn(clerkSession) });
    expect(bodyText()).not.toContain('从备份恢复…');
    expect(cells(0)).toHaveLength(5);
  });

  it('checks the chosen folder, shows what it is, asks before replacing the data, then goes to the login page', async () => {
    let status: AppStatus = signedIn(adminSession);
    app = await mountApp('/backups', {
      status: () => status,
      chooseFolder: yesterdayBackup.folder,
      restoreBackup: () => {
        status = signedOut;
      },
    });
    await click(button('从备份恢复…'));
    expect(app.fake.args.chooseFolder).toEqual([['restore']]);
    expect(app.fake.args.checkBackup).toEqual([[yesterdayBackup.folder]]);
    expect(dialogText()).toContain('这份备份完整，可以恢复到本机。');
    expect(dialogText()).toContain('学校阳泉市第一中学（1114000001）');
    expect(dialogText()).toContain('备份时间2026-09-01 16:30:00');
    expect(dialogText()).toContain('学生人数备份中 610 人，当前 612 人');
    expect(dialogText()).toContain('访问日志1790 条记录');
    expect(dialogText()).toContain('恢复后要用备份时的密码登录：王老师（wanglaoshi）');

    await click(buttonIn(dialog(), '恢复此备份…'));
    const box = document.querySelector('.el-message-box')!;
    expect(box.textContent).toContain('用这份备份替换当前数据？');
    expect(box.textContent).toContain('替换当前的全部数据（学生 612 人）');
    expect(app.fake.calls['restoreBackup']).toBeUndefined();
    await click(buttonIn(box, '替换并恢复'));
    expect(app.fake.args.restoreBackup).toEqual([[yesterdayBackup.folder]]);
    expect(app.router.currentRoute.value.path).toBe('/login');
    expect(bodyText()).toContain('已从备份恢复。请用备份时的密码重新登录。');
  });

  it('does nothing when the administrator cancels the confirmation', async () => {
    app = await mountApp('/backups', { status: signedIn(adminSession) });
    await click(button('从备份恢复…'));
    await click(buttonIn(dialog(), '恢复此备份…'));
    await click(buttonIn(document.querySelector('.el-message-box')!, '取消'));
    expect(app.fake.calls['restoreBackup']).toBeUndefined();
    expect(app.router.currentRoute.value.path).toBe('/backups');
  });

  it('of a backup that fails its check names the problems and offers no restore', async () => {
    app = await mountApp('/backups', { status: signedIn(adminSession), checkBackup: truncatedCheck });
    await click(button('从备份恢复…'));
    expect(dialogText()).toContain('这份备份不能恢复');
    expect(dialogText()).toContain('数据库文件 xuejidesk.db 不完整：应为 3039232 字节，实际 1048576 字节');
    expect(buttonIn(dialog(), '恢复此备份…')).toBeUndefined();
    expect(buttonIn(dialog(), '关闭')).toBeDefined();
  });

  it('from the list checks that backup', async () => {
    app = await mountApp('/backups', { status: signedIn(adminSession) });
    const restoreButtons = [...document.querySelectorAll<HTMLButtonElement>('.backup-table button')];
    await click(restoreButtons[1]!);
    expect(app.fake.calls['chooseFolder']).toBeUndefined();
    expect(app.fake.args.checkBackup).toEqual([[yesterdayBackup.folder]]);
    expect(dialogText()).toContain('备份时间2026-09-01 16:30:00');
  });

  it('refused by core shows why in the dialog, and the clerk stays signed in', async () => {
    const refusal = '没有恢复，当前数据没有改动。这是另一所学校的备份（阳泉市第二中学，学校标识码 1114000002）。';
    app = await mountApp('/backups', {
      status: signedIn(adminSession),
      checkBackup: goodCheck,
      restoreBackup: failure('RULE_VIOLATION', refusal),
    });
    await click(button('从备份恢复…'));
    await click(buttonIn(dialog(), '恢复此备份…'));
    await click(buttonIn(document.querySelector('.el-message-box')!, '替换并恢复'));
    expect(dialogText()).toContain(`没有恢复${refusal}`);
    expect(app.router.currentRoute.value.path).toBe('/backups');
  });
});
