/**
 * 办理学籍异动 / 申请变更基本信息 (/cases/new): each kind's form sends the
 * CaseInput core expects, core's rule refusals (checkCase) show as the
 * clerk types and keep 提交 disabled, and the case opens on its own page.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseInput } from '../../shared/changes/caseRecords';
import type { Refusal } from '../../shared/changes/cases';
import { localDate } from '../../shared/register/identity';
import type { Major, SchoolProfile } from '../../shared/register/school';
import type { SchoolClass, StudentRecord } from '../../shared/register/students';
import StudentForm from '../../renderer/src/components/StudentForm.vue';
import { editableBasics } from '../../renderer/src/format/register';
import { failure, type FakeAnswers, removeFakeApi } from './fakeApi';
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

const today = localDate(new Date());
const record = (changes: Partial<StudentRecord>): StudentRecord => ({ ...girlRecord, ...changes });
const byId = (id: string) => document.getElementById(id) as HTMLInputElement;

async function open(path: string, answers: FakeAnswers = {}): Promise<MountedApp> {
  app = await mountApp(path, { status: signedIn(clerkSession), ...answers });
  return app;
}

async function type(id: string, text: string): Promise<void> {
  const input = byId(id);
  input.value = text;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('change'));
  input.dispatchEvent(new FocusEvent('blur'));
  await app!.settle();
}

/** Opens the Element Plus select holding the input with this id: its options. */
async function optionsOf(id: string): Promise<HTMLElement[]> {
  (byId(id).closest('.el-select__wrapper') as HTMLElement).click();
  await app!.settle();
  return [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].filter(
    (el) => el.closest('[style*="display: none"]') === null,
  );
}

const labels = (options: readonly HTMLElement[]) => options.map((el) => el.textContent?.trim());

/** Picks an option of the Element Plus select holding the input with this id. */
async function choose(id: string, label: string): Promise<void> {
  const option = (await optionsOf(id)).find((el) => el.textContent?.trim() === label);
  if (!option) throw new Error(`no option ${label}`);
  option.click();
  await app!.settle();
}

/** Ticks the radio or checkbox with this label. */
async function tick(label: string): Promise<void> {
  const found = [...document.querySelectorAll<HTMLElement>('.el-radio, .el-checkbox')].find(
    (el) => el.textContent?.trim() === label,
  );
  if (!found) throw new Error(`no choice ${label}`);
  found.querySelector('input')!.click();
  await app!.settle();
}

/** The message under the form item holding this element, after Element Plus' 100 ms debounce. */
async function messageUnder(id: string): Promise<string> {
  await new Promise((done) => setTimeout(done, 150));
  return byId(id).closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim() ?? '';
}

/** Waits for the live check to run (it waits for a pause in typing). */
async function pause(): Promise<void> {
  await new Promise((done) => setTimeout(done, 450));
  await app!.settle();
}

async function submit(): Promise<void> {
  button('提交').click();
  await app!.settle();
}

const sent = (): CaseInput => app!.fake.args.openCase![0]![0];

const seniorSchool: SchoolProfile = { ...schoolProfile, type: '342' };
const vocationalSchool: SchoolProfile = { ...schoolProfile, type: '360', provincialModel: false };
const seniorClasses: SchoolClass[] = [
  { id: 10, grade: 10, number: 1, label: '高一（1）班', headTeacher: '', capacity: 50, studentCount: 48 },
  { id: 11, grade: 11, number: 1, label: '高二（1）班', headTeacher: '', capacity: 50, studentCount: 47 },
  { id: 12, grade: 11, number: 2, label: '高二（2）班', headTeacher: '', capacity: 50, studentCount: 50 },
  { id: 13, grade: 12, number: 1, label: '高三（1）班', headTeacher: '', capacity: 50, studentCount: 45 },
];
const majors: Major[] = [
  { code: '710201', name: '计算机应用', years: 3, active: true },
  { code: '730701', name: '会计事务', years: 3, active: true },
  { code: '750101', name: '工艺美术', years: 3, active: false },
];
/** A 高二 student: of a 普通高中 or, with the vocational school, of a 中职. */
const seniorStudent = (changes: Partial<StudentRecord> = {}): StudentRecord =>
  record({ classId: 11, classLabel: '高二（1）班', ...changes });

