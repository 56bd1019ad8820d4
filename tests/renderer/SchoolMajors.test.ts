/** 中职专业 on 学校信息: only a 中等职业学校 has majors, and only administrators change them. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Major } from '../../shared/register/school';
import { removeFakeApi } from './fakeApi';
import { adminSession, clerkSession, schoolProfile, signedIn } from './fixtures';
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

const vocationalSchool = { ...schoolProfile, name: '阳泉市职业技术学校', type: '360', provincialModel: false };
const majors: Major[] = [
  { code: '710201', name: '计算机应用', years: 3, active: true },
  { code: '730301', name: '会计事务', years: 3, active: false },
];

/** Each major's cells, joined by spaces. */
const majorRows = (): string[] =>
  [...document.querySelectorAll('.majors-card .el-table__body tr')].map((tr) =>
    [...tr.querySelectorAll('td')]
      .map((td) => td.textContent?.trim())
      .filter(Boolean)
      .join(' '),
  );

/** A button of the open dialog (the page has its own 保存). */
function dialogButton(text: string): HTMLButtonElement {
  const found = [...document.querySelectorAll<HTMLButtonElement>('.el-dialog button')].find(
    (b) => b.textContent?.trim() === text,
  );
  if (!found) throw new Error(`no dialog button ${text}`);
  return found;
}

async function messageOf(id: string): Promise<string> {
  await new Promise((done) => setTimeout(done, 150));
  const item = document.getElementById(id)?.closest('.el-form-item');
  return item?.querySelector('.el-form-item__error')?.textContent?.trim() ?? '';
}

async function type(id: string, text: string): Promise<void> {
  const input = document.getElementById(id) as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await app!.settle();
}

describe('中职专业', () => {
  it('VOC shows no majors for a school that is not a 中等职业学校', async () => {
    app = await mountApp('/school', { status: signedIn(adminSession), listMajors: majors });
    expect(bodyText()).not.toContain('中职专业');
    expect(app.fake.calls['listMajors']).toBeUndefined();
  });

  it('VOC lists a 中职 school’s majors, open and closed, read-only for clerks', async () => {
    app = await mountApp('/school', {
      status: signedIn(clerkSession),
      getSchoolProfile: vocationalSchool,
      listMajors: majors,
    });
    expect(majorRows()).toEqual(['710201 计算机应用 3 年 在招', '730301 会计事务 3 年 停招']);
    expect(() => button('新增专业')).toThrow();
  });

  it('VOC lets the administrator add a major, checked before it is sent', async () => {
    app = await mountApp('/school', {
      status: signedIn(adminSession),
      getSchoolProfile: vocationalSchool,
      listMajors: majors,
      saveMajor: (major) => [...majors, major],
    });
    button('新增专业').click();
    await app.settle();
    await type('major-code', '7102');
    expect(await messageOf('major-code')).toBe('专业代码应为 6 位数字（见《中等职业学校专业目录》，如 710201）。');
    await type('major-code', '710201');
    expect(await messageOf('major-code')).toBe('专业代码 710201 已在列表中，请在列表中点“修改”。');
    await type('major-code', '710202');
    await type('major-name', '计算机网络技术');
    dialogButton('保存').click();
    await app.settle();
    expect(app.fake.args.saveMajor).toEqual([[{ code: '710202', name: '计算机网络技术', years: 3, active: true }]]);
    expect(majorRows()).toContain('710202 计算机网络技术 3 年 在招 修改');
  });
});
