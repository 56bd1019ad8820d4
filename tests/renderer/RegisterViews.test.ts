/** 学年学期, 学生名册 and the student form: what a clerk notices on the register screens. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maskIdNumber, maskStudentNumber } from '../../renderer/src/format/register';
import { dashboard } from './dashboardFixtures';
import { failure, removeFakeApi } from './fakeApi';
import {
  auditorSession,
  autumnTerm,
  clerkSession,
  girlIdNumber,
  girlSummary,
  signedIn,
  termsOverview,
} from './fixtures';
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

const reminder = '今天（2026-11-27）不在任何已设置的学期内，请在“学年学期设置”中设置本学期（规则 SCH-2）。';

/** The message under the form item holding the input with this id ('' when none), after Element Plus' 100 ms debounce. */
async function messageOf(id: string): Promise<string> {
  await new Promise((done) => setTimeout(done, 150));
  const item = document.getElementById(id)?.closest('.el-form-item');
  return item?.querySelector('.el-form-item__error')?.textContent?.trim() ?? '';
}

async function type(id: string, text: string): Promise<void> {
  const input = document.getElementById(id) as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('blur'));
  await app!.settle();
}

describe('SCH-2 term reminder', () => {
  it('shows the reminder on 首页 and on 学年学期设置 when today is in no term', async () => {
    const overview = { terms: [], current: null, reminder };
    app = await mountApp('/home', {
      status: signedIn(clerkSession),
      listTerms: overview,
      getDashboard: { ...dashboard, term: { current: null, reminder } },
    });
    expect(document.querySelector('.term-reminder')?.textContent).toContain(reminder);
    await app.router.push('/terms');
    await app.settle();
    expect(document.querySelector('.term-reminder')?.textContent).toContain(reminder);
  });

  it('shows no reminder and tags the current term 本学期 when today is in one', async () => {
    app = await mountApp('/terms', { status: signedIn(clerkSession), listTerms: termsOverview });
    expect(document.querySelector('.term-reminder')).toBeNull();
    const row = app.wrapper.find('.el-table__body tr');
    expect(row.text()).toContain('2026-2027学年 第一学期');
    expect(row.text()).toContain('本学期');
    expect(row.text()).toContain(autumnTerm.startDate);
  });
});

describe('学生名册', () => {
  it('masks the birth date in ID numbers and 学籍号 in the list', async () => {
    expect(maskIdNumber('140302201903011124')).toBe('140302********1124');
    // A G number is the ID number behind a letter; L and J numbers hold the birth date at the same place.
    expect(maskStudentNumber('G140302201903011124')).toBe('G140302********1124');
    expect(maskStudentNumber('L140302201903010001')).toBe('L140302********0001');
    app = await mountApp('/students', {
      status: signedIn(clerkSession),
      listStudents: { rows: [{ ...girlSummary, studentNumber: `G${girlIdNumber}` }], total: 1 },
    });
    const row = app.wrapper.find('.el-table-v2__row').text();
    expect(row).toContain('140302********1124');
    expect(row).not.toContain(girlIdNumber);
    expect(row).toContain('G140302********1124');
    expect(row).toContain('女');
    expect(row).toContain('在读');
  });

  it('offers 登记学生 to clerks, not to 审计员', async () => {
    app = await mountApp('/students', { status: signedIn(auditorSession) });
    expect(() => button('登记学生')).toThrow();
  });
});