async function fillOtherSchool(): Promise<void> {
  await type('transfer-school-name', '太原市第五中学');
  await choose('transfer-school-type', '高级中学');
  await tick('民办');
  await tick('否');
  await type('transfer-school-zone', '太原市小店区');
  await tick('家庭居住地迁移且户籍已迁入');
  await choose('transfer-scope', '跨市');
  await tick('户籍已迁入新居住地');
}

const otherSchool = {
  name: '太原市第五中学',
  type: '342',
  ownership: '2',
  provincialModel: false,
  enrollmentZone: '太原市小店区',
  inCity: false,
};
const familyMoved = { ground: 'familyMoved', scope: 'city', hukouMoved: true };

describe('each kind sends its CaseInput', { timeout: 30_000 }, () => {
  it('CHG-1 转出 sends the other school and the grounds, then opens the case page', async () => {
    await open('/cases/new?kind=transferOut&student=7', { getSchoolProfile: seniorSchool });
    expect(document.querySelector('h1')?.textContent).toBe('办理转出');
    expect(document.querySelector('.case-student')?.textContent).toContain('李思涵');
    await type('case-reason', '全家迁往太原市小店区，户口已迁出');
    await fillOtherSchool();
    await submit();
    expect(app!.fake.calls['checkCase']).toBeGreaterThanOrEqual(1);
    expect(sent()).toEqual({
      kind: 'transferOut',
      appliedOn: today,
      reason: '全家迁往太原市小店区，户口已迁出',
      studentId: 7,
      transfer: { reason: familyMoved, otherSchool },
    });
    expect(app!.router.currentRoute.value.path).toBe('/cases/3');
  });

  it('OPS-2 转入 of a student who left brings the record back into the chosen class', async () => {
    await open('/cases/new?kind=transferIn&student=7', {
      getSchoolProfile: seniorSchool,
      listClasses: seniorClasses,
      getStudent: seniorStudent({ status: 'transferredOut' }),
    });
    expect(document.querySelector('h1')?.textContent).toBe('办理转入');
    await type('case-reason', '随父母回阳泉，户口已迁回');
    await choose('case-classId', '高二（1）班（47/50 人）');
    await fillOtherSchool();
    await submit();
    expect(sent()).toEqual({
      kind: 'transferIn',
      appliedOn: today,
      reason: '随父母回阳泉，户口已迁回',
      studentId: 7,
      classId: 11,
      transfer: { reason: familyMoved, otherSchool },
    });
  });

  it('CHG-1 转入 of a new student sends the basic information and the class from the student form', async () => {
    await open('/cases/new?kind=transferIn', { getSchoolProfile: seniorSchool, listClasses: seniorClasses });
    expect(app!.fake.calls['getStudent']).toBeUndefined();
    await type('case-reason', '父母工作调动，全家迁入阳泉市城区');
    await fillOtherSchool();
    const form = app!.wrapper.findComponent(StudentForm);
    form.vm.$emit('update:basics', { ...editableBasics(girlBasics), enrollmentMethod: '21' });
    form.vm.$emit('update:classId', 11);
    await app!.settle();
    await submit();
    const input = sent();
    expect(input).toMatchObject({ kind: 'transferIn', studentId: null, classId: 11, transfer: { otherSchool } });
    expect(input.kind === 'transferIn' && input.basics?.name).toBe('李思涵');
  });

  it('CHG-2 休学 for illness sends the prescribed leave and the period', async () => {
    await open('/cases/new?kind=suspension&student=7');
    await type('case-reason', '因病住院治疗，医院建议休养四个月');
    await tick('因病（须县级以上医院病历，需休学时间超过一学期的三分之一）');
    expect(bodyText()).toContain('病假须超过');
    await type('suspension-leave-days', '120');
    await type('suspension-start', '2026-09-14');
    expect(bodyText()).toContain('本次休学最迟到2027年9月13日');
    await type('suspension-end', '2027-01-20');
    await submit();
    expect(sent()).toEqual({
      kind: 'suspension',
      appliedOn: today,
      reason: '因病住院治疗，医院建议休养四个月',
      studentId: 7,
      ground: 'illness',
      prescribedLeaveDays: 120,
      period: { startDate: '2026-09-14', endDate: '2027-01-20' },
    });
  });

  it('CHG-4 留级 offers the classes one grade lower and sends the one chosen', async () => {
    await open('/cases/new?kind=repeatGrade&student=7', {
      getSchoolProfile: seniorSchool,
      listClasses: seniorClasses,
      getStudent: seniorStudent(),
    });
    const offered = await optionsOf('case-classId');
    expect(labels(offered)).toEqual(['高一（1）班（48/50 人）']);
    offered[0]!.click();
    await app!.settle();
    await type('case-reason', '学业跟不上，监护人申请留级');
    await submit();
    expect(sent()).toEqual({
      kind: 'repeatGrade',
      appliedOn: today,
      reason: '学业跟不上，监护人申请留级',
      studentId: 7,
      classId: 10,
    });
  });

  it('VOC-3 转专业 offers the other majors on offer and sends the one chosen', async () => {
    await open('/cases/new?kind=changeMajor&student=7', {
      getSchoolProfile: vocationalSchool,
      listClasses: seniorClasses,
      listMajors: majors,
      getStudent: seniorStudent({ basics: { ...girlBasics, majorCode: '710201', studyMode: '1' } }),
    });
    expect(document.querySelector('.case-form .value')?.textContent).toBe('710201 计算机应用');
    const offered = await optionsOf('case-majorCode');
    expect(labels(offered)).toEqual(['730701 会计事务（3 年）']);
    offered[0]!.click();
    await app!.settle();
    await type('case-reason', '监护人申请转入会计事务专业');
    await submit();
    expect(sent()).toEqual({
      kind: 'changeMajor',
      appliedOn: today,
      reason: '监护人申请转入会计事务专业',
      studentId: 7,
      majorCode: '730701',
    });
  });

  it.each([
    ['CHG-2', 'death', '登记死亡', '因病医治无效死亡', seniorSchool],
    ['CHG-2', 'goingAbroad', '办理出国', '随父母出国定居', seniorSchool],
    ['CHG-2', 'dropout', '办理退学', '监护人申请退学，已在申请上签字', seniorSchool],
    ['VOC-3', 'cancellation', '办理注销', '学生长期未到校，经核实注销学籍', vocationalSchool],
  ] as const)('%s %s needs the reason only', async (_rule, kind, title, reason, school) => {
    await open(`/cases/new?kind=${kind}&student=7`, {
      getSchoolProfile: school,
      listClasses: seniorClasses,
      getStudent: seniorStudent(),
    });
    expect(document.querySelector('h1')?.textContent).toBe(title);
    await type('case-reason', reason);
    await submit();
    expect(sent()).toEqual({ kind, appliedOn: today, reason, studentId: 7 });
  });

  it('VOC-5 asks a 弹性学习 student’s 转出 for the bureau’s 文号 and lists its written consent as evidence', async () => {
    await open('/cases/new?kind=transferOut&student=7', {
      getSchoolProfile: vocationalSchool,
      listClasses: seniorClasses,
      getStudent: seniorStudent({ basics: { ...girlBasics, studyMode: '2' } }),
    });
    expect(bodyText()).toContain('该生为弹性学习，原则上不能办理转出');
    expect(document.querySelector('.case-guide')?.textContent).not.toContain('教育主管部门书面同意意见');
    await type('case-reason', '全家迁往太原市小店区，户口已迁出');
    await fillOtherSchool();
    await type('case-exceptionNumber', '阳教职〔2026〕12号');
    expect(document.querySelector('.case-guide')?.textContent).toContain('教育主管部门书面同意意见');
    await submit();
    expect(sent()).toMatchObject({ kind: 'transferOut', exception: { documentNumber: '阳教职〔2026〕12号' } });
  });
});

