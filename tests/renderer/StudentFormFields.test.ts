/**
 * Every field of the national template on the student form (issue 4): the
 * extended fields round-trip, ★ fields are asked for, places are picked from
 * the GB/T 2260 divisions, and the 中职 fields appear only in a 中职 school.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Major } from '../../shared/register/school';
import { studentChanges } from '../../shared/register/students';
import type { StudentBasics } from '../../shared/register/studentValidation';
import { basicsToSave, editableBasics, emptyStudentBasics } from '../../renderer/src/format/register';
import { removeFakeApi } from './fakeApi';
import { clerkSession, girlBasics, girlRecord, schoolProfile, signedIn } from './fixtures';
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

/** girlBasics with the ★ extended fields, as a record saved now has them. */
const completeBasics: StudentBasics = { ...girlBasics, onlyChild: '1', preschool: '1' };
const completeRecord = { ...girlRecord, basics: completeBasics };

const majors: Major[] = [
  { code: '710201', name: '计算机应用', years: 3, active: true },
  { code: '730301', name: '会计事务', years: 3, active: false },
];

const shown = (el: Element): boolean => el.closest('[style*="display: none"]') === null;

/** The message under the form item holding the element with this id ('' when none), after Element Plus' debounce. */
async function messageOf(id: string): Promise<string> {
  await new Promise((done) => setTimeout(done, 150));
  const item = document.getElementById(id)?.closest('.el-form-item');
  return item?.querySelector('.el-form-item__error')?.textContent?.trim() ?? '';
}

/** Chooses an option of the select with this id by its label. */
async function choose(id: string, label: string): Promise<void> {
  (document.getElementById(id)!.closest('.el-select__wrapper') as HTMLElement).click();
  await app!.settle();
  const option = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find(
    (el) => el.textContent?.trim() === label && shown(el),
  );
  if (!option) throw new Error(`no option ${label} in ${id}`);
  option.click();
  await app!.settle();
}

/** Picks a division in the picker with this id through its menus: province, city, county. */
async function pickDivision(id: string, path: readonly string[]): Promise<void> {
  (document.querySelector(`#${id} .el-cascader`) as HTMLElement).click();
  await app!.settle();
  for (const label of path) {
    const node = [...document.querySelectorAll<HTMLElement>('.el-cascader-node')].find(
      (el) => el.querySelector('.el-cascader-node__label')?.textContent?.trim() === label && shown(el),
    );
    if (!node) throw new Error(`no ${label} in ${id}`);
    node.click();
    await app!.settle();
  }
}

async function openForEdit(answers: Parameters<typeof mountApp>[1] = {}): Promise<MountedApp> {
  const mounted = await mountApp('/students/7', {
    status: signedIn(clerkSession),
    getStudent: (id) => ({ ...completeRecord, id }),
    ...answers,
  });
  button('编辑').click();
  await mounted.settle();
  return mounted;
}

describe('extended template fields', () => {
  it('round-trip through the form unchanged, blank ones left out', () => {
    const full: StudentBasics = {
      ...completeBasics,
      namePinyin: 'LI SIHAN',
      formerName: '李小涵',
      politicalAffiliation: '13',
      idValidUntil: '长期',
      specialty: '绘画',
      classSeatNumber: '12',
      studentSource: '1',
      auxiliaryNumber: 'A1403020001',
      leftBehind: '0',
      migrantChild: '0',
      orphan: '0',
      martyrChild: '0',
      inclusiveEducation: '0',
      disabilityType: '0',
      governmentFundedPlace: '0',
      needsAid: '1',
      receivesSubsidy: '0',
      commuteDistance: '2.5',
      commuteMode: '1',
      needsSchoolBus: '0',
      majorCode: '710201',
      schoolingYears: '3',
      studyMode: '1',
      studentCategory: '应届初中毕业生',
      teachingSite: '本部',
      familyMembers: [
        {
          name: '李建国',
          relationship: '51',
          phone: '13803530002',
          isGuardian: '1',
          idType: '1',
          idNumber: '140302198501011234',
          ethnicity: '01',
          householdLocation: '140302',
          workplace: '阳泉市第一中学',
          address: '阳泉市城区北大街 12 号',
          jobTitle: '教师',
        },
      ],
    };
    expect(basicsToSave(editableBasics(full))).toEqual(full);
    // A record saved before the extended fields existed: opening and saving it changes nothing.
    const saved = basicsToSave(editableBasics(girlBasics));
    expect(saved).not.toHaveProperty('namePinyin');
    expect(saved).not.toHaveProperty('studentSource');
    expect(studentChanges(girlBasics, saved)).toEqual([]);
  });

  it('start a new student with 正常入学 and leave the ★ 独生子女 and 学前教育 to the clerk', () => {
    const fresh = basicsToSave(emptyStudentBasics());
    expect(fresh.studentSource).toBe('1');
    expect(fresh).not.toHaveProperty('onlyChild');
    expect(fresh).not.toHaveProperty('preschool');
  });
});

