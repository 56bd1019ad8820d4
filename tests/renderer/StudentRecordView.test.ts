/**
 * 学生档案 beyond the basic information: the ENR-2 acknowledgement at
 * registration, the record's tabs (照片, 奖惩 through approval, 学习简历, 毕业评语, 纸质档案),
 * 调班, and 审计员 reading it all without changing anything. Longer than
 * our usual file: one screen, one fixture set, one group of helpers.
 * The crop frame's arithmetic is tested on its own in photoCrop.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnrollmentWarning } from '../../shared/register/enrollment';
import { localDate } from '../../shared/register/identity';
import { photoCropProblem } from '../../shared/register/photos';
import type { SchoolClass, StudentRecord } from '../../shared/register/students';
import { validateStudentBasics } from '../../shared/register/studentValidation';
import StudentForm from '../../renderer/src/components/StudentForm.vue';
import { basicsToSave, editableBasics } from '../../renderer/src/format/register';
import { failure, removeFakeApi } from './fakeApi';
import { auditorSession, clerkSession, girlBasics, girlRecord, nameChangeCase, signedIn } from './fixtures';
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

const dialog = (title: string): HTMLElement => {
  const found = [...document.querySelectorAll<HTMLElement>('.el-dialog')].find((el) =>
    el.querySelector('.el-dialog__title')?.textContent?.startsWith(title),
  );
  if (!found) throw new Error(`no dialog ${title}`);
  return found;
};

const buttonIn = (root: HTMLElement, text: string): HTMLButtonElement => {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`no button ${text}`);
  return found;
};

async function type(input: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<void> {
  input.value = text;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new FocusEvent('blur'));
  await app!.settle();
}

const byId = (id: string) => document.getElementById(id) as HTMLInputElement;

async function openTab(label: string): Promise<void> {
  const tab = [...document.querySelectorAll<HTMLElement>('.el-tabs__item')].find((el) =>
    el.textContent?.startsWith(label),
  );
  if (!tab) throw new Error(`no tab ${label}`);
  tab.click();
  await app!.settle();
}

const activePane = (): HTMLElement => document.querySelector<HTMLElement>('.el-tab-pane[aria-hidden="false"]')!;

/** Picks an option of the Element Plus select holding the input with this id. */
async function choose(id: string, label: string): Promise<void> {
  (document.getElementById(id)!.closest('.el-select__wrapper') as HTMLElement).click();
  await app!.settle();
  const option = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find(
    (el) =>
      el.textContent?.trim() === label &&
      el.closest('.el-select-dropdown')?.closest('[style*="display: none"]') === null,
  );
  option!.click();
  await app!.settle();
}

/** The message under the form item holding this element, after Element Plus' 100 ms debounce. */
async function messageUnder(element: Element): Promise<string> {
  await new Promise((done) => setTimeout(done, 150));
  return element.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim() ?? '';
}

const record = (changes: Partial<StudentRecord>): StudentRecord => ({ ...girlRecord, ...changes });

