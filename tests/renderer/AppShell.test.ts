/** The window frame and who gets which screen: routing by installation and session state. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppStatus } from '../../shared/system';
import { redirectFor } from '../../renderer/src/access';
import type { RouteRecordRaw } from 'vue-router';
import { type NavGroup, navGroups, navigationItems } from '../../renderer/src/router';
import { removeFakeApi } from './fakeApi';
import { adminSession, auditorSession, clerkSession, emptyFolderInfo, notSetUp, signedIn, signedOut } from './fixtures';
import { bodyText, type MountedApp, mountApp } from './mountApp';

let app: MountedApp | undefined;

beforeEach(() => {
  document.body.innerHTML = '';
});

afterEach(() => {
  app?.unmount();
  app = undefined;
  removeFakeApi();
});

/** The navigation of a session by group heading ('' for 首页 above the groups). */
function grouped(session: Parameters<typeof navigationItems>[0]): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const item of navigationItems(session)) (result[navGroups[item.group] ?? ''] ??= []).push(item.title);
  return result;
}

describe('navigation', () => {
  it('offers each role only the screens its methods allow, by the contract’s access table, in labelled groups', () => {
    const register = ['学校信息', '学年学期', '招生计划', '班级管理', '学生名册'];
    expect(grouped(adminSession)).toEqual({
      '': ['首页'],
      学籍: [...register, '导入学生'],
      异动与毕业: ['学籍异动', '毕业办理', '学年升级'],
      审查与自查: ['学籍核对', '导出审查材料', '自查报告', '访问日志'],
      系统: ['备份与恢复', '账号管理', '密码与安全策略', '系统信息'],
    });
    expect(grouped(clerkSession)).toEqual({
      '': ['首页'],
      学籍: [...register, '导入学生'],
      异动与毕业: ['学籍异动', '毕业办理', '学年升级'],
      审查与自查: ['学籍核对', '导出审查材料', '自查报告'],
      系统: ['备份与恢复', '系统信息'],
    });
    // 审计员 read the register, its cases and checks, and verify exports (read-only screens); each record opened is logged.
    expect(grouped(auditorSession)).toEqual({
      '': ['首页'],
      学籍: register,
      异动与毕业: ['学籍异动', '毕业办理'],
      审查与自查: ['学籍核对', '导出审查材料', '访问日志'],
      系统: ['系统信息'],
    });
    expect(grouped(null)).toEqual({ 系统: ['系统信息'] });
  });

  it('lists the groups in their order whatever the order of the routes, so a new route joins its group', () => {
    const route = (path: string, title: string, nav: NavGroup): RouteRecordRaw => ({
      path,
      redirect: '/',
      meta: { title, nav },
    });
    const list = [route('/c', '后加的系统页', 'system'), route('/a', '首页', 'home'), route('/b', '审查页', 'review')];
    expect(navigationItems(null, list).map((item) => item.title)).toEqual(['首页', '审查页', '后加的系统页']);
  });
});

