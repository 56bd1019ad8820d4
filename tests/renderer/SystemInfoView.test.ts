/** The 系统信息 page as the clerk and support staff see it, against a fake window.api. */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import SystemInfoView from '../../renderer/src/views/SystemInfoView.vue';
import { installFakeApi, removeFakeApi } from './fakeApi';
import { adminSession, emptyFolderInfo, readyInfo } from './fixtures';

let wrapper: VueWrapper | undefined;

async function openPage(): Promise<VueWrapper> {
  const pinia = createPinia();
  setActivePinia(pinia);
  wrapper = mount(SystemInfoView, { global: { plugins: [pinia] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

/** The value cell next to a label, as text. */
function valueOf(page: VueWrapper, label: string): string {
  const labelCell = page.findAll('.el-descriptions__label').find((cell) => cell.text() === label);
  if (!labelCell) throw new Error(`no row labelled ${label}`);
  const valueCell = labelCell.element.nextElementSibling;
  return valueCell?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function valueCell(page: VueWrapper, label: string): Element | null {
  return (
    page.findAll('.el-descriptions__label').find((cell) => cell.text() === label)?.element.nextElementSibling ?? null
  );
}

beforeEach(() => {
  document.body.innerHTML = '';
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  removeFakeApi();
  vi.restoreAllMocks();
});

describe('系统信息 page', () => {
  it('shows versions, the data folder and the data files in Chinese', async () => {
    installFakeApi();
    const page = await openPage();
    expect(page.find('h1').text()).toBe('系统信息');
    expect(valueOf(page, '软件版本')).toBe('0.1.0');
    expect(valueOf(page, 'Node.js 版本')).toBe('20.20.2');
    expect(valueOf(page, 'SQLite 版本')).toBe('3.50.4');
    expect(valueOf(page, '操作系统')).toBe('Linux 6.1.0-28-amd64');
    expect(valueOf(page, '数据文件夹')).toContain('/home/clerk/.config/学籍工作台/data');
    expect(valueOf(page, '安装状态')).toBe('正常');
    expect(valueOf(page, '密钥文件')).toBe('正常');
    expect(valueOf(page, '密钥槽数量')).toBe('2');
    expect(valueOf(page, '恢复码密钥槽')).toBe('有');
    expect(valueOf(page, '数据库大小')).toBe('96 KB');
    expect(valueOf(page, '加密')).toBe('是');
    expect(valueOf(page, '支持的最高版本')).toBe('1');
  });

  it('says 不适用 for Electron and Chromium outside Electron, and shows them inside', async () => {
    installFakeApi();
    const outside = await openPage();
    expect(valueOf(outside, 'Electron 版本')).toBe('不适用（非 Electron 环境）');
    expect(valueOf(outside, 'Chromium 版本')).toBe('不适用（非 Electron 环境）');
    outside.unmount();

    installFakeApi({
      systemInfo: { ...readyInfo, versions: { ...readyInfo.versions, electron: '45.5.0', chrome: '140.0.7339.41' } },
    });
    const inside = await openPage();
    expect(valueOf(inside, 'Electron 版本')).toBe('45.5.0');
    expect(valueOf(inside, 'Chromium 版本')).toBe('140.0.7339.41');
  });

  it('shows 登录后显示 for the schema version and installation time while locked', async () => {
    installFakeApi();
    const page = await openPage();
    expect(valueOf(page, '数据结构版本')).toBe('登录后显示');
    expect(valueOf(page, '安装时间')).toBe('登录后显示');
    expect(valueOf(page, '访问日志')).toBe('登录后显示');
  });

  it('shows the schema version and installation time once unlocked', async () => {
    installFakeApi({
      systemInfo: { ...readyInfo, schemaVersion: 1, installedAt: '2026-09-01T00:00:00.000Z' },
      status: { installation: 'ready', session: adminSession },
    });
    const page = await openPage();
    expect(valueOf(page, '数据结构版本')).toBe('1');
    expect(valueOf(page, '安装时间')).toMatch(/^2026-09-01 \d\d:00:00$/);
  });

  it('shows the size of the access log and its last check once unlocked, in red when it failed', async () => {
    installFakeApi({
      systemInfo: {
        ...readyInfo,
        schemaVersion: 4,
        auditLog: { rows: 42, lastVerifiedAt: '2026-09-01T08:30:00', lastVerificationOk: false },
      },
      status: { installation: 'ready', session: adminSession },
    });
    const page = await openPage();
    expect(valueOf(page, '访问日志')).toBe('共 42 条');
    expect(valueOf(page, '日志最近校验')).toBe('2026-09-01 08:30:00 发现断裂');
    expect(valueCell(page, '日志最近校验')?.querySelector('.el-tag--danger')).not.toBeNull();
    expect(page.find('.el-alert--error').text()).toContain('访问日志校验未通过');
  });

  it('warns in red when the database file is not encrypted', async () => {
    installFakeApi({ systemInfo: { ...readyInfo, database: { ...readyInfo.database, encrypted: false } } });
    const page = await openPage();
    expect(valueOf(page, '加密')).toBe('否（未加密）');
    expect(valueCell(page, '加密')?.querySelector('.el-tag--danger')).not.toBeNull();
    const alert = page.find('.el-alert--error');
    expect(alert.text()).toContain('数据库文件没有加密');
    expect(alert.text()).toContain('联系技术支持');
  });

  it('says 尚未初始化 for an empty data folder', async () => {
    installFakeApi({ systemInfo: emptyFolderInfo });
    const page = await openPage();
    expect(valueOf(page, '安装状态')).toBe('尚未初始化');
    expect(valueOf(page, '密钥文件')).toBe('尚未创建');
    expect(valueOf(page, '数据库文件')).toBe('尚未创建');
    expect(valueOf(page, '加密')).toBe('—');
    expect(valueOf(page, '数据结构版本')).toBe('—');
    expect(page.find('.el-alert--primary').text()).toContain('尚未初始化');
    expect(page.text()).not.toContain('登录后显示');
  });

  it('names the missing file when the installation is damaged', async () => {
    installFakeApi({
      systemInfo: {
        ...readyInfo,
        installation: 'damaged',
        database: { present: false, sizeBytes: null, encrypted: null },
      },
    });
    const page = await openPage();
    expect(valueOf(page, '安装状态')).toBe('异常：密钥文件或数据库缺失');
    expect(valueOf(page, '数据库文件')).toBe('缺失');
    expect(valueCell(page, '数据库文件')?.querySelector('.el-tag--danger')).not.toBeNull();
  });

  it('shows the Chinese message of a failed call in an error alert', async () => {
    installFakeApi({ systemInfo: { code: 'INTERNAL', message: '程序内部出错，本次操作没有保存任何内容。' } });
    const page = await openPage();
    const alert = page.find('[role="alert"]');
    expect(alert.text()).toContain('无法读取系统信息');
    expect(alert.text()).toContain('程序内部出错，本次操作没有保存任何内容。');
    expect(page.findAll('.el-descriptions')).toHaveLength(0);
  });

  it('keeps the last values and says so when a refresh fails', async () => {
    const fake = installFakeApi();
    const page = await openPage();
    installFakeApi({ systemInfo: { code: 'DISK_FULL', message: '磁盘空间已满。' } });
    await page
      .findAll('button')
      .find((b) => b.text() === '刷新')!
      .trigger('click');
    await flushPromises();
    expect(page.find('[role="alert"]').text()).toContain('刷新失败');
    expect(page.find('[role="alert"]').text()).toContain('磁盘空间已满。');
    expect(valueOf(page, '软件版本')).toBe('0.1.0');
    expect(fake.calls['systemInfo']).toBe(1);
  });

  it('explains that the program core is unreachable when window.api is missing', async () => {
    removeFakeApi();
    const page = await openPage();
    expect(page.find('[role="alert"]').text()).toContain('无法连接程序核心');
  });

  it('copies a plain-text diagnostics summary', async () => {
    installFakeApi();
    const writeText = vi.fn(async (_text: string) => undefined);
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard);
    const page = await openPage();
    await page
      .findAll('button')
      .find((b) => b.text() === '复制诊断信息')!
      .trigger('click');
    await flushPromises();
    const text = writeText.mock.calls[0]?.[0] ?? '';
    expect(text).toContain('学籍工作台 诊断信息');
    expect(text).toContain('【运行环境】');
    expect(text).toContain('软件版本：0.1.0');
    expect(text).toContain('加密：是');
    expect(text).toContain('数据文件夹：/home/clerk/.config/学籍工作台/data');
    expect(document.body.textContent).toContain('诊断信息已复制');
  });

  it('offers the text to copy by hand when the clipboard refuses', async () => {
    installFakeApi();
    const writeText = vi.fn(async () => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard);
    const page = await openPage();
    await page
      .findAll('button')
      .find((b) => b.text() === '复制诊断信息')!
      .trigger('click');
    await flushPromises();
    const dialog = document.body.querySelector('.el-dialog');
    expect(dialog?.textContent).toContain('无法自动复制到剪贴板');
    expect(dialog?.querySelector('textarea')?.value).toContain('软件版本：0.1.0');
  });
});
