/** 首页待办: what the clerk sees first each day, and where each card leads. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dashboard } from './dashboardFixtures';
import { failure, removeFakeApi } from './fakeApi';
import { adminSession, auditorSession, clerkSession, signedIn } from './fixtures';
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

const text = (selector: string): string => document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ') ?? '';

async function click(selector: string): Promise<void> {
  document.querySelector<HTMLElement>(selector)!.click();
  await app!.settle();
}

describe('首页待办', () => {
  it('greets the clerk with today’s date from core and reads the dashboard on every visit', async () => {
    app = await mountApp('/home', { status: signedIn(clerkSession) });
    expect(document.querySelector('h1')?.textContent).toBe('您好，李老师');
    expect(bodyText()).toContain('今天是2026年9月7日，星期一。');
    await app.router.push('/terms');
    await app.router.push('/home');
    await app.settle();
    expect(app.fake.calls['getDashboard']).toBe(2);
  });

  it('CHG-2 and DAT-1 show open and overdue cases, overdue first, each opening its list or case', async () => {
    app = await mountApp('/home', { status: signedIn(clerkSession) });
    expect([text('.open-cases .number'), text('.open-cases .label')]).toEqual(['2', '办理中']);
    expect([text('.overdue-cases .number'), text('.overdue-cases .label')]).toEqual(['1', '已逾期']);
    expect(document.querySelector('.overdue-cases')?.classList).toContain('danger');
    const rows = [...document.querySelectorAll('.case-rows li')].map((li) => li.textContent?.replace(/\s+/g, ' '));
    expect(rows[0]).toContain('休学周子涵（一年级（2）班）');
    expect(rows[0]).toContain('已逾期 3 天');
    expect(rows[1]).toContain('还剩 2 天');
    await click('.overdue-cases');
    expect(app.router.currentRoute.value.fullPath).toBe('/cases?overdue=1');
    await app.router.push('/home');
    await app.settle();
    await click('.case-rows a');
    expect(app.router.currentRoute.value.path).toBe('/cases/5');
  });

  it('SCH-2 reminds that no term is set, with the way to 学年学期设置 for those who may set it', async () => {
    const reminder = '今天（2026-09-07）不在任何已设置的学期内，请在“学年学期设置”中设置本学期（规则 SCH-2）。';
    const noTerm = { ...dashboard, term: { current: null, reminder } };
    app = await mountApp('/home', { status: signedIn(clerkSession), getDashboard: noTerm });
    expect(text('.term-reminder')).toContain(reminder);
    expect(text('.status-term')).toContain('未设置');
    await click('.term-reminder a');
    expect(app.router.currentRoute.value.path).toBe('/terms');
    app.unmount();
    app = await mountApp('/home', { status: signedIn(auditorSession), getDashboard: noTerm });
    expect(text('.term-reminder')).toContain(reminder);
    expect(document.querySelector('.term-reminder a')).toBeNull();
  });

  it('VER-1 shows this term’s progress and opens the review screen on a class still to verify', async () => {
    app = await mountApp('/home', { status: signedIn(clerkSession) });
    expect(text('.dashboard-verification')).toContain('2026-2027学年 第一学期：已核对 54 / 84 人');
    const classes = [...document.querySelectorAll('.dashboard-verification .classes li')].map((li) => li.textContent);
    // 一年级（2）班 is done and not listed.
    expect(classes.map((line) => line?.replace(/\s+/g, ''))).toEqual(['六年级（1）班10/40']);
    await click('.dashboard-verification .class-link');
    expect(app.router.currentRoute.value.fullPath).toBe('/verification?class=2');
  });

  it('VER-1 and SCH-2 say nothing can be verified without a current term', async () => {
    const verification = { ...dashboard.verification, term: null };
    app = await mountApp('/home', { status: signedIn(clerkSession), getDashboard: { ...dashboard, verification } });
    expect(text('.dashboard-verification')).toContain('不能记录本学期的核对（规则 SCH-2）');
  });

  it('GRD-2 shows the graduates missing items with the days left to 30 June, linking to 毕业办理', async () => {
    app = await mountApp('/home', { status: signedIn(clerkSession) });
    const card = text('.dashboard-graduates');
    expect(card).toContain('还剩 296 天（2027年6月30日截止）');
    expect(card).toContain('六年级 40 人中 12 人未齐全（缺学习简历 3 人，缺毕业评语 12 人）');
    await click('.dashboard-graduates .grades a');
    expect(app.router.currentRoute.value.path).toBe('/graduation');
  });

  it('GRD-2 is not shown in a school without graduating students', async () => {
    const graduates = { ...dashboard.graduates, grades: [] };
    app = await mountApp('/home', { status: signedIn(clerkSession), getDashboard: { ...dashboard, graduates } });
    expect(document.querySelector('.dashboard-graduates')).toBeNull();
  });

  it('OPS-1 shows eight weeks of login days, the school days nobody logged in, and the days since the last login', async () => {
    app = await mountApp('/home', { status: signedIn(clerkSession) });
    expect(document.querySelectorAll('.calendar td.day')).toHaveLength(56);
    const days = (state: string) =>
      [...document.querySelectorAll(`.calendar td.${state}`)].map((cell) => cell.getAttribute('data-day'));
    expect(days('login')).toEqual(['2026-09-01', '2026-09-03', '2026-09-07']);
    expect(days('missed')).toEqual(['2026-09-02', '2026-09-04']);
    expect(days('today')).toEqual(['2026-09-07']);
    // Before the installation's first day nothing is counted.
    expect(days('before')).toHaveLength(36);
    expect(days('before')[35]).toBe('2026-08-24');
    expect(document.querySelector('.calendar td[data-day="2026-09-02"]')?.getAttribute('title')).toBe(
      '2026年9月2日 学期内工作日，无人登录',
    );
    const card = text('.dashboard-logins');
    expect(card).toContain('近 8 周有 3 天登录');
    expect(card).toContain('上次登录在 4 天前（2026年9月3日）');
    expect(card).toContain('学期内有 2 个工作日无人登录（规则 OPS-1');
  });

  it('shows the transfer window, the password’s days left and 尚未备份 when no backup was made', async () => {
    app = await mountApp('/home', { status: signedIn(adminSession) });
    const status = (row: string) => [text(`.status-${row} .status-text`), text(`.status-${row} .status-detail`)];
    expect(status('transfer')).toEqual([
      '转学办理期内',
      '2026年8月1日至2026年10月1日（2026-2027学年 第一学期开学前后一个月，规则 CHG-1）',
    ]);
    expect(status('password')).toEqual(['还剩 90 天', '有效期至 2026-11-30 08:00']);
    expect(text('.status-backup')).toContain('尚未备份');
    expect(document.querySelector('.status-backup .status-text')?.classList).toContain('warning');
  });

  it('shows the last backup, and in red a backup that failed since, with its reason', async () => {
    const last = { at: '2026-09-06T08:00:00.000+08:00', trigger: 'login', userName: 'wanglaoshi' } as const;
    app = await mountApp('/home', {
      status: signedIn(adminSession),
      getDashboard: { ...dashboard, backup: { last, failedSince: null } },
    });
    expect(text('.status-backup .status-text')).toBe('2026-09-06 08:00');
    expect(text('.status-backup .status-detail')).toBe('每日自动备份');
    expect(document.querySelector('.status-backup .status-text')?.classList).toContain('success');
    app.unmount();
    const failedSince = { at: '2026-09-07T08:00:00.000+08:00', reason: '备份文件夹所在的磁盘空间不足。' };
    app = await mountApp('/home', {
      status: signedIn(adminSession),
      getDashboard: { ...dashboard, backup: { last, failedSince } },
    });
    expect(text('.status-backup .status-text')).toBe('2026-09-07 08:00 备份失败');
    expect(text('.status-backup .status-detail')).toBe(
      '备份文件夹所在的磁盘空间不足。上次成功备份：2026-09-06 08:00。',
    );
    expect(document.querySelector('.status-backup .status-text')?.classList).toContain('danger');
  });

  it('shows why the dashboard could not be read', async () => {
    app = await mountApp('/home', {
      status: signedIn(clerkSession),
      getDashboard: failure('INTERNAL', '程序内部出错，请重试。'),
    });
    expect(text('[role="alert"]')).toContain('无法读取待办事项');
    expect(text('[role="alert"]')).toContain('程序内部出错，请重试。');
  });
});
