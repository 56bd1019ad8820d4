/** 学籍核对 (VER-1): the review screen of one class, the clerk's ticks and the bulk confirmation. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verificationList } from './dashboardFixtures';
import { failure, removeFakeApi } from './fakeApi';
import { auditorSession, clerkSession, signedIn } from './fixtures';
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

const checkboxOf = (name: string): HTMLElement => document.querySelector<HTMLElement>(`[aria-label="选择${name}"]`)!;
const rowOf = (name: string): string =>
  [...document.querySelectorAll('.verification-table .el-table__body tr')]
    .find((tr) => tr.textContent?.includes(name))
    ?.textContent?.replace(/\s+/g, ' ') ?? '';

async function answerBox(label: string): Promise<void> {
  const box = document.querySelector('.el-message-box')!;
  [...box.querySelectorAll('button')].find((b) => b.textContent?.trim() === label)!.click();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await app!.settle();
}

describe('学籍核对', () => {
  it('VER-1 lists the class with this term’s confirmations, who and when, masking ID numbers as the roll does', async () => {
    app = await mountApp('/verification?class=1', { status: signedIn(clerkSession) });
    expect(app.fake.args.listVerification).toEqual([[1]]);
    expect(bodyText()).toContain('本学期：2026-2027学年 第一学期');
    expect(bodyText()).toContain('已核对 1 / 3 人');
    expect(rowOf('李思涵')).toContain('已核对2026-09-03 10:15 lilaoshi');
    expect(rowOf('李思涵')).toContain('140302********1124');
    expect(rowOf('李思涵')).not.toContain('140302201903011124');
    expect(rowOf('王雨桐')).toContain('未核对');
    // A record confirmed this term cannot be ticked again.
    expect(checkboxOf('李思涵').classList).toContain('is-disabled');
    expect(checkboxOf('王雨桐').classList).not.toContain('is-disabled');
  });

  it('opens the first class with students when the address names none', async () => {
    app = await mountApp('/verification', { status: signedIn(clerkSession) });
    expect(app.router.currentRoute.value.fullPath).toBe('/verification?class=1');
    expect(app.fake.args.listVerification).toEqual([[1]]);
  });

  it('VER-1 confirms the ticked students once the clerk confirms, and reads the class again', async () => {
    app = await mountApp('/verification?class=1', { status: signedIn(clerkSession) });
    expect(button('确认已核对（0 人）').disabled).toBe(true);
    checkboxOf('王雨桐').click();
    await app.settle();
    button('确认已核对（1 人）').click();
    await app.settle();
    expect(document.querySelector('.el-message-box')?.textContent).toContain('请确认您已逐一核对这 1 名学生');
    await answerBox('确认已核对');
    expect(app.fake.args.confirmRecords).toEqual([[[8]]]);
    expect(document.querySelector('.el-message')?.textContent).toContain(
      '已记录 1 名学生2026-2027学年 第一学期的核对。',
    );
    expect(app.fake.calls['listVerification']).toBe(2);
  });

  it('sends nothing when the clerk cancels the confirmation', async () => {
    app = await mountApp('/verification?class=1', { status: signedIn(clerkSession) });
    checkboxOf('张欣怡').click();
    await app.settle();
    button('确认已核对（1 人）').click();
    await app.settle();
    await answerBox('取消');
    expect(app.fake.calls['confirmRecords']).toBeUndefined();
  });

  it('VER-1 shows core’s refusal and keeps the ticks', async () => {
    const refusal = '范文已不在校（学籍状态：转出），不在每学期核对的范围内（规则 VER-1 核对在读和休学的学生）。';
    app = await mountApp('/verification?class=1', {
      status: signedIn(clerkSession),
      confirmRecords: failure('RULE_VIOLATION', refusal),
    });
    checkboxOf('王雨桐').click();
    await app.settle();
    button('确认已核对（1 人）').click();
    await app.settle();
    await answerBox('确认已核对');
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('没有记录核对');
    expect(bodyText()).toContain(refusal);
    expect(button('确认已核对（1 人）').disabled).toBe(false);
  });

  it('SCH-2 shows the reminder and confirms nothing when today is in no term', async () => {
    const reminder =
      '今天（2026-09-07）不在任何已设置的学期内，不能记录本学期的学籍核对（规则 SCH-2、VER-1）。请先在“学年学期设置”中设置本学期的起止日期，再确认核对。';
    app = await mountApp('/verification?class=1', {
      status: signedIn(clerkSession),
      listVerification: { ...verificationList, term: null, reminder },
    });
    expect(document.querySelector('.verification-reminder')?.textContent).toContain(reminder);
    checkboxOf('王雨桐').click();
    await app.settle();
    expect(button('确认已核对（1 人）').disabled).toBe(true);
  });

  it('VER-1 lets 审计员 read the progress without ticking or confirming', async () => {
    app = await mountApp('/verification?class=1', { status: signedIn(auditorSession) });
    expect(bodyText()).toContain('已核对 1 / 3 人');
    expect(document.querySelector('.verification-table .el-checkbox')).toBeNull();
    expect(() => button('确认已核对（0 人）')).toThrow();
  });

  it('shows only the students not yet confirmed when asked', async () => {
    app = await mountApp('/verification?class=1', { status: signedIn(clerkSession) });
    document.querySelector<HTMLElement>('.el-switch')!.click();
    await app.settle();
    expect(rowOf('李思涵')).toBe('');
    expect(rowOf('王雨桐')).toContain('未核对');
  });
});
