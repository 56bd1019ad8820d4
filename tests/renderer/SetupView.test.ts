/** 设置向导: school, first administrator, then the recovery code, which must be confirmed as saved. */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppStatus } from '../../shared/system';
import { loadEstimator } from '../../renderer/src/composables/passwordHints';
import { removeFakeApi } from './fakeApi';
import { fakePdf } from './fakePdf';
import { adminSession, emptyFolderInfo, notSetUp, signedIn } from './fixtures';
import { bodyText, button, type MountedApp, mountApp } from './mountApp';

// pdf.js cannot draw in happy-dom (see fakePdf.ts).
vi.mock('../../renderer/src/composables/pdfPages', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  openPdf: async () => fakePdf(),
}));

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
  vi.restoreAllMocks();
});

/** The input under a form label. */
function field(label: string): HTMLInputElement {
  const item = [...document.querySelectorAll('.el-form-item')].find(
    (el) => el.querySelector('.el-form-item__label')?.textContent?.trim() === label,
  );
  const input = item?.querySelector('input');
  if (!input) throw new Error(`no field ${label}`);
  return input;
}

async function fill(label: string, text: string): Promise<void> {
  const input = field(label);
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await app!.settle();
}

async function click(text: string): Promise<void> {
  button(text).click();
  await app!.settle();
}

/** Waits out Element Plus' 100 ms debounce of field errors. */
const fieldErrors = async (): Promise<string[]> => {
  await new Promise((done) => setTimeout(done, 150));
  return [...document.querySelectorAll('.el-form-item__error')].map((el) => el.textContent?.trim() ?? '');
};

async function throughAdministrator(): Promise<void> {
  await fill('学校名称', '阳泉市第一中学');
  await fill('学校标识码', '3140300001');
  await click('下一步');
  await fill('用户名', 'wanglaoshi');
  await fill('姓名', '王老师');
  await fill('密码', 'Qm7#vRt2-Lk9p');
  await fill('再次输入密码', 'Qm7#vRt2-Lk9p');
  await click('完成设置');
}

describe('设置向导', () => {
  it('checks the school code before going on', async () => {
    app = await mountApp('/setup', { systemInfo: emptyFolderInfo, status: notSetUp });
    await fill('学校名称', '阳泉市第一中学');
    await fill('学校标识码', '31403');
    await click('下一步');
    expect(await fieldErrors()).toEqual(['学校标识码是 10 位数字，现在是 5 位']);
    expect(bodyText()).not.toContain('再次输入密码');
  });

  it('creates the installation, then shows the recovery code once, large, with its printed sheet', async () => {
    let status: AppStatus = notSetUp;
    app = await mountApp('/setup', {
      systemInfo: emptyFolderInfo,
      status: () => status,
      setup: () => {
        status = signedIn(adminSession);
        return { recoveryCode: 'K7QF-3MZP-W9XD-4HTN-R2CB', session: adminSession };
      },
    });
    await throughAdministrator();
    expect(app.fake.args.setup).toEqual([
      [
        {
          schoolName: '阳泉市第一中学',
          schoolCode: '3140300001',
          adminUserName: 'wanglaoshi',
          adminDisplayName: '王老师',
          password: 'Qm7#vRt2-Lk9p',
        },
      ],
    ]);
    expect(app.router.currentRoute.value.path).toBe('/setup');
    expect(document.querySelector('[data-testid="recovery-code"]')?.textContent).toBe('K7QF-3MZP-W9XD-4HTN-R2CB');
    expect(bodyText()).toContain('恢复码只显示这一次');

    // Core lays out the 恢复码保管单; the preview prints it and, the code being secret, never saves it to disk.
    await click('打印恢复码保管单');
    expect(app.fake.args.recoveryCodeSheet).toEqual([['K7QF-3MZP-W9XD-4HTN-R2CB']]);
    const preview = document.querySelector('.el-dialog.form-preview')!;
    expect(preview.querySelector('.el-dialog__title')?.textContent).toBe('《恢复码保管单》');
    const footer = [...preview.querySelectorAll('.el-dialog__footer button')].map((b) => b.textContent?.trim());
    expect(footer).toEqual(['打印', '关闭']);
  });

  it('goes on only after the administrator ticks that the code is stored safely', async () => {
    let status: AppStatus = notSetUp;
    app = await mountApp('/setup', {
      systemInfo: emptyFolderInfo,
      status: () => status,
      setup: () => {
        status = signedIn(adminSession);
        return { recoveryCode: 'K7QF-3MZP-W9XD-4HTN-R2CB', session: adminSession };
      },
    });
    await throughAdministrator();
    // Neither the button nor another address gets past the code.
    expect(button('继续').disabled).toBe(true);
    await app.router.push('/home');
    await app.settle();
    expect(app.router.currentRoute.value.path).toBe('/setup');
    expect(app.fake.calls['confirmRecoveryCodeSaved']).toBeUndefined();

    const checkbox = document.querySelector<HTMLInputElement>('.saved-check input[type="checkbox"]')!;
    checkbox.click();
    await app.settle();
    expect(button('继续').disabled).toBe(false);
    await click('继续');
    expect(app.fake.calls['confirmRecoveryCodeSaved']).toBe(1);
    expect(app.router.currentRoute.value.path).toBe('/home');
    expect(document.querySelector('[data-testid="recovery-code"]')).toBeNull();
    expect(document.querySelector('.print-sheet')).toBeNull();
  });

  it('shows core’s refusal and keeps the wizard open', async () => {
    app = await mountApp('/setup', {
      systemInfo: emptyFolderInfo,
      status: notSetUp,
      setup: { code: 'READ_ONLY', message: '数据文件夹无法写入，没有保存任何内容。' },
    });
    await throughAdministrator();
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('数据文件夹无法写入');
    expect(document.querySelector('[data-testid="recovery-code"]')).toBeNull();
  });
});