describe('ENR-2 acknowledgement at registration', { timeout: 30_000 }, () => {
  const warnings: EnrollmentWarning[] = [
    { kind: 'overClassSize', message: '一年级（2）班班额 45 人，已有 45 人。' },
    { kind: 'outsideZone', message: '户口所在地 140311 不在本校招生区域内。' },
  ];
  // A complete form, set through the form's model so the test does not depend on its layout.
  const basics = { ...editableBasics(girlBasics), onlyChild: '1', preschool: '1' };

  async function fillAndRegister(): Promise<void> {
    expect(validateStudentBasics(basicsToSave(basics), { today: new Date() })).toEqual({});
    const form = app!.wrapper.findComponent(StudentForm);
    form.vm.$emit('update:basics', basics);
    form.vm.$emit('update:classId', 1);
    await app!.settle();
    button('登记').click();
    await app!.settle();
  }

  it('ENR-2 registers only after the clerk confirms the warnings, sending their kinds', async () => {
    app = await mountApp('/students/new', { status: signedIn(clerkSession), checkEnrollment: warnings });
    await fillAndRegister();
    expect(app.fake.args.checkEnrollment?.[0]?.[0]).toBe(1);
    expect(app.fake.calls['registerStudent']).toBeUndefined();
    const box = dialog('登记前请核实');
    expect(box.textContent).toContain('一年级（2）班班额 45 人，已有 45 人。');
    expect(box.textContent).toContain('户口所在地 140311 不在本校招生区域内。');
    const confirm = buttonIn(box, '确认登记');
    expect(confirm.disabled).toBe(true);
    box.querySelector<HTMLElement>('.el-checkbox input')!.click();
    await app.settle();
    expect(confirm.disabled).toBe(false);
    confirm.click();
    await app.settle();
    const [classId, sent, kinds] = app.fake.args.registerStudent![0]!;
    expect(classId).toBe(1);
    expect(sent.name).toBe('李思涵');
    expect(kinds).toEqual(['overClassSize', 'outsideZone']);
    expect(app.router.currentRoute.value.path).toBe('/students/7');
  });

  it('ENR-2 registers straight away when there is nothing to acknowledge', async () => {
    app = await mountApp('/students/new', { status: signedIn(clerkSession) });
    await fillAndRegister();
    expect(app.fake.args.registerStudent?.[0]?.[2]).toEqual([]);
    expect(bodyText()).not.toContain('登记前请核实');
  });

  it('ENR-2 shows core’s refusal when it still refuses after the confirmation', async () => {
    const refused = failure('RULE_VIOLATION', '一年级（2）班已满 46 人，超过班额，请重新核实（规则 ENR-2）。');
    app = await mountApp('/students/new', {
      status: signedIn(clerkSession),
      checkEnrollment: warnings,
      registerStudent: refused,
    });
    await fillAndRegister();
    dialog('登记前请核实').querySelector<HTMLElement>('.el-checkbox input')!.click();
    await app.settle();
    button('确认登记').click();
    await app.settle();
    expect(app.fake.calls['registerStudent']).toBe(1);
    expect(bodyText()).toContain('没有登记');
    expect(bodyText()).toContain('超过班额，请重新核实');
    expect(app.router.currentRoute.value.path).toBe('/students/new');
  });
});

describe('学生档案 header and 照片', { timeout: 30_000 }, () => {
  it('shows the placeholder 无照片 when the record has no photo', async () => {
    app = await mountApp('/students/7', { status: signedIn(clerkSession) });
    const header = document.querySelector('.record-header')!;
    expect(header.textContent).toContain('李思涵');
    expect(header.textContent).toContain('一年级（2）班 · 女 · 在读 · 学籍号 未分配');
    expect(header.querySelector('[role="img"]')?.textContent).toContain('无照片');
    expect(app.fake.calls['getStudentPhoto']).toBeUndefined();
  });

  it('shows the stored photo with its size in KB and pixels', async () => {
    const photo = {
      sha256: 'ab'.repeat(32),
      bytes: 24_000,
      width: 358,
      height: 441,
      updatedAt: '2026-09-03T09:30:00.000',
      updatedBy: 'lilaoshi',
    };
    app = await mountApp('/students/7', {
      status: signedIn(clerkSession),
      getStudent: record({ photo, hasPhoto: true }),
      getStudentPhoto: { mimeType: 'image/jpeg', base64: '/9j/AAAA' },
    });
    expect(document.querySelector('.record-header img')?.getAttribute('src')).toBe('data:image/jpeg;base64,/9j/AAAA');
    await openTab('照片');
    const pane = activePane();
    const img = pane.querySelector('img')!;
    expect([img.style.width, img.style.height]).toEqual(['179px', '220px']);
    expect(pane.textContent).toContain('23 KB · 358 × 441 像素');
    expect(pane.textContent).toContain('浅蓝色背景，26 × 32 毫米，358 × 441 像素');
  });

  it('imports a picture and sends a whole-pixel 26:32 crop where the clerk dragged the frame', async () => {
    app = await mountApp('/students/7', { status: signedIn(clerkSession) });
    await openTab('照片');
    const input = activePane().querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.accept).toBe('.jpg,.jpeg,.png');
    Object.defineProperty(input, 'files', { value: [pngFile('证件照.png', 1000, 1500)], configurable: true });
    input.dispatchEvent(new Event('change'));
    await new Promise((done) => setTimeout(done, 50));
    await app.settle();

    const crop = dialog('裁剪照片');
    expect(crop.textContent).toContain('1000 × 1231 像素');
    // The picture is shown at 0.24 (1500 px into 360): 24 screen pixels down is 100 source pixels.
    const frame = crop.querySelector<HTMLElement>('.frame')!;
    frame.dispatchEvent(new PointerEvent('pointerdown', { clientX: 100, clientY: 100, bubbles: true }));
    window.dispatchEvent(new PointerEvent('pointermove', { clientX: 100, clientY: 124 }));
    window.dispatchEvent(new PointerEvent('pointerup', { clientX: 100, clientY: 124 }));
    await app.settle();
    buttonIn(crop, '确定').click();
    await app.settle();

    const [id, upload] = app.fake.args.setStudentPhoto![0]!;
    expect(id).toBe(7);
    expect(upload.fileName).toBe('证件照.png');
    expect(upload.base64).toBe(pngFile('x', 1000, 1500).base64);
    expect(upload.crop).toEqual({ left: 0, top: 235, width: 1000, height: 1231 });
    expect(photoCropProblem(upload.crop!, 1000, 1500)).toBeNull();
  });

  it('keeps the crop dialog open with core’s refusal', async () => {
    const refused = failure('RULE_VIOLATION', '这张照片压缩到最低画质仍超过 60 KB，请换一张背景更干净的照片。');
    app = await mountApp('/students/7', { status: signedIn(clerkSession), setStudentPhoto: refused });
    await openTab('照片');
    const input = activePane().querySelector<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(input, 'files', { value: [pngFile('a.png', 600, 800)], configurable: true });
    input.dispatchEvent(new Event('change'));
    await new Promise((done) => setTimeout(done, 50));
    await app.settle();
    buttonIn(dialog('裁剪照片'), '确定').click();
    await app.settle();
    expect(dialog('裁剪照片').textContent).toContain('照片没有保存');
    expect(dialog('裁剪照片').textContent).toContain('仍超过 60 KB');
  });
});