describe('复学 and the new 学籍辅号 (CHG-4)', { timeout: 30_000 }, () => {
  const suspended = seniorStudent({ status: 'suspended' });

  it('CHG-4 asks for a new 学籍辅号 only when a 普通高中 student resumes a grade lower', async () => {
    await open('/cases/new?kind=resumption&student=7', {
      getSchoolProfile: seniorSchool,
      listClasses: seniorClasses,
      getStudent: suspended,
    });
    const offered = await optionsOf('case-classId');
    expect(labels(offered)).toEqual([
      '高一（1）班（48/50 人）',
      '高二（1）班（47/50 人）',
      '高二（2）班（50/50 人，已满）',
    ]);
    offered[1]!.click();
    await app!.settle();
    expect(byId('case-newAuxiliaryNumber')).toBeNull();
    await choose('case-classId', '高一（1）班（48/50 人）');
    expect(bodyText()).toContain('降到低年级复学，档案中记为降级');
    expect(byId('case-newAuxiliaryNumber')).not.toBeNull();
    await type('case-reason', '休学期满，经医院复查已康复');
    await submit();
    expect(app!.fake.calls['openCase']).toBeUndefined();
    expect(await messageUnder('case-newAuxiliaryNumber')).toBe('请填写全国学籍系统为学生新编的学籍辅号。');
    await type('case-newAuxiliaryNumber', '14030220100301112401');
    await submit();
    expect(sent()).toEqual({
      kind: 'resumption',
      appliedOn: today,
      reason: '休学期满，经医院复查已康复',
      studentId: 7,
      classId: 10,
      newAuxiliaryNumber: '14030220100301112401',
    });
  });

  it('CHG-4 does not ask a 中职 student going down a grade for a 学籍辅号', async () => {
    await open('/cases/new?kind=resumption&student=7', {
      getSchoolProfile: vocationalSchool,
      listClasses: seniorClasses,
      getStudent: suspended,
    });
    await choose('case-classId', '高一（1）班（48/50 人）');
    expect(bodyText()).toContain('降到低年级复学');
    expect(byId('case-newAuxiliaryNumber')).toBeNull();
  });
});

