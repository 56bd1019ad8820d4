/** The lock screen: covers the window, keeps the page underneath as the clerk left it, and unlocks with the password. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppStatus } from '../../shared/system';
import { removeFakeApi } from './fakeApi';
import { adminSession, signedIn, signedOut } from './fixtures';
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

const lockScreen = (): HTMLElement | null => document.querySelector('.el-dialog.lock-screen');
const lockPassword = (): HTMLInputElement => lockScreen()!.querySelector('input[type="password"]')!;

async function typeInto(input: HTMLInputElement, text: string): Promise<void> {
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await app!.settle();
}

describe('lock screen', () => {
  it('keeps what the clerk typed in the page underneath, and unlocks with the password', async () => {
    let status: AppStatus = signedIn(adminSession);
    app = await mountApp('/change-password', {
      status: () => status,
      unlock: (password) =>
        password === 'Correct-Horse-7'
          ? { ...adminSession, locked: false }
          : { code: 'WRONG_CREDENTIALS', message: '密码不正确，还可尝试 4 次。' },
    });
    // The clerk starts filling in a form…
    const current = app.wrapper.find<HTMLInputElement>('#current-password');
    await current.setValue('half-typed');
    expect(lockScreen()).toBeNull();

    // …and walks away: core locks the session, the next status read says so.
    status = signedIn({ ...adminSession, locked: true });
    await app.session.refresh();
    await app.settle();
    expect(lockScreen()).not.toBeNull();
    expect(bodyText()).toContain('屏幕已锁定');
    expect(bodyText()).toContain('王老师（管理员）');
    // The page is still there, untouchable, with its text.
    expect(app.wrapper.find('.app-root').attributes('inert')).toBeDefined();
    expect(current.element.isConnected).toBe(true);
    expect(current.element.value).toBe('half-typed');

    // A wrong password is refused with core's message.
    await typeInto(lockPassword(), 'nope');
    button('解锁').click();
    await app.settle();
    expect(lockScreen()!.querySelector('[role="alert"]')?.textContent).toContain('密码不正确，还可尝试 4 次。');
    expect(app.fake.args.unlock).toEqual([['nope']]);

    // The right one opens the page again, exactly as it was.
    await typeInto(lockPassword(), 'Correct-Horse-7');
    button('解锁').click();
    status = signedIn(adminSession);
    await app.settle();
    expect(lockScreen()).toBeNull();
    expect(app.wrapper.find('.app-root').attributes('inert')).toBeUndefined();
    expect(app.wrapper.find<HTMLInputElement>('#current-password').element).toBe(current.element);
    expect(current.element.value).toBe('half-typed');
  });

  it('locks at once from the account menu', async () => {
    app = await mountApp('/home', { status: signedIn(adminSession) });
    await app.wrapper.findComponent({ name: 'ElDropdown' }).vm.$emit('command', 'lock');
    await app.settle();
    expect(app.fake.calls['lockSession']).toBe(1);
    expect(lockScreen()).not.toBeNull();
  });

  it('切换用户 logs out and goes to the login page', async () => {
    let status: AppStatus = signedIn({ ...adminSession, locked: true });
    app = await mountApp('/home', {
      status: () => status,
      logout: () => {
        status = signedOut;
      },
    });
    expect(lockScreen()).not.toBeNull();
    button('切换用户').click();
    await app.settle();
    expect(app.fake.calls['logout']).toBe(1);
    expect(lockScreen()).toBeNull();
    expect(app.router.currentRoute.value.path).toBe('/login');
  });
});
