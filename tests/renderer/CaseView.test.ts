/**
 * 学籍事项: one case's facts and details, recording the awaited step's
 * decision (OPS-3), evidence (upload under its kind, the 2 MB limit before
 * sending, viewing, removing), 撤销 with a reason, and the read-only screen of
 * a closed case or an auditor.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseRecord } from '../../shared/changes/caseRecords';
import { requiredEvidence } from '../../shared/changes/evidence';
import { localDate } from '../../shared/register/identity';
import { failure, removeFakeApi } from './fakeApi';
import { fakePdf } from './fakePdf';
import { auditorSession, clerkSession, nameChangeCase, signedIn } from './fixtures';
import { bodyText, button, type MountedApp, mountApp } from './mountApp';

const pdf = vi.hoisted(() => ({ open: vi.fn() }));
vi.mock('../../renderer/src/composables/pdfPages', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  openPdf: pdf.open,
}));

let app: MountedApp | undefined;

beforeEach(() => {
  document.body.innerHTML = '';
  pdf.open.mockReset();
  pdf.open.mockImplementation(async () => fakePdf());
});

afterEach(() => {
  app?.unmount();
  app = undefined;
  removeFakeApi();
});

const today = localDate(new Date());

/** 休学 of a senior-high student, awaiting the school's decision, without its evidence yet. */
const suspensionCase: CaseRecord = {
  ...nameChangeCase,
  id: 8,
  kind: 'suspension',
  subject: '王浩然（高一（1）班）',
  studentId: 21,
  appliedOn: '2026-09-01',
  dueDate: '2026-09-08',
  dueRule: 'CHG-2',
  daysLeft: -2,
  overdue: true,
  nextApprover: 'school',
  input: {
    kind: 'suspension',
    studentId: 21,
    appliedOn: '2026-09-01',
    reason: '骨折住院治疗',
    ground: 'illness',
    prescribedLeaveDays: 90,
    period: { startDate: '2026-09-07', endDate: '2027-01-20' },
  },
  students: [{ studentId: 21, name: '王浩然', classLabel: '高一（1）班', outcome: null }],
  items: [],
  decisions: [],
  requirements: requiredEvidence('suspension', { suspensionGround: 'illness' }),
  evidence: [],
  missingEvidence: {
    rule: 'CHG-2',
    message:
      '休学还缺少佐证材料：签字盖章的《山西省中小学生休学、复学申请表》；县级以上医院病历或诊断证明（规则 CHG-2）。上传后即可提交审核。',
  },
  form: 'suspensionResumption',
};

const dialog = (title: string): HTMLElement => {
  const found = [...document.querySelectorAll<HTMLElement>('.el-dialog')].find((el) =>
    el.querySelector('.el-dialog__title')?.textContent?.startsWith(title),
  );
  if (!found) throw new Error(`no dialog ${title}`);
  return found;
};

const buttonIn = (root: Element, text: string): HTMLButtonElement => {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`no button ${text}`);
  return found;
};

async function type(id: string, text: string): Promise<void> {
  const input = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await app!.settle();
}

async function confirmBox(label: string): Promise<void> {
  buttonIn(document.querySelector('.el-message-box')!, label).click();
  await new Promise((done) => setTimeout(done, 50));
  await app!.settle();
}

const group = (kind: string): HTMLElement => document.querySelector<HTMLElement>(`.group[data-kind="${kind}"]`)!;

