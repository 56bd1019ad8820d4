/**
 * Printed forms end to end (issue 6): a basic-information change request's
 * 《阳泉市中小学生基本信息变更申请表》 previewed in the window (pdf.js draws
 * page 1, with its 表格编号), saved as a PDF and printed, each output in the
 * access log with the number (DAT-2). The built renderer in Chromium, core
 * behind the web bridge; the school, the student and the request are set up
 * through the contract, the clerk's part through the screens.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiArgs, ApiMethod, ApiValue } from '../../shared/api';
import type { AuditAction } from '../../shared/audit';
import { localDate } from '../../shared/register/identity';
import { ourSchool, studentOf } from '../core/casesSupport';
import { type AppPage, openApp } from '../support/appPage';
import { type Bridge, callBridgeOrThrow, startBridge } from '../support/bridge';
import { launchChromium } from '../support/chromium';
import { login, quietMessages, screenshot, screenshotsDir, waitForPath } from '../support/pageActions';
import { firstPageDarkPixels, formPreview, previewDarkPixels } from '../support/screens';
import { setUpSchool } from '../support/schoolSetup';

const rendererDir = resolve('out/renderer');
const profile = ourSchool();
const admin = { userName: 'wanglaoshi', displayName: '王老师', password: 'Yq-Admin-2026!k' };

let browser: Browser;
let root: string;
let bridge: Bridge;
let app: AppPage;
let caseId = 0;
/** The number of the form the preview showed. */
let formNumber = '';
/** The saved form's PDF, uploaded back as an evidence scan. */
let savedPdf: Buffer = Buffer.alloc(0);

/** A contract call of the set-up; a refusal fails the test with core's message. */
const call = <M extends ApiMethod>(method: M, ...args: ApiArgs<M>): Promise<ApiValue<M>> =>
  callBridgeOrThrow(bridge, method, ...args);

/** The access-log rows of one action, as the administrator reads them. */
const logged = async (action: AuditAction) => (await call('listAuditEvents', { action, limit: 20, offset: 0 })).rows;

beforeAll(async () => {
  mkdirSync(screenshotsDir, { recursive: true });
  root = mkdtempSync(join(tmpdir(), 'xuejidesk-e2e-forms-'));
  bridge = await startBridge({ dataFolder: join(root, 'data'), rendererDir });
  await setUpSchool(bridge, profile, admin);
  const classes = await call('saveClass', { grade: 8, number: 1, headTeacher: '钱老师', capacity: 45 });
  const registered = await call('registerStudent', classes[0]!.id, studentOf(8, 5, { name: '王小雨' }), [
    'overPlan',
    'overClassSize',
    'outsideZone',
  ]);
  const opened = await call('openCase', {
    kind: 'basicInfoChange',
    studentId: registered.student.id,
    appliedOn: localDate(new Date()),
    reason: '家长更换了手机号码',
    items: [{ field: 'phone', after: '13912345678' }],
  });
  caseId = opened.id;
  await call('logout');
  browser = await launchChromium();
  app = await openApp(browser, bridge, {
    // Printing opens a native dialog; record the request instead.
    initScripts: ['window.__printCalls = 0; window.print = () => { window.__printCalls += 1; };'],
  });
  await login(app.page, admin.userName, admin.password);
  await waitForPath(app.page, '/home');
});

/** A failed step leaves the screen it stopped on, to see why. */
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && app) await screenshot(app.page, `forms-failed-${task.name.slice(0, 40)}.png`);
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await bridge?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const preview = (): Locator => formPreview(app.page);
const darkPixels = (): Promise<number> => previewDarkPixels(app.page);

describe('the change form of a request', () => {
  it('DAT-2 previews the form of a basic-information change, page 1 drawn, with its number', async () => {
    const { page } = app;
    await page.evaluate(`location.hash = '#/cases/${caseId}'`);
    await page.getByRole('heading', { level: 1, name: /#\d+/ }).waitFor();
    await page.locator('.case-facts').getByRole('button', { name: '预览表格' }).click();
    await preview().locator('.form-number').waitFor();
    formNumber = (await preview().locator('.form-number').innerText()).trim();
    expect(formNumber).toMatch(new RegExp(`^${profile.code}-\\d{4}-\\d{6}$`));
    await expect(preview().locator('.el-dialog__title').innerText()).resolves.toBe(
      '《阳泉市中小学生基本信息变更申请表》',
    );
    await expect(preview().locator('.verification-code').innerText()).resolves.toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    await preview().locator('canvas[data-page="1"]:not([aria-busy])').waitFor({ timeout: 15_000 });
    expect(await darkPixels()).toBeGreaterThan(1000);
    await screenshot(page, 'forms-preview.png', { fullPage: false });
  });

  it('saves the PDF with 另存为, logged with its number', async () => {
    const { page } = app;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      preview().getByRole('button', { name: '另存为' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^基本信息变更申请表_王小雨_${formNumber}\\.pdf$`));
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    savedPdf = bytes;
    const saves = await logged('form.save');
    expect(saves).toHaveLength(1);
    expect(JSON.stringify(saves[0])).toContain(formNumber);
    await screenshot(page, 'forms-saved.png', { fullPage: false });
    await quietMessages(page);
  });

  it('prints the form’s pages alone, on A4, logged with its number', async () => {
    const { page } = app;
    await preview().getByRole('button', { name: '打印', exact: true }).click();
    await expect.poll(() => page.evaluate('window.__printCalls'), { timeout: 15_000 }).toBe(1);
    const prints = await logged('form.print');
    expect(prints).toHaveLength(1);
    expect(JSON.stringify(prints[0])).toContain(formNumber);
    // What the paper gets: the page pictures alone, one A4 sheet each.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.app-root').isVisible()).resolves.toBe(false);
    await expect(page.locator('body > .print-sheet .paper-page.portrait img').count()).resolves.toBe(1);
    await page.pdf({ path: join(screenshotsDir, 'forms-print.pdf'), preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });

    await preview().getByRole('button', { name: '关闭', exact: true }).click();
    await preview().waitFor({ state: 'hidden' });
    await expect(page.locator('body > .print-sheet').count()).resolves.toBe(0);
    await page.getByRole('heading', { level: 1, name: /#\d+/ }).waitFor();
    expect(app.problems).toEqual([]);
  });
});

describe('an evidence scan in PDF', () => {
  it('opens drawn page by page inside the window, with no browser plugin', async () => {
    const { page } = app;
    await call('addEvidence', caseId, {
      kind: 'signedForm',
      fileName: '签字申请表.pdf',
      base64: savedPdf.toString('base64'),
    });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /#\d+/ }).waitFor();
    await page.getByRole('button', { name: '签字申请表.pdf' }).click();
    const viewer = page.locator('.el-dialog.evidence-viewer');
    await viewer.locator('canvas[data-page="1"]:not([aria-busy])').waitFor({ timeout: 15_000 });
    expect(await firstPageDarkPixels(page, '.evidence-viewer')).toBeGreaterThan(1000);
    await screenshot(page, 'forms-evidence-pdf.png', { fullPage: false });
    await viewer.getByRole('button', { name: '关闭', exact: true }).click();
    await viewer.waitFor({ state: 'hidden' });
    expect(app.problems).toEqual([]);
  });
});
