/**
 * Accounts, passwords, sessions and the access log end to end: the built
 * renderer in Chromium, core behind the web bridge on an empty data folder,
 * with core's clock under the test's control (idle lock, end of a lockout).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppPage, openApp } from '../support/appPage';
import { type Bridge, callBridge, startBridge } from '../support/bridge';
import { launchChromium } from '../support/chromium';
import { heading, login, screenshot, screenshotsDir, waitForPath } from '../support/pageActions';

const rendererDir = resolve('out/renderer');

const school = { name: '阳泉市第一中学', code: '3140300001' };
const admin = { userName: 'wanglaoshi', displayName: '王老师', password: 'Yq-Admin-2026!k' };
const clerk = {
  userName: 'lilaoshi',
  displayName: '李老师',
  initial: 'Chu-Shi-2026!x',
  reset: 'Chong-Zhi-2026!q',
  password: 'Xue-Ji-Li-2026!m',
};

/** Core's clock: the real one, plus however far a test moved it. */
function testClock(): { now: () => Date; advanceMinutes(minutes: number): void } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advanceMinutes: (minutes) => {
      offset += minutes * 60_000;
    },
  };
}

interface Installation {
  readonly folder: string;
  readonly clock: ReturnType<typeof testClock>;
  readonly bridge: Bridge;
  remove(): Promise<void>;
}