describe('奖惩, 学习简历, 毕业评语, 纸质档案', { timeout: 30_000 }, () => {
  it('DAT-1 asks for a new reward through a 奖惩记录变更 case and shows core’s field message in the dialog', async () => {
    const refused = failure('FIELD_ERRORS', '有 1 项需要改正', {
      'entry.issuer': '奖励单位不能只写“学校”，请写全称。',
    });
    let answer: ReturnType<typeof failure> | null = refused;
    app = await mountApp('/students/7', {
      status: signedIn(clerkSession),
      openCase: (input) => answer ?? { ...nameChangeCase, id: 12, kind: input.kind, input },
    });
    await openTab('奖惩');
    buttonIn(activePane(), '申请新增奖惩').click();
    await app.settle();
    await type(byId('reward-title'), '三好学生');
    await choose('reward-level', '市级');
    await type(byId('reward-issuer'), '学校');
    await type(byId('reward-reason'), '学年表现优秀');
    buttonIn(dialog('申请新增奖惩'), '提交申请').click();
    await app.settle();
    expect(app.fake.calls['openCase']).toBeUndefined();
    expect(await messageUnder(byId('reward-change-reason'))).toBe('请填写申请理由。');
    await type(byId('reward-change-reason'), '获奖证书已交学校存档');
    buttonIn(dialog('申请新增奖惩'), '提交申请').click();
    await app.settle();
    expect(await messageUnder(byId('reward-issuer'))).toBe('奖励单位不能只写“学校”，请写全称。');

    answer = null;
    await type(byId('reward-issuer'), '阳泉市教育局');
    expect(await messageUnder(byId('reward-issuer'))).toBe('');
    buttonIn(dialog('申请新增奖惩'), '提交申请').click();
    await app.settle();
    expect(app.fake.args.openCase![1]).toEqual([
      {
        kind: 'rewardPunishmentChange',
        studentId: 7,
        entry: {
          kind: 'reward',
          date: today,
          title: '三好学生',
          level: '3',
          issuer: '阳泉市教育局',
          reason: '学年表现优秀',
          revokedOn: '',
        },
        appliedOn: today,
        reason: '获奖证书已交学校存档',
      },
    ]);
    // Nothing is recorded before the approval: the clerk is told where the case is.
    expect(activePane().textContent).toContain('已提交奖惩变更申请（事项 #12），审批通过后记入档案。');
    expect(activePane().querySelector('a[href="/cases/12"]')).not.toBeNull();
    expect(activePane().textContent).toContain('没有奖惩记录');
  });

  it('saves the study history in the order the clerk set, with the last line 至今', async () => {
    const first = { fromMonth: '202209', toMonth: '202507', school: '阳泉市城区幼儿园', role: '', witness: '王芳' };
    app = await mountApp('/students/7', {
      status: signedIn(clerkSession),
      getStudent: record({ studyHistory: [first] }),
    });
    await openTab('学习简历');
    buttonIn(activePane(), '添加一行').click();
    await app.settle();
    const cell = (line: number, field: string) =>
      activePane().querySelector<HTMLInputElement>(`input[data-cell="studyHistory.${line}.${field}"]`)!;
    expect(cell(1, 'toMonth').placeholder).toBe('至今');
    await type(cell(1, 'fromMonth'), '202509');
    await type(cell(1, 'school'), '阳泉市实验小学');
    await type(cell(1, 'witness'), '李明');
    // Moved up, the open-ended line is no longer last: the live check says so and nothing is sent.
    buttonIn(activePane().querySelectorAll<HTMLElement>('.el-table__body tr')[1]!, '上移').click();
    await app.settle();
    buttonIn(activePane(), '保存学习简历').click();
    await app.settle();
    expect(app.fake.calls['saveStudyHistory']).toBeUndefined();
    expect(activePane().textContent).toContain('第 1 行的终止年月不能空着');
    buttonIn(activePane().querySelectorAll<HTMLElement>('.el-table__body tr')[1]!, '上移').click();
    await app.settle();
    buttonIn(activePane(), '保存学习简历').click();
    await app.settle();
    expect(app.fake.args.saveStudyHistory).toEqual([
      [7, [first, { fromMonth: '202509', toMonth: '', school: '阳泉市实验小学', role: '', witness: '李明' }]],
    ]);
  });

  it('shows core’s studyHistory.N.field message in that cell', async () => {
    const refused = failure('FIELD_ERRORS', '有 1 项需要改正', {
      'studyHistory.0.witness': '第 1 行的证明人应写全名。',
    });
    const line = { fromMonth: '202209', toMonth: '', school: '阳泉市城区幼儿园', role: '', witness: '王老师' };
    app = await mountApp('/students/7', {
      status: signedIn(clerkSession),
      getStudent: record({ studyHistory: [line] }),
      saveStudyHistory: refused,
    });
    await openTab('学习简历');
    const witness = activePane().querySelector<HTMLInputElement>('input[data-cell="studyHistory.0.witness"]')!;
    await type(witness, '王芳');
    buttonIn(activePane(), '保存学习简历').click();
    await app.settle();
    const cell = witness.closest('td')!;
    expect(cell.querySelector('.cell-error')?.textContent).toBe('第 1 行的证明人应写全名。');
    expect(activePane().textContent).toContain('学习简历没有保存');
  });

  it('GRD-2 saves the graduation comment with its author and date', async () => {
    app = await mountApp('/students/7', { status: signedIn(clerkSession) });
    await openTab('毕业评语');
    const text = '该生尊敬师长，团结同学，学习认真，积极参加集体活动。';
    await type(document.querySelector<HTMLTextAreaElement>('#comment-text')!, text);
    expect(activePane().textContent).toContain(`${text.length} / 1000`);
    await type(byId('comment-author'), '张丽');
    buttonIn(activePane(), '保存毕业评语').click();
    await app.settle();
    expect(app.fake.args.saveGraduationComment).toEqual([[7, { text, author: '张丽', date: today }]]);
  });

  it('SCH-3 sends only the archive items the clerk changed and shows completeness', async () => {
    app = await mountApp('/students/7', {
      status: signedIn(clerkSession),
      saveArchiveChecklist: (id, items) =>
        record({
          id,
          archive: girlRecord.archive.map((stored) => {
            const changed = items.find((item) => item.item === stored.item);
            return changed ? { ...changed, checkedAt: '2026-11-27T09:00:00.000', checkedBy: 'lilaoshi' } : stored;
          }),
        }),
    });
    expect(bodyText()).toContain('纸质档案（已齐 0/8 项）');
    await openTab('纸质档案');
    const row = (label: string) =>
      [...activePane().querySelectorAll<HTMLElement>('.el-table__body tr')].find((tr) =>
        tr.textContent?.includes(label),
      )!;
    row('身份证件复印件').querySelector<HTMLElement>('.el-checkbox input')!.click();
    row('户口簿户主页和本人页复印件').querySelector<HTMLElement>('.el-checkbox input')!.click();
    await app.settle();
    await type(row('户口簿户主页和本人页复印件').querySelector('input:not([type="checkbox"])')!, '复印件');
    buttonIn(activePane(), '保存核对结果').click();
    await app.settle();
    expect(app.fake.args.saveArchiveChecklist).toEqual([
      [
        7,
        [
          { item: 'householdCopy', present: true, note: '复印件' },
          { item: 'idCopy', present: true, note: '' },
        ],
      ],
    ]);
    expect(bodyText()).toContain('纸质档案（已齐 2/8 项）');
    expect(row('身份证件复印件').textContent).toContain('lilaoshi 2026-11-27 09:00');
  });
});

