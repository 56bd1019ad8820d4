/**
 * 表格字体 on 学校信息: the bundled fonts and the administrator's fallback font
 * for 生僻字 (e.g. 𠮷) the bundled ones lack; adding a font file, core's
 * answer or refusal, removing it; other roles read it without the buttons.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormFonts } from '../../shared/forms/forms';
import { failure, removeFakeApi } from './fakeApi';
import { adminSession, clerkSession, signedIn } from './fixtures';
import { bodyText, type MountedApp, mountApp } from './mountApp';

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

const bundled = ['Noto Serif SC', 'Noto Sans SC'];
const withFallback: FormFonts = {
  bundled,
  fallback: {
    fileName: 'simsunb.ttf',
    familyName: 'SimSun-ExtB',
    glyphCount: 42_809,
    addedAt: '2026-09-03T10:20:00.000+08:00',
    addedBy: '王老师',
  },
};

const card = (): HTMLElement => document.querySelector<HTMLElement>('.fallback-font-card')!;
const cardText = (): string => card().textContent!.replace(/\s+/g, ' ');
/** The value beside a label of the card's list. */
const fact = (label: string): string =>
  [...card().querySelectorAll('.el-descriptions__label')]
    .find((cell) => cell.textContent?.trim() === label)
    ?.nextElementSibling?.textContent?.replace(/\s+/g, ' ')
    .trim() ?? '';

function buttonIn(root: ParentNode, text: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`no button ${text}`);
  return found;
}

/** Chooses a file in the card's file dialog, as the administrator does. */
async function chooseFile(file: File): Promise<void> {
  const input = card().querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
  await new Promise((done) => setTimeout(done, 50));
  await app!.settle();
}

const fontFile = (): File => new File([new Uint8Array([0, 1, 0, 0, 0, 9])], 'simsunb.ttf', { type: 'font/ttf' });

describe('表格字体', { timeout: 30_000 }, () => {
  it('explains what the fallback font is for and shows the bundled fonts, none added yet', async () => {
    app = await mountApp('/school', { status: signedIn(adminSession) });
    expect(app.fake.calls['getFormFonts']).toBe(1);
    const text = cardText();
    expect(text).toContain('表格字体');
    expect(text).toContain('“𠮷”');
    expect(text).toContain('SimSun-ExtB');
    expect(fact('自带字体')).toBe('Noto Serif SC、Noto Sans SC');
    expect(fact('后备字体')).toBe('未设置');
    expect(buttonIn(card(), '添加后备字体')).toBeTruthy();
  });

  it('sends the chosen font file and shows what core found in it', async () => {
    app = await mountApp('/school', { status: signedIn(adminSession), setFallbackFont: withFallback });
    buttonIn(card(), '添加后备字体');
    await chooseFile(fontFile());
    expect(app.fake.args.setFallbackFont).toEqual([[{ fileName: 'simsunb.ttf', base64: 'AAEAAAAJ' }]]);
    expect(fact('后备字体')).toBe('SimSun-ExtB（simsunb.ttf，共 42809 个字符）');
    expect(fact('添加')).toBe('王老师，2026-09-03 10:20');
    expect(bodyText()).toContain('已设置后备字体 SimSun-ExtB，共 42809 个字符。');
  });

  it('shows core’s refusal of a file that is not a usable font', async () => {
    const refusal = '“notes.ttf”不是 TrueType 或 OpenType 字体文件，请选择单款字体的 .ttf 或 .otf 文件。';
    app = await mountApp('/school', {
      status: signedIn(adminSession),
      setFallbackFont: failure('RULE_VIOLATION', refusal),
    });
    await chooseFile(new File(['hello'], 'notes.ttf'));
    const alert = card().querySelector('[role="alert"]')!.textContent!;
    expect(alert).toContain('“notes.ttf”没有设为后备字体');
    expect(alert).toContain(refusal);
    expect(fact('后备字体')).toBe('未设置');
  });

  it('refuses a file over 64 MB before sending it', async () => {
    app = await mountApp('/school', { status: signedIn(adminSession) });
    const huge = fontFile();
    Object.defineProperty(huge, 'size', { value: 65 * 1024 * 1024 });
    await chooseFile(huge);
    expect(app.fake.calls['setFallbackFont']).toBeUndefined();
    expect(card().querySelector('[role="alert"]')!.textContent).toContain('超过 64 MB');
  });

  it('removes the fallback font once confirmed', async () => {
    app = await mountApp('/school', {
      status: signedIn(adminSession),
      getFormFonts: withFallback,
      setFallbackFont: { bundled, fallback: null },
    });
    buttonIn(card(), '移除后备字体').click();
    await app.settle();
    buttonIn(document.querySelector('.el-message-box')!, '移除').click();
    await new Promise((done) => setTimeout(done, 50));
    await app.settle();
    expect(app.fake.args.setFallbackFont).toEqual([[null]]);
    expect(fact('后备字体')).toBe('未设置');
    expect(bodyText()).toContain('已移除后备字体。');
  });

  it('shows a 学籍员 the fonts without the buttons, and whom to ask', async () => {
    app = await mountApp('/school', { status: signedIn(clerkSession), getFormFonts: withFallback });
    expect(cardText()).toContain('SimSun-ExtB');
    expect(cardText()).toContain('请管理员在此添加后备字体');
    expect(card().querySelectorAll('button')).toHaveLength(0);
  });
});