// The student form is long (a dozen drop-downs); happy-dom needs a few seconds to render it.
describe('登记学生', { timeout: 30_000 }, () => {
  it('shows core’s FIELD_ERRORS messages on the fields they name', async () => {
    const refused = failure('FIELD_ERRORS', '有 2 项需要改正', {
      idNumber: '身份证号已登记给另一名学生（OPS-2）',
      'familyMembers.0.phone': '家庭成员1的联系电话不是有效的号码',
    });
    app = await mountApp('/students/new', { status: signedIn(clerkSession), registerStudent: refused });
    // A complete, valid form, so only core can refuse it.
    await type('student-name', '李思涵');
    await type('student-idNumber', girlIdNumber);
    await type('student-enrollmentMonth', '202509');
    await type('student-phone', '13803530001');
    await type('student-postalCode', '045000');
    for (const id of ['student-currentAddress', 'student-mailingAddress', 'student-homeAddress']) {
      await type(id, '阳泉市城区北大街 12 号');
    }
    await type('member-0-name', '王秀梅');
    await type('member-0-phone', '13803530002');
    // Selects: set through the form's model by choosing options.
    const choose = async (id: string, label: string) => {
      (document.getElementById(id)!.closest('.el-select__wrapper') as HTMLElement).click();
      await app!.settle();
      const option = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find(
        (el) =>
          el.textContent?.trim() === label &&
          el.closest('.el-select-dropdown')?.closest('[style*="display: none"]') === null,
      );
      option!.click();
      await app!.settle();
    };
    await choose('student-householdType', '非农业户口');
    await choose('student-classId', '一年级（2）班');
    await choose('student-enrollmentMethod', '就近入学');
    await choose('member-0-relationship', '母亲');
    await choose('member-0-isGuardian', '是');
    await choose('student-onlyChild', '是');
    await choose('student-preschool', '是');
    // Places: picked through the division picker's menus.
    const pick = async (id: string) => {
      (document.querySelector(`#${id} .el-cascader`) as HTMLElement).click();
      await app!.settle();
      for (const label of ['山西省', '阳泉市', '城区']) {
        [...document.querySelectorAll<HTMLElement>('.el-cascader-node')]
          .find((el) => el.textContent?.trim() === label && el.closest('[style*="display: none"]') === null)!
          .click();
        await app!.settle();
      }
    };
    for (const id of ['student-birthPlace', 'student-nativePlace', 'student-householdLocation']) await pick(id);
    expect(await messageOf('student-idNumber')).toBe('');

    button('登记').click();
    await app.settle();
    expect(app.fake.calls['registerStudent']).toBe(1);
    expect(await messageOf('student-idNumber')).toBe('身份证号已登记给另一名学生（OPS-2）');
    expect(await messageOf('member-0-phone')).toBe('家庭成员1的联系电话不是有效的号码');
    expect(await messageOf('student-name')).toBe('');
    expect(bodyText()).toContain('没有登记');
    // Changing the field clears core's message; the live check takes over.
    await type('student-idNumber', '14030220190301112');
    expect(await messageOf('student-idNumber')).toContain('18 位');
  });

  it('fills 出生日期 and 性别 from a valid resident ID number', async () => {
    app = await mountApp('/students/new', { status: signedIn(clerkSession) });
    await type('student-idNumber', girlIdNumber);
    expect((document.getElementById('student-birthDate') as HTMLInputElement).value).toBe('2019-03-01');
  });
});

describe('学生档案', { timeout: 30_000 }, () => {
  it('opens read-only, and 编辑 unlocks only the non-key fields with the DAT-1 note', async () => {
    app = await mountApp('/students/7', { status: signedIn(clerkSession) });
    expect(app.fake.args.getStudent).toEqual([[7]]);
    expect(document.getElementById('student-phone')).toBeNull();
    expect(bodyText()).toContain(girlIdNumber);
    button('编辑').click();
    await app.settle();
    for (const id of ['student-name', 'student-sex', 'student-birthDate', 'student-idType', 'student-idNumber']) {
      expect((document.getElementById(id) as HTMLInputElement).disabled, id).toBe(true);
    }
    // 学籍号 not yet assigned: it may be filled in once (REG-1).
    expect((document.getElementById('student-studentNumber') as HTMLInputElement).disabled).toBe(false);
    expect((document.getElementById('student-phone') as HTMLInputElement).disabled).toBe(false);
    const nameItem = document.getElementById('student-name')!.closest('.el-form-item')!;
    expect(nameItem.textContent).toContain('关键数据须通过基本信息变更申请修改（DAT-1）');
  });

  it('lists 修改记录 with field label, before, after, time and who', async () => {
    app = await mountApp('/students/7', { status: signedIn(clerkSession) });
    const tab = [...document.querySelectorAll<HTMLElement>('.el-tabs__item')].find((el) =>
      el.textContent?.includes('修改记录'),
    )!;
    tab.click();
    await app.settle();
    const cells = [...document.querySelectorAll('.el-tab-pane .el-table__body tr td')].map((td) =>
      td.textContent?.trim(),
    );
    expect(cells).toEqual(['联系电话', '13803530000', '13803530001', '2026-09-02 10:00:00', 'lilaoshi']);
  });

  it('shows a RULE_VIOLATION on a key field under that field', async () => {
    const refused = failure('RULE_VIOLATION', '关键数据须通过基本信息变更申请修改', {
      phone: '此项须通过基本信息变更申请修改（DAT-1）',
    });
    app = await mountApp('/students/7', { status: signedIn(clerkSession), updateStudent: refused });
    button('编辑').click();
    await app.settle();
    button('保存').click();
    await app.settle();
    expect(await messageOf('student-phone')).toBe('此项须通过基本信息变更申请修改（DAT-1）');
  });
});
