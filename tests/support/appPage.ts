/**
 * Opening the built renderer in Chromium over the web bridge, the way the
 * end-to-end tests need it: a 1280×800 window (the app's default size),
 * Chinese locale, the `window.api` shim, and every console error, page
 * error, failed request and CSP violation collected in `problems`.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { Bridge } from './bridge';
import { installWindowApiShim, shimArg } from './windowApiShim';

export interface AppPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and warnings, uncaught exceptions, failed requests, CSP violations: should stay empty. */
  readonly problems: string[];
  /** The value cell beside a label of an Element Plus descriptions list (exact label match). */
  valueCell(label: string): Locator;
  close(): Promise<void>;
}

/** Runs in the page: turns each CSP violation into a console error the test sees. Self-contained. */
export function reportCspViolations(): void {
  type ViolationEvent = { violatedDirective: string; blockedURI: string };
  const doc = (
    globalThis as unknown as {
      document: { addEventListener(type: string, listener: (event: ViolationEvent) => void): void };
    }
  ).document;
  doc.addEventListener('securitypolicyviolation', (event) => {
    console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}`);
  });
}

export const windowSize = { width: 1280, height: 800 } as const;

export interface OpenOptions {
  /** The route to open, e.g. `/system` (hash history); the app decides by default. */
  readonly path?: string;
  /** Scripts to run in the page before the app's own, e.g. stubs of `window.print`. */
  readonly initScripts?: readonly string[];
}

export async function openApp(browser: Browser, bridge: Bridge, options: OpenOptions = {}): Promise<AppPage> {
  const context = await browser.newContext({
    viewport: windowSize,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(bridge.url).origin });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console.${message.type()}: ${message.text()} (${message.location().url || 'page'})`);
    }
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.addInitScript(reportCspViolations);
  await page.addInitScript(installWindowApiShim, shimArg(bridge.token));
  for (const script of options.initScripts ?? []) await page.addInitScript(script);
  await page.goto(options.path ? `${bridge.url}#${options.path}` : bridge.url);
  return {
    context,
    page,
    problems,
    valueCell: (label) =>
      page
        .locator('.el-descriptions__label')
        .filter({ hasText: new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) })
        .locator('xpath=following-sibling::*[1]'),
    close: () => context.close(),
  };
}
