/**
 * Issuing printed forms (issue 6) on a real installation: the form a case prints, its number
 * 学校标识码-year-sequence and verification code in the frame, in `form_issue` and in the access
 * log, printing and saving logged by number, and the refusals a clerk can meet.
 */
import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../shared/changes/caseRecords';
import { openStorage } from '../../electron/core/storage';
import { pdfText } from '../support/pdfText';
import { base, caseCore, type CaseCore, moveTo, register, studentOf, transfer } from './casesSupport';
import { adminPassword, testStorageOptions } from './fixtures';

async function withStudent(name = '王晓雨') {
  const t = await caseCore([8]);
  const student = await register(t, t.classes[8]!, studentOf(8, 5, { name }));
  return { ...t, student };
}

const phoneChange = (studentId: number): CaseInput => ({
  ...base,
  kind: 'basicInfoChange',
  studentId,
  items: [{ field: 'phone', after: '13912345678' }],
});

async function caseForm(t: CaseCore, input: CaseInput) {
  const opened = await t.call('openCase', input);
  return { opened, form: await t.call('generateForm', { form: 'case', caseId: opened.id }) };
}

const textOf = async (base64: string) => (await pdfText(Buffer.from(base64, 'base64'))).join('\n');

/** The `form_issue` rows, read past the service (the session is ended and resumed). */
async function issueRows(t: CaseCore) {
  await t.call('logout');
  const raw = await openStorage(t.paths, { id: 'account:wangli', secret: adminPassword }, testStorageOptions());
  try {
    return raw.db
      .prepare(
        `SELECT form_number AS formNumber, year, sequence, form, object_type AS objectType, object_id AS objectId,
           verification_code AS verificationCode, length(data_sha256) AS hashLength, pages, issued_by AS issuedBy
         FROM form_issue ORDER BY year, sequence`,
      )
      .all();
  } finally {
    raw.db.close();
    await t.call('login', { userName: 'wangli', password: adminPassword });
  }
}

