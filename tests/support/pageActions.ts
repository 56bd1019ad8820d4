/**
 * What the end-to-end tests do on a page as a clerk would: log in, wait for
 * a screen, pick from Element Plus drop-downs, fill fields, and take
 * screenshots without hover or focus highlights into `test-results/e2e`.
 */
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { windowSize } from './appPage';

export const screenshotsDir = resolve('test-results/e2e');

/** A picture without hover or focus highlights. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.mouse.move(windowSize.width - 1, windowSize.height - 1);
  await page.evaluate('document.activeElement?.blur()');
  await page.screenshot({
    path: join(screenshotsDir, name),
    fullPage: options.fullPage ?? true,
    animations: 'disabled',
  });
}

export const heading = (page: Page, name: string): Locator => page.getByRole('heading', { level: 1, name });

export async function waitForPath(page: Page, path: string | RegExp): Promise<void> {
  await page.waitForURL((url) => (typeof path === 'string' ? url.hash === `#${path}` : path.test(url.hash)));
}

export async function login(page: Page, userName: string, password: string): Promise<void> {
  await heading(page, '登录学籍工作台').waitFor();
  await page.getByLabel('用户名').fill(userName);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/**
 * Clicks an option of an open drop-down with the mouse where it shows, once
 * it holds still. Playwright's own click waits for stability too, but the
 * long forms' poppers (repositioned on every scroll) never report it; and an
 * opening drop-down grows from its top, so a position read mid-animation
 * lands on another option.
 */
export async function clickOption(page: Page, option: Locator): Promise<void> {
  await option.waitFor();
  let previous: { x: number; y: number; width: number; height: number } | null = null;
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const box = await option.boundingBox();
    if (box && previous && box.y === previous.y && box.height === previous.height && box.x === previous.x) {
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      return;
    }
    previous = box;
    await page.waitForTimeout(50);
  }
  throw new Error('the option never held still on screen');
}

/** Picks `label` (a whole option text, or a pattern) in the Element Plus select whose input has this id. */
export async function choose(page: Page, id: string, label: string | RegExp): Promise<void> {
  await page.locator('.el-select__wrapper', { has: page.locator(`#${id}`) }).click();
  const text = typeof label === 'string' ? new RegExp(`^${label}$`) : label;
  await clickOption(page, page.locator('.el-select-dropdown__item:visible', { hasText: text }));
  await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' });
}

/** Types into the field with this id and leaves it, as a clerk moving on. */
export async function fill(page: Page, id: string, text: string): Promise<void> {
  await page.locator(`#${id}`).fill(text);
  await page.locator(`#${id}`).blur();
}

/** The message Element Plus shows under the form item holding this input. */
export const fieldMessage = (page: Page, id: string): Locator =>
  page.locator('.el-form-item', { has: page.locator(`#${id}`) }).locator('.el-form-item__error');

/** Waits until the last toast has gone, so that it is not in the next screenshot. */
export async function quietMessages(page: Page): Promise<void> {
  await page.locator('.el-message').first().waitFor({ state: 'detached' });
}