async function emptyInstallation(): Promise<Installation> {
  const root = mkdtempSync(join(tmpdir(), 'xuejidesk-e2e-'));
  const folder = join(root, 'data');
  const clock = testClock();
  const bridge = await startBridge({ dataFolder: folder, rendererDir, now: clock.now });
  return {
    folder,
    clock,
    bridge,
    remove: async () => {
      await bridge.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: '账号菜单' }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await waitForPath(page, '/login');
}

let browser: Browser;

beforeAll(async () => {
  mkdirSync(screenshotsDir, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('from an empty data folder to a checked access log', () => {
  let installation: Installation;
  let app: AppPage;

  beforeAll(async () => {
    installation = await emptyInstallation();
    app = await openApp(browser, installation.bridge, {
      // Printing opens a native dialog; record the request instead.
      initScripts: ['window.__printCalls = 0; window.print = () => { window.__printCalls += 1; };'],
    });
  });

  afterAll(async () => {
    await app?.close();
    await installation?.remove();
  });

  it('sets up the school and the first administrator', async () => {
    const { page } = app;
    await waitForPath(page, '/setup');
    await heading(page, '设置向导').waitFor();
    await page.getByLabel('学校名称').fill(school.name);
    await page.getByLabel('学校标识码').fill(school.code);
    await screenshot(page, 'setup-school.png');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByLabel('用户名').fill(admin.userName);
    await page.getByLabel('姓名').fill(admin.displayName);
    await page.getByLabel('密码', { exact: true }).fill('wanglaoshi1');
    await expect(page.locator('.password-hints').innerText()).resolves.toContain('密码不能包含用户名。');
    await page.getByLabel('密码', { exact: true }).fill(admin.password);
    await page.getByLabel('再次输入密码').fill(admin.password);
    await page.locator('.password-hints .fine').waitFor();
    await screenshot(page, 'setup-administrator.png');
    await page.getByRole('button', { name: '完成设置' }).click();
  });

  it('shows the recovery code once, prints core’s 恢复码保管单, and goes on only when confirmed', async () => {
    const { page } = app;
    const code = page.getByTestId('recovery-code');
    await code.waitFor();
    const recoveryCode = (await code.getAttribute('aria-label')) ?? '';
    expect(recoveryCode).toMatch(/^[0-9A-Z]{4,}(-[0-9A-Z]{4,})+$/);
    await expect(page.getByText('恢复码只显示这一次').count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: '继续' }).isDisabled()).resolves.toBe(true);
    await screenshot(page, 'recovery-code.png');

    // The sheet is a form of core's, previewed and printed; never offered for saving (the code stays off disks).
    await page.getByRole('button', { name: '打印恢复码保管单' }).click();
    const preview = page.locator('.el-dialog.form-preview');
    await preview.locator('canvas[data-page="1"]:not([aria-busy])').waitFor({ timeout: 15_000 });
    await expect(preview.locator('.el-dialog__title').innerText()).resolves.toBe('《恢复码保管单》');
    await expect(preview.getByRole('button', { name: '另存为' }).count()).resolves.toBe(0);
    await screenshot(page, 'recovery-code-sheet.png', { fullPage: false });
    await preview.getByRole('button', { name: '打印', exact: true }).click();
    await expect.poll(() => page.evaluate('window.__printCalls'), { timeout: 15_000 }).toBe(1);
    // What the paper gets: the sheet's pages alone, each a whole A4 sheet.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.app-root').isVisible()).resolves.toBe(false);
    await expect(page.locator('body > .print-sheet .paper-page img').count()).resolves.toBeGreaterThan(0);
    await page.pdf({ path: join(screenshotsDir, 'recovery-code-print.pdf'), preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    await preview.getByRole('button', { name: '关闭', exact: true }).click();
    await preview.waitFor({ state: 'hidden' });

    await page.getByText('我已将恢复码抄写或打印并妥善保管').click();
    await page.getByRole('button', { name: '继续' }).click();
    await waitForPath(page, '/home');
    await heading(page, `您好，${admin.displayName}`).waitFor();
    await expect(page.locator('.print-sheet').count()).resolves.toBe(0);
  });

  it('lets the administrator create a 学籍员 account with an initial password', async () => {
    const { page } = app;
    await page.getByRole('menuitem', { name: '账号管理' }).click();
    await heading(page, '账号管理').waitFor();
    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog', { name: '新建账号' });
    await dialog.getByLabel('用户名').fill(clerk.userName);
    await dialog.getByLabel('姓名').fill(clerk.displayName);
    await expect(dialog.getByRole('radio', { name: /学籍员/ }).isChecked()).resolves.toBe(true);
    await dialog.getByLabel('初始密码').fill(clerk.initial);
    await dialog.locator('.password-hints .fine').waitFor();
    await screenshot(page, 'account-new.png', { fullPage: false });
    await dialog.getByRole('button', { name: '新建' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.locator('.el-table__body tr', { hasText: clerk.userName });
    await expect(row.innerText()).resolves.toContain('学籍员');
    await expect(row.innerText()).resolves.toContain('启用');
    await page.locator('.el-message').first().waitFor({ state: 'detached' });
    await screenshot(page, 'accounts.png');
  });

  it('lets the administrator reset the clerk password (the clerk forgot it)', async () => {
    const { page } = app;
    const row = page.locator('.el-table__body tr', { hasText: clerk.userName });
    await row.getByRole('button', { name: '重置密码' }).click();
    const dialog = page.getByRole('dialog', { name: '重置密码' });
    await dialog.getByLabel('新的初始密码').fill(clerk.reset);
    await dialog.locator('.password-hints .fine').waitFor();
    await dialog.getByRole('button', { name: '重置密码' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.el-message').first().waitFor({ state: 'detached' });
    await logout(page);
  });

  it('makes the clerk change the reset password at the next login; the old one no longer works', async () => {
    const { page } = app;
    await login(page, clerk.userName, clerk.initial);
    await page.getByRole('alert').filter({ hasText: '用户名或密码不正确' }).waitFor();
    await login(page, clerk.userName, clerk.reset);
    await waitForPath(page, '/change-password');
    await page.getByRole('alert').filter({ hasText: '密码已被管理员重置' }).waitFor();
    await expect(page.getByRole('navigation', { name: '主导航' }).count()).resolves.toBe(0);
    await page.getByLabel('当前密码').fill(clerk.reset);
    await page.getByLabel('新密码', { exact: true }).fill(clerk.password);
    await page.getByLabel('再次输入新密码').fill(clerk.password);
    await page.locator('.password-hints .fine').waitFor();
    await screenshot(page, 'change-password-forced.png');
    await page.getByRole('button', { name: '修改密码' }).click();
    await waitForPath(page, '/home');
    await heading(page, `您好，${clerk.displayName}`).waitFor();
    const nav = await page.getByRole('navigation', { name: '主导航' }).innerText();
    expect(nav).toContain('首页');
    expect(nav).not.toContain('账号管理');
    expect(nav).not.toContain('访问日志');
    await page.locator('.el-message').first().waitFor({ state: 'detached' });
    await screenshot(page, 'home-clerk.png');
  });

  it('locks the screen after the idle minutes, keeping the page, and unlocks with the new password', async () => {
    const { page } = app;
    // The clerk starts on a form and walks away.
    await page.getByRole('button', { name: '账号菜单' }).click();
    await page.getByRole('menuitem', { name: '修改密码' }).click();
    await heading(page, '修改密码').waitFor();
    await page.getByLabel('当前密码').fill('half-typed');
    installation.clock.advanceMinutes(11);
    const lock = page.getByRole('dialog', { name: '屏幕已锁定' });
    await lock.waitFor({ timeout: 15_000 }); // the next status read, within 5 s
    await expect(lock.innerText()).resolves.toContain(`${clerk.displayName}（学籍员）`);
    await expect(page.locator('.app-root').getAttribute('inert')).resolves.not.toBeNull();
    await screenshot(page, 'lock-screen.png');

    await lock.getByLabel('密码').fill('not-my-password');
    await lock.getByRole('button', { name: '解锁' }).click();
    await expect(lock.getByRole('alert').innerText()).resolves.toMatch(/不正确/);
    await lock.getByLabel('密码').fill(clerk.password);
    await lock.getByRole('button', { name: '解锁' }).click();
    await lock.waitFor({ state: 'detached' });
    await expect(page.getByLabel('当前密码').inputValue()).resolves.toBe('half-typed');
    await logout(page);
  });

  it('shows the administrator every step in the access log, with an intact chain', async () => {
    const { page } = app;
    await login(page, admin.userName, admin.password);
    await waitForPath(page, '/home');
    await page.getByRole('menuitem', { name: '访问日志' }).click();
    await heading(page, '访问日志').waitFor();
    const chain = page.locator('.chain-card.chain-ok');
    await chain.waitFor();
    await expect(chain.innerText()).resolves.toMatch(/日志完整，共 \d+ 条，已校验/);
    await page.locator('.el-table__body tr').first().waitFor();
    const actions = await page.locator('.el-table__body tr td:nth-child(5)').allInnerTexts();
    for (const label of ['初始化安装', '登录', '新建账号', '重置密码', '修改密码', '锁屏', '解锁', '登录失败']) {
      expect(actions, label).toContain(label);
    }
    const clerkRows = await page.locator('.el-table__body tr', { hasText: clerk.userName }).allInnerTexts();
    expect(clerkRows.join('\n')).toContain('无操作自动锁屏');
    await screenshot(page, 'audit-log.png');
  });

  it('filters the log by action', async () => {
    const { page } = app;
    await page.locator('.filter-bar .el-form-item', { hasText: '操作' }).locator('.el-select__wrapper').click();
    await page.getByRole('option', { name: '新建账号' }).click();
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.locator('.el-table__body tr td:nth-child(5)').allInnerTexts()).toEqual(['新建账号']);
  });

  it('has the password policy page for the administrator', async () => {
    const { page } = app;
    await page.getByRole('menuitem', { name: '密码与安全策略' }).click();
    await heading(page, '密码与安全策略').waitFor();
    await expect(page.getByLabel('无操作自动锁屏').inputValue()).resolves.toBe('10');
    await screenshot(page, 'security-policy.png');
    expect(app.problems).toEqual([]);
  });
});

describe('five wrong passwords', () => {
  let installation: Installation;
  let app: AppPage;

  beforeAll(async () => {
    installation = await emptyInstallation();
    const setup = await callBridge(installation.bridge, 'setup', {
      schoolName: school.name,
      schoolCode: school.code,
      adminUserName: admin.userName,
      adminDisplayName: admin.displayName,
      password: admin.password,
    });
    expect(setup.ok).toBe(true);
    await callBridge(installation.bridge, 'confirmRecoveryCodeSaved');
    await callBridge(installation.bridge, 'logout');
    app = await openApp(browser, installation.bridge);
  });

  afterAll(async () => {
    await app?.close();
    await installation?.remove();
  });

  it('lock the account; the sixth attempt names the time it opens again', async () => {
    const { page } = app;
    const alert = page.getByRole('alert');
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await login(page, admin.userName, `Wrong-Guess-${attempt}!`);
      // Core counts down the attempts left, then locks.
      const expected = attempt < 5 ? `还可尝试 ${5 - attempt} 次` : '锁定';
      await expect.poll(() => alert.innerText()).toContain(expected);
    }
    await login(page, admin.userName, admin.password);
    await expect.poll(() => alert.innerText()).toMatch(/锁定/);
    const message = await alert.innerText();
    expect(message).toMatch(/\d{1,2}:\d{2}/);
    await expect(page.url()).toContain('#/login');
    await screenshot(page, 'login-locked.png');
  });

  it('opens again once the lockout time has passed', async () => {
    const { page } = app;
    installation.clock.advanceMinutes(16);
    await login(page, admin.userName, admin.password);
    await waitForPath(page, '/home');
    await heading(page, `您好，${admin.displayName}`).waitFor();
    expect(app.problems).toEqual([]);
  });
});
