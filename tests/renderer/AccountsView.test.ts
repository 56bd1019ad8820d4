/** 账号管理: the accounts table, new accounts, password resets, disabling with a confirmation. */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadEstimator } from '../../renderer/src/composables/passwordHints';
import { removeFakeApi } from './fakeApi';
import { adminSession, signedIn } from './fixtures';
import { bodyText, button, type MountedApp, mountApp } from './mountApp';

let app: MountedApp | undefined;

beforeAll(async () => {
  await loadEstimator();
});

beforeEach(() => {
  document.body.innerHTML = '';
});

afterEach(() => {
  app?.unmount();
  app = undefined;
  removeFakeApi();
});

const rowOf = (userName: string) =>
  app!.wrapper.findAll('.el-table__body tr').find((tr) => tr.find('td').text() === userName)!;

async function type(input: HTMLInputElement, text: string): Promise<void> {
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await app!.settle();
}

const dialog = (title: string): HTMLElement =>
  [...document.querySelectorAll<HTMLElement>('.el-dialog')].find(
    (el) => el.querySelector('.el-dialog__title')?.textContent === title,
  )!;

describe('账号管理', () => {
  it('lists every account with role, state, lock and times', async () => {
    app = await mountApp('/accounts', { status: signedIn(adminSession) });
    const clerk = rowOf('lilaoshi')
      .findAll('td')
      .map((td) => td.text());
    expect(clerk.slice(0, 5)).toEqual(['lilaoshi', '李老师', '学籍员', '启用已锁定', '2099-01-01 08:15']);
    expect(clerk[5]).toBe('—');
    const auditor = rowOf('zhangsan')
      .findAll('td')
      .map((td) => td.text());
    expect(auditor[3]).toBe('停用');
    expect(auditor.at(-1)).toContain('启用');
  });

  it('does not offer to disable the administrator’s own account', async () => {
    app = await mountApp('/accounts', { status: signedIn(adminSession) });
    const own = rowOf('wanglaoshi')
      .findAll('button')
      .find((b) => b.text() === '停用')!;
    expect(own.attributes('disabled')).toBeDefined();
  });

  it('creates a 学籍员 with an initial password that passes the policy', async () => {
    app = await mountApp('/accounts', { status: signedIn(adminSession) });
    button('新建账号').click();
    await app.settle();
    const form = dialog('新建账号');
    const inputs = form.querySelectorAll<HTMLInputElement>('input:not([type="radio"])');
    await type(inputs[0]!, 'zhaolaoshi');
    await type(inputs[1]!, '赵老师');
    await type(inputs[2]!, '12345678');
    expect(form.textContent).toContain('现有 1 类');
    expect(form.querySelector<HTMLButtonElement>('.el-dialog__footer .el-button--primary')!.disabled).toBe(true);
    await type(inputs[2]!, 'Chu-Shi-2026!x');
    expect(form.textContent).toContain('密码符合要求');
    form.querySelector<HTMLButtonElement>('.el-dialog__footer .el-button--primary')!.click();
    await app.settle();
    expect(app.fake.args.createAccount).toEqual([
      [{ userName: 'zhaolaoshi', displayName: '赵老师', role: 'clerk', initialPassword: 'Chu-Shi-2026!x' }],
    ]);
    expect(rowOf('zhaolaoshi').text()).toContain('赵老师');
    expect(bodyText()).toContain('已新建账号 zhaolaoshi');
  });

  it('refuses a user name with spaces or Chinese before asking core', async () => {
    app = await mountApp('/accounts', { status: signedIn(adminSession) });
    button('新建账号').click();
    await app.settle();
    const form = dialog('新建账号');
    const inputs = form.querySelectorAll<HTMLInputElement>('input:not([type="radio"])');
    await type(inputs[0]!, '赵 老师');
    await type(inputs[1]!, '赵老师');
    await type(inputs[2]!, 'Chu-Shi-2026!x');
    form.querySelector<HTMLButtonElement>('.el-dialog__footer .el-button--primary')!.click();
    await new Promise((done) => setTimeout(done, 150));
    await app.settle();
    expect(form.textContent).toContain('不能有空格或汉字');
    expect(app.fake.calls['createAccount']).toBeUndefined();
  });

  it('disables an account only after the administrator confirms', async () => {
    app = await mountApp('/accounts', { status: signedIn(adminSession) });
    rowOf('lilaoshi')
      .findAll('button')
      .find((b) => b.text() === '停用')!
      .trigger('click');
    await app.settle();
    expect(bodyText()).toContain('停用账号 李老师（lilaoshi）？');
    expect(bodyText()).toContain('访问日志会保留');
    expect(app.fake.calls['setAccountEnabled']).toBeUndefined();
    const box = document.querySelector('.el-message-box')!;
    [...box.querySelectorAll('button')].find((b) => b.textContent?.trim() === '停用')!.click();
    await new Promise((done) => setTimeout(done, 50));
    await app.settle();
    expect(app.fake.args.setAccountEnabled).toEqual([[{ userName: 'lilaoshi', enabled: false }]]);
    expect(rowOf('lilaoshi').findAll('td')[3]!.text()).toContain('停用');
  });

  it('resets a password and shows core’s refusal in the dialog', async () => {
    app = await mountApp('/accounts', {
      status: signedIn(adminSession),
      resetPassword: { code: 'PASSWORD_POLICY', message: '新密码不能与最近 5 次用过的密码相同。' },
    });
    rowOf('lilaoshi')
      .findAll('button')
      .find((b) => b.text() === '重置密码')!
      .trigger('click');
    await app.settle();
    const form = dialog('重置密码');
    expect(form.textContent).toContain('为 李老师（lilaoshi）设置新的初始密码');
    await type(form.querySelector('input')!, 'Chu-Shi-2026!x');
    form.querySelector<HTMLButtonElement>('.el-dialog__footer .el-button--primary')!.click();
    await app.settle();
    expect(app.fake.args.resetPassword).toEqual([[{ userName: 'lilaoshi', newPassword: 'Chu-Shi-2026!x' }]]);
    expect(form.querySelector('[role="alert"]')?.textContent).toContain('新密码不能与最近 5 次用过的密码相同。');
  });
});