describe('access decisions', () => {
  const at = (status: AppStatus | null, path: string, extra: object = {}) =>
    redirectFor({ status, recoveryCodePending: false, ...extra }, { path, ...extra });

  it('sends an empty data folder to the setup wizard', () => {
    expect(at(notSetUp, '/home')).toBe('/setup');
    expect(at(notSetUp, '/login')).toBe('/setup');
    expect(at(notSetUp, '/setup')).toBeNull();
  });

  it('sends a set-up installation without a session to the login page', () => {
    expect(at(signedOut, '/home')).toBe('/login');
    expect(at(signedOut, '/accounts')).toBe('/login');
    expect(at(signedOut, '/setup')).toBe('/login');
    expect(at(signedOut, '/login')).toBeNull();
  });

  it('keeps a session that must change its password on the change-password page', () => {
    const forced = signedIn({ ...clerkSession, mustChangePassword: 'initial' });
    expect(at(forced, '/home')).toBe('/change-password');
    expect(at(forced, '/change-password')).toBeNull();
  });

  it('keeps the administrator on the recovery code until it is confirmed', () => {
    expect(redirectFor({ status: signedIn(adminSession), recoveryCodePending: true }, { path: '/home' })).toBe(
      '/setup',
    );
  });

  it('sends a signed-in clerk away from login, setup and screens of other roles', () => {
    expect(at(signedIn(clerkSession), '/login')).toBe('/home');
    expect(at(signedIn(clerkSession), '/setup')).toBe('/home');
    expect(
      redirectFor(
        { status: signedIn(clerkSession), recoveryCodePending: false },
        { path: '/accounts', requires: 'listAccounts' },
      ),
    ).toBe('/home');
    expect(
      redirectFor(
        { status: signedIn(auditorSession), recoveryCodePending: false },
        { path: '/audit', requires: 'listAuditEvents' },
      ),
    ).toBeNull();
  });

  it('lets anyone open 系统信息, and sends everyone there when core cannot be reached', () => {
    expect(redirectFor({ status: null, recoveryCodePending: false }, { path: '/system', public: true })).toBeNull();
    expect(at(null, '/login')).toBe('/system');
  });

  it('sends a damaged installation (a data file missing) to the login page, where the restore is offered', () => {
    expect(at({ installation: 'damaged', session: null }, '/home')).toBe('/login');
    expect(at({ installation: 'damaged', session: null }, '/login')).toBeNull();
    expect(at({ installation: 'damaged', session: null }, '/system', { public: true })).toBeNull();
  });
});