describe('申请变更基本信息 (DAT-1, DAT-2)', { timeout: 30_000 }, () => {
  it('DAT-1 sends one item per row, each beside the value the record holds now', async () => {
    await open('/cases/new?kind=basicInfoChange&student=7');
    expect(document.querySelector('h1')?.textContent).toBe('申请变更基本信息');
    await choose('change-0-field', '姓名（关键数据）');
    expect(document.querySelector('.change-row:not(.head) .before')?.textContent).toBe('李思涵');
    await type('change-0-after', '李思涵');
    await type('case-reason', '户口簿上的姓名已变更');
    await submit();
    expect(await messageUnder('change-0-after')).toBe('新值与现在的值相同。');
    await type('change-0-after', '李诗涵');
    button('添加一项').click();
    await app!.settle();
    button('添加一项').click();
    await app!.settle();
    await choose('change-1-field', '联系电话');
    await type('change-1-after', '13803530009');
    // A line added by mistake is removed again; at least one must stay.
    const removes = [...document.querySelectorAll<HTMLButtonElement>('.change-row .remove')];
    expect(removes).toHaveLength(3);
    removes[2]!.click();
    await app!.settle();
    expect(document.querySelector('.case-guide')?.textContent).toContain('户口簿户主页和本人页至少一项');
    await submit();
    expect(sent()).toEqual({
      kind: 'basicInfoChange',
      appliedOn: today,
      reason: '户口簿上的姓名已变更',
      studentId: 7,
      items: [
        { field: 'name', after: '李诗涵' },
        { field: 'phone', after: '13803530009' },
      ],
    });
  });

  it('DAT-2 shows the form it prints and the evidence it will need, and core’s field message on its line', async () => {
    await open('/cases/new?kind=basicInfoChange&student=7', {
      openCase: failure('FIELD_ERRORS', '有 1 项需要改正', { 'items.0.after': '新姓名与户口簿不一致，请核对。' }),
    });
    const guide = document.querySelector('.case-guide')!.textContent!;
    expect(guide).toContain('《阳泉市中小学生基本信息变更申请表》');
    expect(guide).toContain('签字盖章的《阳泉市中小学生基本信息变更申请表》');
    expect(guide).toContain('户口簿户主页和本人页');
    expect(guide).toContain('本校 → 县（区）教育局');
    await choose('change-0-field', '姓名（关键数据）');
    await type('change-0-after', '李诗涵');
    await type('case-reason', '户口簿上的姓名已变更');
    await submit();
    expect(await messageUnder('change-0-after')).toBe('新姓名与户口簿不一致，请核对。');
    expect(bodyText()).toContain('没有提交');
    expect(app!.router.currentRoute.value.path).toBe('/cases/new');
  });
});

