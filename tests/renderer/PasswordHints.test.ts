/** Live hints while a new password is typed: the shared policy, checked as the clerk types. */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadEstimator } from '../../renderer/src/composables/passwordHints';
import { randomPassword } from '../../renderer/src/composables/randomPassword';
import { passwordProblems, defaultPasswordPolicy } from '../../shared/passwordPolicy';
import { estimateStrength } from '../../shared/passwordStrength';
import { removeFakeApi } from './fakeApi';
import { adminSession, signedIn } from './fixtures';
import { type MountedApp, mountApp } from './mountApp';

let app: MountedApp | undefined;

beforeAll(async () => {
  await loadEstimator(); // the dictionaries load once; each test then sees the final verdict
});

beforeEach(() => {
  document.body.innerHTML = '';
});

afterEach(() => {
  app?.unmount();
  app = undefined;
  removeFakeApi();
});

const hints = (): string => app!.wrapper.find('.password-hints').text();

async function typeNew(text: string): Promise<void> {
  await app!.wrapper.find('#new-password').setValue(text);
  await app!.settle();
}

describe('new password hints', () => {
  it('list the rules while the field is empty, with the policy’s numbers', async () => {
    app = await mountApp('/change-password', {
      status: signedIn(adminSession),
      getPasswordPolicy: { ...defaultPasswordPolicy, minLength: 12, historySize: 8 },
    });
    expect(hints()).toContain('密码要求');
    expect(hints()).toContain('至少 12 个字符');
    expect(hints()).toContain('不能与最近用过的 8 个密码相同');
  });

  it('say what is still wrong as the clerk types, and when the password is fine', async () => {
    app = await mountApp('/change-password', { status: signedIn(adminSession) });
    const submit = () => app!.wrapper.findAll('button').find((b) => b.text() === '修改密码')!;

    await typeNew('abc');
    expect(hints()).toContain('密码至少需要 8 个字符。');
    expect(hints()).toContain('现有 1 类');

    await typeNew('Wanglaoshi-2026');
    expect(hints()).toContain('密码不能包含用户名。');

    await typeNew('Password1!');
    expect(hints()).toContain('密码太容易被猜到');

    await typeNew('Qm7#vRt2-Lk9p');
    expect(hints()).toBe('密码符合要求');
    expect(submit().attributes('disabled')).toBeDefined(); // current password and the repeat are missing

    await app.wrapper.find('#current-password').setValue('Old-Secret-42');
    await app.wrapper.find('#repeat-password').setValue('Qm7#vRt2-Lk9');
    await new Promise((done) => setTimeout(done, 150)); // Element Plus shows a field error after 100 ms
    await app.settle();
    expect(app.wrapper.text()).toContain('两次输入的新密码不一致');
    await app.wrapper.find('#repeat-password').setValue('Qm7#vRt2-Lk9p');
    await app.settle();
    expect(submit().attributes('disabled')).toBeUndefined();
  });

  it('refuse the current password as the new one', async () => {
    app = await mountApp('/change-password', { status: signedIn(adminSession) });
    await app.wrapper.find('#current-password').setValue('Qm7#vRt2-Lk9p');
    await typeNew('Qm7#vRt2-Lk9p');
    expect(hints()).toContain('新密码不能与当前密码相同。');
  });

  it('send the change to core and show its refusal (the history check is core’s)', async () => {
    app = await mountApp('/change-password', {
      status: signedIn(adminSession),
      changePassword: { code: 'PASSWORD_POLICY', message: '新密码不能与最近 5 次用过的密码相同。' },
    });
    await app.wrapper.find('#current-password').setValue('Old-Secret-42');
    await typeNew('Qm7#vRt2-Lk9p');
    await app.wrapper.find('#repeat-password').setValue('Qm7#vRt2-Lk9p');
    await app.wrapper.find('form').trigger('submit');
    await app.settle();
    expect(app.fake.args.changePassword).toEqual([
      [{ currentPassword: 'Old-Secret-42', newPassword: 'Qm7#vRt2-Lk9p' }],
    ]);
    expect(app.wrapper.find('[role="alert"]').text()).toContain('新密码不能与最近 5 次用过的密码相同。');
    expect(app.router.currentRoute.value.path).toBe('/change-password');
  });
});

describe('generated initial passwords', () => {
  it('always pass the policy, and avoid look-alike characters', () => {
    for (let i = 0; i < 50; i += 1) {
      const password = randomPassword();
      expect(password).toHaveLength(12);
      expect(password).not.toMatch(/[0O1lI]/);
      expect(
        passwordProblems(password, { userName: 'lilaoshi', policy: defaultPasswordPolicy }, estimateStrength),
      ).toEqual([]);
    }
  });
});