// The student form is long (some forty fields); happy-dom needs a few seconds to render it.
describe('the student form', { timeout: 60_000 }, () => {
  it('marks ★ fields and names the missing ones when 登记 is pressed', async () => {
    app = await mountApp('/students/new', { status: signedIn(clerkSession) });
    for (const id of ['student-name', 'student-onlyChild', 'student-preschool', 'student-birthPlace']) {
      expect(document.getElementById(id)!.closest('.el-form-item')!.classList.contains('is-required'), id).toBe(true);
    }
    expect(document.getElementById('student-email')!.closest('.el-form-item')!.classList).not.toContain('is-required');
    button('登记').click();
    await app.settle();
    expect(app.fake.calls['registerStudent']).toBeUndefined();
    expect(await messageOf('student-onlyChild')).toBe('请选择是否独生子女');
    expect(await messageOf('student-preschool')).toBe('请选择是否受过学前教育');
    expect(await messageOf('student-birthPlace')).toBe('出生地不能为空');
  });

  it('shows places by name and code, and the picker saves the county code', async () => {
    app = await mountApp('/students/7', {
      status: signedIn(clerkSession),
      getStudent: (id) => ({ ...completeRecord, id }),
    });
    expect(bodyText()).toContain('山西省阳泉市城区（140302）');
    button('编辑').click();
    await app.settle();
    await pickDivision('student-householdLocation', ['山西省', '阳泉市', '矿区']);
    await pickDivision('member-0-householdLocation', ['山西省', '阳泉市', '盂县']);
    button('保存').click();
    await app.settle();
    const [, sent] = app.fake.args.updateStudent![0]!;
    expect(sent.householdLocation).toBe('140303');
    expect(sent.birthPlace).toBe('140302');
    expect(sent.familyMembers[0]!.householdLocation).toBe('140322');
  });

  it('folds the seldom used extended fields away until opened', async () => {
    app = await openForEdit();
    expect(document.getElementById('student-leftBehind')).not.toBeNull();
    expect(document.getElementById('student-needsSchoolBus')).toBeNull();
    button('展开其余 8 项（选填）').click();
    await app.settle();
    await choose('student-needsSchoolBus', '是');
    button('收起').click();
    await app.settle();
    expect(document.getElementById('student-needsSchoolBus')).toBeNull();
    expect(bodyText()).toContain('展开其余 8 项（选填，已填 1 项）');
    button('保存').click();
    await app.settle();
    expect(app.fake.args.updateStudent![0]![1].needsSchoolBus).toBe('1');
  });

  it('VOC: hides 中职信息 outside a 中职 school, and 学籍辅号 in a school without senior grades (REG-2)', async () => {
    app = await openForEdit({ getSchoolProfile: { ...schoolProfile, type: '342' } });
    expect(bodyText()).not.toContain('中职信息');
    expect(document.getElementById('student-majorCode')).toBeNull();
    expect(document.getElementById('student-auxiliaryNumber')).not.toBeNull();
    expect(app.fake.calls['listMajors']).toBeUndefined();
    app.unmount();
    removeFakeApi();
    document.body.innerHTML = '';

    app = await openForEdit({ getSchoolProfile: { ...schoolProfile, type: '211', provincialModel: false } });
    expect(document.getElementById('student-auxiliaryNumber')).toBeNull();
  });

  it('VOC: offers a 中职 school’s open majors and takes the 学制 from the chosen one', async () => {
    app = await openForEdit({ getSchoolProfile: { ...schoolProfile, type: '360' }, listMajors: majors });
    expect(bodyText()).toContain('中职信息');
    (document.getElementById('student-majorCode')!.closest('.el-select__wrapper') as HTMLElement).click();
    await app.settle();
    const offered = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')]
      .filter(shown)
      .map((el) => el.textContent?.trim());
    expect(offered).toEqual(['710201 计算机应用']);
    await choose('student-majorCode', '710201 计算机应用');
    await choose('student-studyMode', '全日制');
    button('保存').click();
    await app.settle();
    const [, sent] = app.fake.args.updateStudent![0]!;
    expect(sent).toMatchObject({ majorCode: '710201', schoolingYears: '3', studyMode: '1' });
  });
});