describe('检查规则', { timeout: 30_000 }, () => {
  const refusals: Refusal[] = [
    {
      rule: 'TRF-1',
      message: '毕业年级（高三）的学生不能在阳泉市内转学（规则 TRF-1）。与阳泉市以外学校之间的转学不受此限。',
    },
    { rule: 'TRF-2', message: '民办高中的学生不能转入公办高中（规则 TRF-2 四不转）。学生可以转入其他民办高中。' },
  ];

  it('TRF-2 shows each refusal with its rule as the clerk types, and keeps 提交 disabled until none is left', async () => {
    let answer: Refusal[] = refusals;
    await open('/cases/new?kind=transferOut&student=7', {
      getSchoolProfile: seniorSchool,
      checkCase: () => answer,
    });
    expect(document.querySelector('.case-refusals')?.textContent).toContain('填写完整后，系统自动按学籍管理规则检查');
    await type('case-reason', '全家迁往太原市小店区，户口已迁出');
    await fillOtherSchool();
    await pause();
    const shown = [...document.querySelectorAll('.case-refusals .refusal')].map((li) => [
      li.querySelector('.el-tag')?.textContent?.trim(),
      li.querySelector('.message')?.textContent?.trim(),
    ]);
    expect(shown).toEqual(refusals.map((r) => [r.rule, r.message]));
    expect(button('提交').disabled).toBe(true);

    answer = [];
    await tick('公办');
    await pause();
    expect(document.querySelector('.case-refusals')?.textContent).toContain('符合规则，可以提交');
    expect(button('提交').disabled).toBe(false);
    expect(app!.fake.args.checkCase?.at(-1)?.[0]).toMatchObject({
      transfer: { otherSchool: { ownership: '1' } },
    });
  });

  it('checks before opening when the clerk submits before the check answered, and stops at a refusal', async () => {
    await open('/cases/new?kind=death&student=7', { checkCase: refusals.slice(0, 1) });
    await type('case-reason', '因病医治无效死亡');
    await submit();
    expect(app!.fake.calls['openCase']).toBeUndefined();
    expect(document.querySelector('.case-refusals')?.textContent).toContain('TRF-1');
  });

  it('asks for what is missing instead of checking an incomplete form', async () => {
    await open('/cases/new?kind=suspension&student=7');
    await submit();
    expect(app!.fake.calls['checkCase']).toBeUndefined();
    expect(await messageUnder('case-reason')).toBe('请填写申请理由。');
    expect(await messageUnder('suspension-start')).toBe('请选择休学开始日期。');
  });
});