describe('the form a case prints', () => {
  it('DAT-2 prints the basic-information change form with the student, the change, the number and the code', async () => {
    const t = await withStudent();
    const { form } = await caseForm(t, phoneChange(t.student.id));
    expect(form).toMatchObject({
      form: 'basicInfoChange',
      title: '阳泉市中小学生基本信息变更申请表',
      fileName: '基本信息变更申请表_王晓雨_1114000001-2026-000001.pdf',
      formNumber: '1114000001-2026-000001',
      verificationCode: expect.stringMatching(/^[0-9A-F]{4}-[0-9A-F]{4}$/),
      pages: 1,
    });
    const text = await textOf(form.base64);
    for (const printed of ['阳泉市第一中学', '王晓雨', '13812345678', '13912345678', '经办人：王丽']) {
      expect(text).toContain(printed);
    }
    expect(text).toContain(`表格编号：${form.formNumber}`);
    expect(text).toContain(`校验码：${form.verificationCode}`);
  });

  it('CHG-1 a transfer prints the 转学联系表 and a suspension the 休学、复学申请表', async () => {
    const t = await withStudent();
    const transferOut = await caseForm(t, {
      ...base,
      kind: 'transferOut',
      studentId: t.student.id,
      transfer: transfer(),
    });
    expect(transferOut.form).toMatchObject({ form: 'transferContact', title: '阳泉市中小学转学联系表' });
    expect(transferOut.form.fileName).toBe('转学联系表_王晓雨_1114000001-2026-000001.pdf');
    expect(await textOf(transferOut.form.base64)).toContain('阳泉市第二中学');
    await t.call('withdrawCase', transferOut.opened.id, '家长改变主意');
    const suspension = await caseForm(t, {
      ...base,
      kind: 'suspension',
      studentId: t.student.id,
      ground: 'forceMajeure',
      period: { startDate: '2026-09-01', endDate: '2027-01-20' },
    });
    expect(suspension.form).toMatchObject({ form: 'suspensionResumption', formNumber: '1114000001-2026-000002' });
  });

  it('GRD-1 DAT-1 refuses a case kind that prints no form, saying which cases do', async () => {
    const t = await withStudent();
    const opened = await t.call('openCase', {
      ...base,
      kind: 'rewardPunishmentChange',
      studentId: t.student.id,
      entry: {
        kind: 'reward',
        date: '2026-06-01',
        title: '三好学生',
        level: '5',
        issuer: '阳泉市第一中学',
        reason: '学年表现优秀',
        revokedOn: '',
      },
    });
    await expect(t.call('generateForm', { form: 'case', caseId: opened.id })).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringMatching(/“奖惩记录变更”事项没有要打印的申请表（规则 DAT-1）.*学籍卡/),
    });
    await expect(t.call('generateForm', { form: 'case', caseId: 9999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('form numbers and verification codes', () => {
  it('numbers forms 学校标识码-year-sequence, six digits, restarting on 1 January', async () => {
    const t = await withStudent();
    const opened = await t.call('openCase', phoneChange(t.student.id));
    const issue = async () => (await t.call('generateForm', { form: 'case', caseId: opened.id })).formNumber;
    expect([await issue(), await issue()]).toEqual(['1114000001-2026-000001', '1114000001-2026-000002']);
    await moveTo(t, '2026-12-31T23:50:00+08:00');
    expect(await issue()).toBe('1114000001-2026-000003');
    await moveTo(t, '2027-01-04T08:30:00+08:00');
    expect(await issue()).toBe('1114000001-2027-000001');
  });

  it('gives the same data the same verification code under new numbers, and changed data a new code', async () => {
    const t = await withStudent();
    const opened = await t.call('openCase', phoneChange(t.student.id));
    const first = await t.call('generateForm', { form: 'case', caseId: opened.id });
    const again = await t.call('generateForm', { form: 'case', caseId: opened.id });
    expect(again.formNumber).not.toBe(first.formNumber);
    expect(again.verificationCode).toBe(first.verificationCode);
    const other = await caseForm(t, {
      ...base,
      kind: 'basicInfoChange',
      studentId: t.student.id,
      items: [{ field: 'postalCode', after: '045001' }],
    });
    expect(other.form.verificationCode).not.toBe(first.verificationCode);
  });

  it('records every issued form in form_issue and the access log, with its number, code and pages', async () => {
    const t = await withStudent();
    const { opened, form } = await caseForm(t, phoneChange(t.student.id));
    const events = await t.call('listAuditEvents', { action: 'form.generate', limit: 10, offset: 0 });
    expect(events.rows).toEqual([
      expect.objectContaining({
        userName: 'wangli',
        objectType: 'case',
        objectId: String(opened.id),
        outcome: 'success',
        details: {
          form: 'basicInfoChange',
          formNumber: form.formNumber,
          verificationCode: form.verificationCode,
          pages: 1,
          caseId: opened.id,
          kind: 'basicInfoChange',
        },
      }),
    ]);
    expect(await issueRows(t)).toEqual([
      {
        formNumber: form.formNumber,
        year: 2026,
        sequence: 1,
        form: 'basicInfoChange',
        objectType: 'case',
        objectId: String(opened.id),
        verificationCode: form.verificationCode,
        hashLength: 64,
        pages: 1,
        issuedBy: 'wangli',
      },
    ]);
  });
});

describe('printing and saving', () => {
  it('logs a print and a save with the form number and what it is about', async () => {
    const t = await withStudent();
    const { opened, form } = await caseForm(t, phoneChange(t.student.id));
    await t.call('recordFormOutput', form.formNumber, 'print');
    await t.call('recordFormOutput', form.formNumber, 'save');
    const printed = await t.call('listAuditEvents', { action: 'form.print', limit: 10, offset: 0 });
    const saved = await t.call('listAuditEvents', { action: 'form.save', limit: 10, offset: 0 });
    for (const page of [printed, saved]) {
      expect(page.rows).toEqual([
        expect.objectContaining({
          objectType: 'case',
          objectId: String(opened.id),
          details: { form: 'basicInfoChange', formNumber: form.formNumber },
        }),
      ]);
    }
  });

  it('refuses to log a number that was never issued', async () => {
    const t = await withStudent();
    await expect(t.call('recordFormOutput', '1114000001-2026-000042', 'print')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('找不到表格编号 1114000001-2026-000042 的生成记录'),
    });
    expect((await t.call('listAuditEvents', { action: 'form.print', limit: 1, offset: 0 })).total).toBe(0);
  });
});

describe('refusals before anything is printed', () => {
  it('VOC-2 refuses the 毕业生信息登记表 outside a 中职 school, saying how to correct the school type', async () => {
    const t = await withStudent();
    await expect(
      t.call('generateForm', { form: 'graduateRegistration', studentId: t.student.id }),
    ).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringMatching(/只属于中等职业学校.*（规则 VOC-2）.*改为“中等职业学校”/),
    });
  });

  it('refuses a recovery-code sheet for a code that does not open the recovery slot, and logs the attempt without it', async () => {
    const t = await withStudent();
    const wrong = 'ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567';
    await expect(t.call('recoveryCodeSheet', wrong)).rejects.toMatchObject({
      code: 'WRONG_SECRET',
      message: expect.stringContaining('恢复码不正确'),
    });
    const events = await t.call('listAuditEvents', { action: 'form.generate', limit: 10, offset: 0 });
    expect(events.rows).toEqual([
      expect.objectContaining({
        objectType: 'installation',
        outcome: 'failure',
        details: { form: 'recoveryCode', reason: 'wrong recovery code' },
      }),
    ]);
    expect(JSON.stringify(events.rows)).not.toContain(wrong);
  });
});
