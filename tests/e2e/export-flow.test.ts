/**
 * 导出审查材料 end to end: the clerk exports the register with its photos to
 * a "USB stick" (a temp folder the folder dialog stand-in returns), checks
 * the export just written, then a byte of the workbook changes on the stick
 * and the check names the file. The built renderer in Chromium, core behind
 * the web bridge; the school, the students and an open change request are
 * set up through the contract.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiArgs, ApiMethod, ApiValue } from '../../shared/api';
import type { AuditAction } from '../../shared/audit';
import type { ReviewManifest } from '../../shared/exchange/reviewExport';
import type { FolderPurpose } from '../../shared/exchange/folders';
import { localDate } from '../../shared/register/identity';
import { ourSchool, studentOf } from '../core/casesSupport';
import { type AppPage, openApp } from '../support/appPage';
import { type Bridge, callBridgeOrThrow, startBridge } from '../support/bridge';
import { launchChromium } from '../support/chromium';
import { heading, login, quietMessages, screenshot, screenshotsDir, waitForPath } from '../support/pageActions';
import { exportFileRow, exportVerdict } from '../support/screens';
import { setUpSchool } from '../support/schoolSetup';

const rendererDir = resolve('out/renderer');
const profile = ourSchool();
const admin = { userName: 'wanglaoshi', displayName: '王老师', password: 'Yq-Admin-2026!k' };
const acknowledged = ['overPlan', 'overClassSize', 'outsideZone'] as const;

let browser: Browser;
let root: string;
let usb: string;
let bridge: Bridge;
let app: AppPage;
/** What the folder dialog stand-in answers for each purpose. */
const picked: Partial<Record<FolderPurpose, string>> = {};
/** The export folder the page reported. */
let exported = '';

/** A contract call of the set-up; a refusal fails the test with core's message. */
const call = <M extends ApiMethod>(method: M, ...args: ApiArgs<M>): Promise<ApiValue<M>> =>
  callBridgeOrThrow(bridge, method, ...args);

const logged = async (action: AuditAction) => (await call('listAuditEvents', { action, limit: 20, offset: 0 })).rows;

beforeAll(async () => {
  mkdirSync(screenshotsDir, { recursive: true });
  root = mkdtempSync(join(tmpdir(), 'xuejidesk-e2e-export-'));
  usb = join(root, 'usb');
  mkdirSync(usb);
  picked.export = usb;
  bridge = await startBridge({
    dataFolder: join(root, 'data'),
    rendererDir,
    chooseFolder: async (purpose) => picked[purpose] ?? null,
  });
  await setUpSchool(bridge, profile, admin);
  const classId = (await call('saveClass', { grade: 10, number: 1, headTeacher: '钱老师', capacity: 45 }))[0]!.id;
  const wang = await call('registerStudent', classId, studentOf(10, 5, { name: '王小雨' }), [...acknowledged]);
  await call('registerStudent', classId, studentOf(10, 6, { name: '李思涵', currentAddress: '=1+1 桃北西街' }), [
    ...acknowledged,
  ]);
  const photo = await sharp({ create: { width: 716, height: 882, channels: 3, background: '#a0c8f0' } })
    .jpeg()
    .toBuffer();
  await call('setStudentPhoto', wang.student.id, { fileName: '王小雨.jpg', base64: photo.toString('base64') });
  await call('openCase', {
    kind: 'basicInfoChange',
    studentId: wang.student.id,
    appliedOn: localDate(new Date()),
    reason: '家长更换了手机号码',
    items: [{ field: 'phone', after: '13912345678' }],
  });
  await call('logout');
  browser = await launchChromium();
  app = await openApp(browser, bridge);
  await login(app.page, admin.userName, admin.password);
  await waitForPath(app.page, '/home');
});

/** A failed step leaves the screen it stopped on, to see why. */
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && app) await screenshot(app.page, `export-failed-${task.name.slice(0, 40)}.png`);
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await bridge?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const verdict = () => exportVerdict(app.page);
const fileRow = (name: string) => exportFileRow(app.page, name);

describe('export for bureau review', () => {
  it('exports the register with its photos into a new folder of the stick, each file listed with its hash', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: '主导航' }).getByText('导出审查材料').click();
    await heading(page, '导出审查材料').waitFor();
    await page.getByText('包含学籍照片').click();
    await page.getByRole('button', { name: '选择文件夹并导出…' }).click();
    await page.locator('.export-result').waitFor({ timeout: 30_000 });

    const [folderName] = readdirSync(usb);
    expect(folderName).toMatch(/^学籍审查材料_1114000001_\d{8}-\d{6}$/);
    exported = join(usb, folderName!);
    await expect(page.locator('.export-result .folder').innerText()).resolves.toBe(exported);
    const manifest = JSON.parse(readFileSync(join(exported, 'manifest.json'), 'utf8')) as ReviewManifest;
    expect(manifest.files.map((file) => file.name)).toEqual([
      `${folderName}.xlsx`,
      '照片/高一（1）班-学籍照片.zip',
      '审查材料汇总.pdf',
    ]);
    expect(manifest.counts).toMatchObject({ students: 2, openCases: 1, photos: 1, photoClasses: 1 });
    for (const file of manifest.files) {
      await expect(page.locator('.export-result .files tr', { hasText: file.name }).innerText()).resolves.toContain(
        `${file.sha256.slice(0, 12)}…`,
      );
    }
    const [event] = await logged('export.review');
    expect(event).toMatchObject({ outcome: 'success', details: { folder: exported } });
    await quietMessages(page);
    await screenshot(page, 'export-result.png', { fullPage: false });
  });

  it('checks the export just written: every file unchanged', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '校验刚导出的材料' }).click();
    await verdict().waitFor();
    await expect(verdict().innerText()).resolves.toContain('材料完整，没有被改动');
    await expect(fileRow('审查材料汇总.pdf').innerText()).resolves.toContain('未改动');
    await page.locator('.export-verification').scrollIntoViewIfNeeded();
    await screenshot(page, 'export-verified.png', { fullPage: false });
  });

  it('names the workbook after one byte of it changed on the stick', async () => {
    const { page } = app;
    const workbook = join(exported, `${readdirSync(usb)[0]}.xlsx`);
    const bytes = readFileSync(workbook);
    bytes[bytes.length - 50] = bytes[bytes.length - 50]! ^ 0x01;
    writeFileSync(workbook, bytes);
    picked.verifyExport = exported;
    await page.getByRole('button', { name: '选择文件夹并校验…' }).click();
    await expect
      .poll(() => verdict().innerText(), { timeout: 15_000 })
      .toContain('审查材料与清单不符：1 个文件被改动。');
    await expect(fileRow('.xlsx').innerText()).resolves.toContain('已被改动');
    await expect(fileRow('.xlsx').innerText()).resolves.toContain('大小未变，内容与清单记录的校验值不同');
    await expect(fileRow('审查材料汇总.pdf').innerText()).resolves.toContain('未改动');
    const checks = await logged('export.verify');
    expect(checks.map((check) => check.outcome)).toEqual(['failure', 'success']);
    await page.locator('.export-verification').scrollIntoViewIfNeeded();
    await screenshot(page, 'export-tampered.png', { fullPage: false });
    expect(app.problems).toEqual([]);
  });
});