/** Chooses a file for the evidence kind, as the clerk does with 上传. */
async function upload(kind: string, file: File): Promise<void> {
  buttonIn(group(kind), '上传').click();
  const input = document.querySelector<HTMLInputElement>('.evidence-panel input[type="file"]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
  await new Promise((done) => setTimeout(done, 50));
  await app!.settle();
}

describe('学籍事项 facts and details', { timeout: 30_000 }, () => {
  it('shows the kind, number, status, subject linked to the record, deadline, rule, opener and the form', async () => {
    app = await mountApp('/cases/8', { status: signedIn(clerkSession), getCase: suspensionCase });
    expect(app.fake.args.getCase).toEqual([[8]]);
    const header = document.querySelector('.case-header')!.textContent!.replace(/\s+/g, ' ');
    expect(header).toContain('休学 #8');
    expect(header).toContain('办理中');
    const facts = document.querySelector('.case-facts')!;
    expect(facts.querySelector('a')!.getAttribute('href')).toContain('/students/21');
    expect(facts.textContent).toContain('已逾期 2 天（2026年9月8日截止）');
    expect(facts.querySelector('.deadline')!.classList).toContain('danger');
    expect(facts.textContent).toContain('规则 CHG-2：提出申请后一周内办结');
    expect(facts.textContent).toContain('lilaoshi，2026-09-02 09:00 新建');
    expect(facts.textContent).toContain('《山西省中小学生休学、复学申请表》');
    const details = document.querySelector('.case-details')!.textContent!;
    expect(details).toContain('2026年9月7日至2027年1月20日（共 136 天）');
    expect(details).toContain('90 天');
    expect(details).toContain('骨折住院治疗');
  });

  it('lists the basic-information items before and after, and each step with reviewer and the clerk who entered it', async () => {
    app = await mountApp('/cases/3', { status: signedIn(clerkSession) });
    const items = [...document.querySelectorAll('.case-details .el-table__body tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()),
    );
    expect(items).toEqual([['1', '姓名', '李思涵', '李诗涵']]);
    const steps = [...document.querySelectorAll('.steps .el-table__body tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(steps).toEqual([
      ['1', '本校', '同意', '2026-09-02', '王校长', '同意', '—', 'lilaoshi 2026-09-02 10:00'],
      ['2', '县（区）教育局', '待录入', '—', '—', '—', '—', '—'],
    ]);
    expect(bodyText()).toContain('录入审核结果：县（区）教育局');
  });

  it('notes the TRF-3 paper procedure of a senior-high transfer', async () => {
    app = await mountApp('/cases/3', {
      status: signedIn(clerkSession),
      getCase: { ...nameChangeCase, paperProcedure: true },
    });
    expect(bodyText()).toContain('还须按规定办理纸质转学手续（规则 TRF-3）');
  });
});

describe('录入审核结果 (OPS-3)', { timeout: 30_000 }, () => {
  it('OPS-3 records the last step’s decision with every field after the clerk confirms it changes the record', async () => {
    app = await mountApp('/cases/3', { status: signedIn(clerkSession) });
    await type('decision-by', ' 赵局长 ');
    await type('decision-opinion', '同意变更');
    await type('decision-number', '城教学籍〔2026〕12号');
    button('录入：同意').click();
    await app.settle();
    expect(bodyText()).toContain('这是最后一步审核');
    expect(app.fake.calls['recordDecision']).toBeUndefined();
    await confirmBox('录入：同意');
    expect(app.fake.args.recordDecision).toEqual([
      [
        3,
        {
          approver: 'countyBureau',
          outcome: 'approved',
          decidedOn: today,
          decidedBy: '赵局长',
          opinion: '同意变更',
          documentNumber: '城教学籍〔2026〕12号',
        },
      ],
    ]);
    expect(bodyText()).toContain('已办结');
    expect(document.getElementById('decision-by')).toBeNull();
  });

  it('OPS-3 asks for the reviewer, and for the opinion when sending the case back', async () => {
    app = await mountApp('/cases/3', { status: signedIn(clerkSession) });
    document.querySelectorAll<HTMLInputElement>('.decision-form .el-radio input')[1]!.click();
    await app.settle();
    button('录入：退回').click();
    await app.settle();
    await new Promise((done) => setTimeout(done, 150));
    const form = document.querySelector('.decision-form')!.textContent!;
    expect(form).toContain('请填写审核人姓名（规则 OPS-3 谁审核谁负责）');
    expect(form).toContain('退回时请填写审核意见');
    expect(app.fake.calls['recordDecision']).toBeUndefined();
  });

  it('shows core’s refusal of a decision', async () => {
    const refused = failure('RULE_VIOLATION', '审核日期应在2026年9月2日至今天之间（规则 OPS-3），请按纸质材料填写。');
    app = await mountApp('/cases/8', {
      status: signedIn(clerkSession),
      getCase: { ...suspensionCase, missingEvidence: null, steps: ['school', 'countyBureau'] },
      recordDecision: refused,
    });
    await type('decision-by', '王校长');
    button('录入：同意').click();
    await app.settle();
    expect(app.fake.args.recordDecision![0]![1].approver).toBe('school');
    const form = document.querySelector('.decision-form')!.textContent!;
    expect(form).toContain('没有录入');
    expect(form).toContain('审核日期应在2026年9月2日至今天之间（规则 OPS-3）');
  });

  it('CHG-2 blocks approval while evidence is missing, but lets the clerk send the case back', async () => {
    app = await mountApp('/cases/8', { status: signedIn(clerkSession), getCase: suspensionCase });
    const form = document.querySelector('.decision-form')!;
    expect(form.textContent).toContain('休学还缺少佐证材料：签字盖章的《山西省中小学生休学、复学申请表》');
    expect(button('录入：同意').disabled).toBe(true);
    form.querySelectorAll<HTMLInputElement>('.el-radio input')[1]!.click();
    await app.settle();
    expect(button('录入：退回').disabled).toBe(false);
  });
});

describe('佐证材料', { timeout: 30_000 }, () => {
  it('lists what the case needs with the files uploaded under each', async () => {
    app = await mountApp('/cases/3', { status: signedIn(clerkSession) });
    expect(group('signedForm').textContent).toContain('签字盖章的《阳泉市中小学生基本信息变更申请表》');
    expect(group('signedForm').textContent).toContain('必需');
    expect(group('signedForm').textContent).toContain('未上传');
    expect(group('householdRegister').textContent).toContain('至少一项');
    expect(group('householdRegister').textContent).toContain('户口簿.jpg');
    expect(group('householdRegister').textContent).toContain('117 KB · lilaoshi 2026-09-02 09:05 上传');
  });

  it('uploads a file under the kind it was chosen for', async () => {
    app = await mountApp('/cases/8', { status: signedIn(clerkSession), getCase: suspensionCase });
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]);
    await upload('countyHospitalRecord', new File([bytes], '病历.pdf', { type: 'application/pdf' }));
    expect(app.fake.args.addEvidence).toEqual([
      [8, { kind: 'countyHospitalRecord', fileName: '病历.pdf', base64: btoa(String.fromCharCode(...bytes)) }],
    ]);
  });

  it('refuses a file over 2 MB before sending it', async () => {
    app = await mountApp('/cases/8', { status: signedIn(clerkSession), getCase: suspensionCase });
    await upload('signedForm', new File([new Uint8Array(2 * 1024 * 1024 + 1)], '申请表.jpg', { type: 'image/jpeg' }));
    expect(app.fake.calls['addEvidence']).toBeUndefined();
    expect(bodyText()).toContain('“申请表.jpg”有 2.1 MB，超过 2 MB 的上限，请压缩或降低扫描分辨率后再上传。');
  });

  it('shows core’s refusal of a file whose content is not a picture or PDF', async () => {
    app = await mountApp('/cases/8', {
      status: signedIn(clerkSession),
      getCase: suspensionCase,
      addEvidence: failure('RULE_VIOLATION', '文件内容不是 JPG、PNG 或 PDF，请重新扫描后上传。'),
    });
    await upload('signedForm', new File([new Uint8Array([1, 2, 3])], '申请表.png', { type: 'image/png' }));
    expect(bodyText()).toContain('“申请表.png”没有上传');
    expect(bodyText()).toContain('文件内容不是 JPG、PNG 或 PDF');
  });

  it('shows a picture in the app from a blob: URL, and a PDF drawn page by page (no browser plugin)', async () => {
    app = await mountApp('/cases/3', {
      status: signedIn(clerkSession),
      getEvidence: { fileName: '户口簿.jpg', mediaType: 'image/jpeg', base64: '/9j/AAAA' },
    });
    buttonIn(group('householdRegister'), '户口簿.jpg').click();
    await app.settle();
    expect(app.fake.args.getEvidence).toEqual([[11]]);
    const viewer = dialog('户口簿.jpg');
    expect(viewer.querySelector('img')!.getAttribute('src')).toMatch(/^blob:/);
    expect(viewer.querySelector('canvas')).toBeNull();
    app.unmount();
    document.body.innerHTML = '';

    app = await mountApp('/cases/3', {
      status: signedIn(clerkSession),
      getEvidence: { fileName: '户口簿.pdf', mediaType: 'application/pdf', base64: 'JVBERi0x' },
    });
    buttonIn(group('householdRegister'), '户口簿.jpg').click();
    await app.settle();
    expect([...(pdf.open.mock.calls[0]![0] as Uint8Array)]).toEqual([...new TextEncoder().encode('%PDF-1')]);
    const pages = dialog('户口簿.jpg').querySelectorAll('canvas');
    expect([...pages].map((page) => page.getAttribute('aria-label'))).toEqual(['第 1 页']);
    expect(dialog('户口簿.jpg').querySelector('img')).toBeNull();
  });

  it('says a PDF it cannot draw may still be saved and opened elsewhere', async () => {
    pdf.open.mockRejectedValue(new Error('Invalid PDF structure'));
    app = await mountApp('/cases/3', {
      status: signedIn(clerkSession),
      getEvidence: { fileName: '户口簿.pdf', mediaType: 'application/pdf', base64: 'JVBERi0x' },
    });
    buttonIn(group('householdRegister'), '户口簿.jpg').click();
    await app.settle();
    expect(dialog('户口簿.jpg').textContent).toContain('无法在窗口中显示这份 PDF');
    expect(dialog('户口簿.jpg').textContent).toContain('另存为');
  });

  it('removes a file of an open case only after the clerk confirms', async () => {
    app = await mountApp('/cases/3', { status: signedIn(clerkSession) });
    buttonIn(group('householdRegister'), '移除').click();
    await app.settle();
    expect(bodyText()).toContain('移除“户口簿.jpg”？');
    expect(app.fake.calls['removeEvidence']).toBeUndefined();
    await confirmBox('移除');
    expect(app.fake.args.removeEvidence).toEqual([[3, 11]]);
    expect(group('householdRegister').textContent).toContain('未上传');
  });
});