describe('调班', { timeout: 30_000 }, () => {
  const firstGrade: SchoolClass[] = [
    { id: 1, grade: 1, number: 2, label: '一年级（2）班', headTeacher: '张丽', capacity: 45, studentCount: 44 },
    { id: 3, grade: 1, number: 1, label: '一年级（1）班', headTeacher: '', capacity: 45, studentCount: 40 },
    { id: 4, grade: 1, number: 3, label: '一年级（3）班', headTeacher: '', capacity: 45, studentCount: 45 },
    { id: 2, grade: 7, number: 1, label: '七年级（1）班', headTeacher: '', capacity: 50, studentCount: 30 },
  ];

  it('offers the other classes of the grade, full ones disabled, and needs a reason', async () => {
    app = await mountApp('/students/7', {
      status: signedIn(clerkSession),
      listClasses: firstGrade,
      changeClass: (request) =>
        record({
          classId: request.classId,
          classLabel: '一年级（1）班',
          history: [
            {
              field: 'classId',
              before: '一年级（2）班',
              after: '一年级（1）班',
              at: '2026-11-27T09:00:00.000',
              by: 'lilaoshi',
            },
            ...girlRecord.history,
          ],
        }),
    });
    button('调班').click();
    await app.settle();
    const box = dialog('调班');
    const choices = [...box.querySelectorAll<HTMLElement>('.el-radio')];
    expect(choices.map((c) => c.textContent?.replace(/\s+/g, ''))).toEqual([
      '一年级（1）班40/45人',
      '一年级（3）班45/45人，已满',
    ]);
    expect(choices[1]!.querySelector('input')!.disabled).toBe(true);
    choices[0]!.querySelector('input')!.click();
    await app.settle();
    buttonIn(box, '确定调班').click();
    await app.settle();
    expect(app.fake.calls['changeClass']).toBeUndefined();
    expect(await messageUnder(byId('class-change-reason'))).toBe('请填写调班原因。');
    await type(byId('class-change-reason'), '家长申请，与双胞胎姐姐同班');
    buttonIn(box, '确定调班').click();
    await app.settle();
    expect(app.fake.args.changeClass).toEqual([[{ studentId: 7, classId: 3, reason: '家长申请，与双胞胎姐姐同班' }]]);
    expect(bodyText()).toContain('已将 李思涵 调入一年级（1）班');
    expect(document.querySelector('.record-header')?.textContent).toContain('一年级（1）班');
    await openTab('修改记录');
    const first = [...activePane().querySelectorAll('.el-table__body tr')][0]!;
    expect([...first.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent?.trim())).toEqual([
      '班级',
      '一年级（2）班',
      '一年级（1）班',
    ]);
  });
});