describe('the window', () => {
  it('opens the setup wizard on an empty data folder, with a link to 系统信息', async () => {
    app = await mountApp('/', { systemInfo: emptyFolderInfo, status: notSetUp });
    expect(app.router.currentRoute.value.path).toBe('/setup');
    expect(app.wrapper.find('h1').text()).toBe('设置向导');
    expect(app.wrapper.find('.guest-links').text()).toBe('系统信息');
    expect(document.title).toBe('设置向导 - 学籍工作台');
  });

  it('opens the login page when nobody is signed in, and 系统信息 links back to it', async () => {
    app = await mountApp('/accounts', { status: signedOut });
    expect(app.router.currentRoute.value.path).toBe('/login');
    expect(app.wrapper.find('nav[aria-label="主导航"]').exists()).toBe(false);
    await app.router.push('/system');
    await app.settle();
    expect(app.wrapper.find('h1').text()).toBe('系统信息');
    expect(app.wrapper.find('.guest-links').text()).toBe('返回登录');
  });

  it('goes from login to the forced password change, showing the reason', async () => {
    app = await mountApp('/login', {
      status: signedOut,
      login: { ...clerkSession, mustChangePassword: 'initial' },
    });
    await app.wrapper.find('#login-user').setValue('lilaoshi');
    await app.wrapper.find('#login-password').setValue('Chu-Shi-2026!');
    await app.wrapper.find('form').trigger('submit');
    await app.settle();
    expect(app.fake.args.login).toEqual([[{ userName: 'lilaoshi', password: 'Chu-Shi-2026!' }]]);
    expect(app.router.currentRoute.value.path).toBe('/change-password');
    expect(bodyText()).toContain('这是管理员设置的初始密码');
    expect(bodyText()).toContain('退出登录');
    expect(app.wrapper.find('nav[aria-label="主导航"]').exists()).toBe(false);
  });

  it('shows a failed login in an alert and stays on the login page', async () => {
    app = await mountApp('/login', {
      status: signedOut,
      login: { code: 'WRONG_CREDENTIALS', message: '用户名或密码不正确，还可尝试 4 次。' },
    });
    await app.wrapper.find('#login-user').setValue('lilaoshi');
    await app.wrapper.find('#login-password').setValue('wrong');
    await app.wrapper.find('form').trigger('submit');
    await app.settle();
    expect(app.wrapper.find('[role="alert"]').text()).toContain('用户名或密码不正确，还可尝试 4 次。');
    expect(app.router.currentRoute.value.path).toBe('/login');
    expect((app.wrapper.find('#login-password').element as HTMLInputElement).value).toBe('');
  });

  it('opens the home page for a signed-in administrator, with the account menu and last login', async () => {
    app = await mountApp('/', { status: signedIn(adminSession) });
    expect(app.router.currentRoute.value.path).toBe('/home');
    const nav = app.wrapper.find('nav[aria-label="主导航"]');
    const headings = nav.findAll('.el-menu-item-group__title').map((title) => title.text());
    expect(headings.filter((heading) => heading !== '')).toEqual(['学籍', '异动与毕业', '审查与自查', '系统']);
    expect(nav.findAll('.el-menu-item').map((li) => li.text())).toEqual([
      '首页',
      '学校信息',
      '学年学期',
      '招生计划',
      '班级管理',
      '学生名册',
      '导入学生',
      '学籍异动',
      '毕业办理',
      '学年升级',
      '学籍核对',
      '导出审查材料',
      '自查报告',
      '访问日志',
      '备份与恢复',
      '账号管理',
      '密码与安全策略',
      '系统信息',
    ]);
    expect(nav.find('.el-menu-item.is-active').text()).toBe('首页');
    expect(app.wrapper.find('.user-name').text()).toBe('王老师');
    expect(app.wrapper.find('.user-role').text()).toContain('管理员');
    expect(app.wrapper.find('.last-login').text()).toBe('上次登录：2026-08-31 17:02');
  });

  it('warns about a password that expires soon, and shows an administrator the clock warning in red', async () => {
    app = await mountApp('/', {
      status: signedIn({
        ...adminSession,
        passwordExpiryWarning: true,
        passwordDaysLeft: 5,
        clockWarning: '系统时间比上一条访问日志早 2 小时，请检查电脑时间。',
      }),
    });
    expect(app.wrapper.find('.banner-password-expiry').text()).toContain('您的密码将在 5 天后到期');
    expect(app.wrapper.find('.el-alert--error').text()).toContain('系统时间比上一条访问日志早 2 小时');
    expect(app.wrapper.find('.el-alert--warning').text()).not.toContain('系统时间');
  });

  it('highlights the current page’s item, also for a page inside its section (a record under 学生名册)', async () => {
    app = await mountApp('/cases', { status: signedIn(clerkSession) });
    const active = () =>
      app!.wrapper.findAll('nav[aria-label="主导航"] .el-menu-item.is-active').map((li) => li.text());
    expect(active()).toEqual(['学籍异动']);
    await app.router.push('/students/7');
    await app.settle();
    expect(active()).toEqual(['学生名册']);
  });

  it('opens a new page at its top, and keeps the place when only the page’s filters change', async () => {
    app = await mountApp('/cases', { status: signedIn(clerkSession) });
    window.scrollTo(0, 900);
    await app.router.push('/cases?overdue=1');
    await app.settle();
    expect(window.scrollY).toBe(900);
    await app.router.push('/graduation');
    await app.settle();
    expect(window.scrollY).toBe(0);
  });

  it('sends an unknown address to the home page', async () => {
    app = await mountApp('/no-such-page/123', { status: signedIn(clerkSession) });
    expect(app.router.currentRoute.value.path).toBe('/home');
  });

  it('sends a clerk who types the address of 账号管理 to the home page', async () => {
    app = await mountApp('/accounts', { status: signedIn(clerkSession) });
    expect(app.router.currentRoute.value.path).toBe('/home');
    expect(app.fake.calls['listAccounts']).toBeUndefined();
  });

  it('returns to the login page when core ends the session', async () => {
    let status: AppStatus = signedIn(adminSession);
    app = await mountApp('/home', { status: () => status });
    expect(app.router.currentRoute.value.path).toBe('/home');
    status = signedOut;
    await app.session.refresh();
    await app.settle();
    expect(app.router.currentRoute.value.path).toBe('/login');
  });
});