describe('撤销 and read-only screens', { timeout: 30_000 }, () => {
  it('withdraws an open case with the reason the clerk gives', async () => {
    app = await mountApp('/cases/3', { status: signedIn(clerkSession) });
    button('撤销事项').click();
    await app.settle();
    const box = dialog('撤销事项：基本信息变更 #3');
    buttonIn(box, '撤销事项').click();
    await app.settle();
    await new Promise((done) => setTimeout(done, 150));
    expect(box.textContent).toContain('请填写撤销原因');
    expect(app.fake.calls['withdrawCase']).toBeUndefined();
    await type('withdraw-reason', ' 家长撤回申请 ');
    buttonIn(box, '撤销事项').click();
    await app.settle();
    expect(app.fake.args.withdrawCase).toEqual([[3, '家长撤回申请']]);
    expect(bodyText()).toContain('已撤销，学籍未作变更。撤销原因：家长撤回申请');
    expect(document.querySelector('.case-header')!.textContent).not.toContain('撤销事项');
    expect(document.querySelector('.decision-form')).toBeNull();
  });

  it('shows an auditor the case and its evidence without any way to change them', async () => {
    app = await mountApp('/cases/8', {
      status: signedIn(auditorSession),
      getCase: { ...suspensionCase, evidence: nameChangeCase.evidence },
    });
    expect(bodyText()).toContain('休学 #8');
    expect(document.querySelector('.case-header')!.textContent).not.toContain('撤销事项');
    expect(document.querySelector('.decision-form')).toBeNull();
    const panel = document.querySelector('.evidence-panel')!;
    expect([...panel.querySelectorAll('button')].map((b) => b.textContent?.trim())).toEqual(['户口簿.jpg']);
    expect(panel.textContent).not.toContain('不超过 2 MB');
  });

  it('shows a case sent back without the decision form, naming who sent it back', async () => {
    const rejected: CaseRecord = {
      ...nameChangeCase,
      status: 'rejected',
      nextApprover: null,
      daysLeft: null,
      closedAt: '2026-09-04T11:00:00.000',
      decisions: [{ ...nameChangeCase.decisions[0]!, outcome: 'rejected', opinion: '缺少公安机关证明' }],
    };
    app = await mountApp('/cases/3', { status: signedIn(clerkSession), getCase: rejected });
    expect(bodyText()).toContain('本校于2026年9月2日退回，学籍未作变更。如需重新办理，请新建事项。');
    expect(bodyText()).toContain('退回时间');
    expect(document.querySelector('.decision-form')).toBeNull();
    expect(document.querySelectorAll('.evidence-panel button')).toHaveLength(1);
    const steps = document.querySelectorAll('.steps .el-table__body tr');
    expect(steps[1]!.textContent).toContain('未审核');
  });
});
