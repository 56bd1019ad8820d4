/** 访问日志: the chain status on top, the events in Chinese, filters and exports. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chainSummary, detailsText } from '../../renderer/src/format/audit';
import { removeFakeApi } from './fakeApi';
import { adminSession, auditorSession, brokenChain, intactChain, signedIn } from './fixtures';
import { button, type MountedApp, mountApp } from './mountApp';

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

const chainCard = () => app!.wrapper.find('.chain-card');
const cells = (row: number): string[] =>
  app!.wrapper
    .findAll('.el-table__body tr')
    [row]!.findAll('td')
    .map((td) => td.text());

describe('chain status', () => {
  it('is green and counts the rows when the chain is intact', async () => {
    app = await mountApp('/audit', { status: signedIn(adminSession), verifyAuditLog: intactChain });
    expect(chainCard().classes()).toContain('chain-ok');
    expect(chainCard().text()).toContain('日志完整，共 3 条，已校验');
    expect(chainCard().text()).toContain('校验时间：2026-09-01 08:21:00');
  });

  it('is red and names the first broken row and the problem', async () => {
    app = await mountApp('/audit', { status: signedIn(adminSession), verifyAuditLog: brokenChain });
    expect(chainCard().classes()).toContain('chain-broken');
    expect(chainCard().text()).toContain('日志链从第 2 条起断裂：第 2 条记录的内容与其哈希不符');
    expect(chainCard().text()).toContain('联系技术支持');
  });

  it('says so when the check itself fails, and checks again on request', async () => {
    let answer: typeof intactChain | { code: 'INTERNAL'; message: string } = {
      code: 'INTERNAL',
      message: '程序内部出错，请重试。',
    };
    app = await mountApp('/audit', { status: signedIn(auditorSession), verifyAuditLog: () => answer });
    expect(chainCard().classes()).toContain('chain-failed');
    expect(chainCard().text()).toContain('无法校验访问日志');
    answer = intactChain;
    button('重新校验').click();
    await app.settle();
    expect(app.fake.calls['verifyAuditLog']).toBe(2);
    expect(chainCard().classes()).toContain('chain-ok');
  });
});

describe('events', () => {
  it('are listed newest first with Chinese labels, outcome tags and readable details', async () => {
    app = await mountApp('/audit', { status: signedIn(adminSession) });
    expect(app.fake.args.listAuditEvents).toEqual([[{ limit: 20, offset: 0 }]]);
    expect(cells(0)).toEqual([
      '3',
      '2026-09-01 08:20:00',
      'lilaoshi',
      '—',
      '登录失败',
      '账号 lilaoshi',
      '失败',
      '原因：密码错误；环节：登录',
    ]);
    expect(cells(1)).toEqual([
      '2',
      '2026-09-01 08:10:00',
      'wanglaoshi',
      '管理员',
      '新建账号',
      '账号 lilaoshi',
      '成功',
      '角色：学籍员；姓名：李老师',
    ]);
    expect(cells(2).slice(4, 6)).toEqual(['初始化安装', '学校 3140300001']);
    expect(app.wrapper.findAll('.el-table__body tr')[0]!.find('.el-tag--danger').exists()).toBe(true);
    expect(app.wrapper.find('.el-pagination').text()).toContain('共 3 条');
  });

  it('are filtered by account, action and object number, from the first page', async () => {
    app = await mountApp('/audit', { status: signedIn(adminSession) });
    const inputs = app.wrapper.findAll('.filter-bar input');
    await inputs.find((i) => i.attributes('placeholder') === '用户名')!.setValue(' lilaoshi ');
    await inputs.find((i) => i.attributes('placeholder') === '学籍号或用户名')!.setValue('lilaoshi');
    await app.wrapper.find('.filter-bar').trigger('submit');
    await app.settle();
    expect(app.fake.args.listAuditEvents?.at(-1)).toEqual([
      { userName: 'lilaoshi', objectId: 'lilaoshi', limit: 20, offset: 0 },
    ]);
  });

  it('export the filtered log as a file the browser saves', async () => {
    app = await mountApp('/audit', {
      status: signedIn(adminSession),
      exportAuditLog: { fileName: '访问日志-20260901.xlsx', mimeType: 'application/vnd.ms-excel', base64: 'UEsDBA==' },
    });
    const created = vi.fn((_blob: Blob) => 'blob:export');
    Object.defineProperty(URL, 'createObjectURL', { value: created, configurable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: vi.fn(), configurable: true });
    let downloaded = '';
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloaded = this.download;
    });
    button('导出 Excel').click();
    await app.settle();
    expect(app.fake.args.exportAuditLog).toEqual([[{}, 'xlsx']]);
    expect(click).toHaveBeenCalledTimes(1);
    expect(downloaded).toBe('访问日志-20260901.xlsx');
    const blob = created.mock.calls[0]![0];
    expect(blob.type).toBe('application/vnd.ms-excel');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new Uint8Array([0x50, 0x4b, 0x03, 0x04]));
  });
});

describe('details text', () => {
  it('spells out a policy change and a filter', () => {
    expect(
      detailsText({ before: { minLength: 8, idleLockMinutes: 10 }, after: { minLength: 10, idleLockMinutes: 10 } }),
    ).toBe('修改：密码最短长度 8→10 个字符');
    expect(detailsText({ format: 'csv', rows: 12, filter: { userName: 'lilaoshi' }, chainOk: true })).toBe(
      '格式：CSV；条数：12；筛选条件：账号：lilaoshi；日志完整：是',
    );
  });

  it('summarises a chain check', () => {
    expect(chainSummary(intactChain)).toMatchObject({ ok: true, title: '日志完整，共 3 条，已校验' });
    expect(chainSummary({ ...brokenChain, firstBroken: null, problem: null }).title).toBe('日志链断裂');
  });
});