describe('审计员', { timeout: 30_000 }, () => {
  it('reads every tab without a button or field that changes the record', async () => {
    app = await mountApp('/students/7', {
      status: signedIn(auditorSession),
      getStudent: record({
        studyHistory: [{ fromMonth: '202509', toMonth: '', school: '阳泉市实验小学', role: '', witness: '李明' }],
        graduationComment: { text: '该生尊敬师长，团结同学。', author: '张丽', date: '2026-06-20' },
      }),
    });
    for (const label of ['编辑', '调班']) expect(() => button(label)).toThrow();
    await openTab('照片');
    expect(activePane().querySelector('input[type="file"]')).toBeNull();
    expect(activePane().textContent).not.toContain('导入照片');
    await openTab('奖惩');
    expect(activePane().textContent).not.toContain('新增');
    await openTab('学习简历');
    expect(activePane().querySelector('input')).toBeNull();
    expect(activePane().textContent).toContain('至今');
    await openTab('毕业评语');
    expect(activePane().querySelector('textarea')).toBeNull();
    expect(activePane().textContent).toContain('该生尊敬师长，团结同学。');
    await openTab('纸质档案');
    expect(activePane().querySelector('.el-checkbox')).toBeNull();
    expect(activePane().querySelectorAll('button')).toHaveLength(0);
  });
});

/** A PNG's signature and header chunk: enough for the browser to know its size. */
function pngFile(name: string, width: number, height: number): File & { base64: string } {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 2, 0, 0, 0], 24);
  const file = new File([bytes], name, { type: 'image/png' });
  return Object.assign(file, { base64: btoa(String.fromCharCode(...bytes)) });
}
