/**
 * 学籍管理工作自查报告 (INS-1) on a real encrypted database: what the clerk
 * would notice on the screen and in the PDF, from the data the school entered.
 */
import { describe, expect, it } from 'vitest';
import { apiAccess } from '../../shared/api';
import type { CaseInput } from '../../shared/changes/caseRecords';
import type { InspectionItem, SelfInspection } from '../../shared/inspection/report';
import { pdfText } from '../support/pdfText';
import { base, caseCore, type CaseCore, moveTo, register, studentOf } from './casesSupport';
import { setUpCore } from './fixtures';
import { expectInOrder } from './formRendering';
import { writeRaw } from './promotionFixtures';

function itemOf(report: SelfInspection, id: string): InspectionItem {
  const found = report.sections.flatMap((section) => section.items).find((item) => item.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

const suspension = (studentId: number): CaseInput => ({
  ...base,
  kind: 'suspension',
  studentId,
  ground: 'forceMajeure',
  period: { startDate: '2026-09-01', endDate: '2027-01-20' },
});

/** A senior high school with one pupil whose suspension, applied for on 1 September, is still open on 20 September. */
async function schoolWithOverdueSuspension(): Promise<{ t: CaseCore; studentNumber: string }> {
  const t = await caseCore([10]);
  const basics = studentOf(10, 1, { name: '王小明' });
  const studentNumber = `G${basics.idNumber}`;
  const student = await register(t, t.classes[10]!, { ...basics, studentNumber });
  await t.call('openCase', suspension(student.id));
  await moveTo(t, '2026-09-20T08:00:00+08:00');
  return { t, studentNumber };
}

describe('自查报告 (INS-1)', () => {
  it('INS-1 SCH-2 a school with no term set fails the term item and cannot record this term’s verification', async () => {
    const t = await setUpCore();
    const report = await t.call('getSelfInspection');
    expect(itemOf(report, 'school.term')).toMatchObject({ verdict: 'fail', finding: '尚未设置任何学年学期。' });
    expect(itemOf(report, 'school.term').advice).toContain('学年学期设置');
    expect(itemOf(report, 'conduct.verification').verdict).toBe('fail');
    expect(itemOf(report, 'security.accessLog').verdict).toBe('pass');
    expect(report.scope).toMatchObject({ term: null, students: 0, vocational: false });
  });

  it('INS-1 CHG-2 lists an overdue suspension under 学籍异动 as 不符合 with the student’s name and 学籍号', async () => {
    const { t, studentNumber } = await schoolWithOverdueSuspension();
    const report = await t.call('getSelfInspection');
    const movements = report.sections.find((section) => section.id === 'register')!;
    const timely = movements.items.find((item) => item.id === 'changes.timely')!;
    expect(timely.part).toBe('（四）学籍异动');
    expect(timely.verdict).toBe('fail');
    expect(timely.finding).toContain('其中 1 件已逾期');
    expect(timely.exceptions.rows).toEqual([
      expect.objectContaining({
        subject: '王小明',
        classLabel: '高一（1）班',
        studentNumber,
        dueDate: '2026-09-08',
        problem: '休学：2026年9月1日申请，应于2026年9月8日前办结，已逾期 12 天，仍在办理中',
      }),
    ]);
    expect(report.scope).toMatchObject({
      term: '2026-2027学年 第一学期（2026年9月1日至2026年9月20日）',
      students: 1,
      cases: 1,
    });
    // The pupil has no 学籍辅号, no photo and no archive checked yet: the items say so by name.
    expect(itemOf(report, 'register.auxiliaryNumber').exceptions.rows[0]?.subject).toBe('王小明');
    expect(itemOf(report, 'enrollment.photo').verdict).toBe('attention');
    expect(itemOf(report, 'school.archive').verdict).toBe('fail');
  });

  it('INS-1 logs each reading of the report (it names students) and keeps it from auditors', async () => {
    const { t } = await schoolWithOverdueSuspension();
    const report = await t.call('getSelfInspection');
    const events = await t.call('listAuditEvents', { action: 'inspection.view', limit: 5, offset: 0 });
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0]).toMatchObject({ userName: 'wangli', objectId: '1114000001' });
    expect(events.rows[0]?.details).toMatchObject({ summary: report.summary });
    expect(apiAccess.getSelfInspection).toEqual(['admin', 'clerk']);
  });

  it('INS-1 OPS-3 a tampered access log makes the log item 不符合, naming the row', async () => {
    const { t } = await schoolWithOverdueSuspension();
    await writeRaw(t, (db) => {
      db.exec('DROP TRIGGER audit_log_no_update');
      db.prepare("UPDATE audit_log SET user_name = 'someone' WHERE seq = 4").run();
    });
    const item = itemOf(await t.call('getSelfInspection'), 'security.accessLog');
    expect(item.verdict).toBe('fail');
    expect(item.exceptions.rows[0]).toMatchObject({ subject: '第 4 条记录' });
    expect(item.finding).toContain('第 4 条记录的内容被改动');
  });

  it('INS-1 OPS-2 flags two records with the same name, birth date and sex for review', async () => {
    const t = await caseCore([10]);
    await register(t, t.classes[10]!, studentOf(10, 1, { name: '李芳' }));
    await register(t, t.classes[10]!, studentOf(10, 2, { name: '李芳' }));
    const item = itemOf(await t.call('getSelfInspection'), 'conduct.duplicates');
    expect(item.verdict).toBe('attention');
    expect(item.exceptions.rows[0]?.problem).toMatch(/^姓名、出生日期和性别相同（李芳 2010-03-01）的记录 2 条/);
  });

  it('INS-1 VOC-1 adds the five items of the 中职 guideline for a vocational school', async () => {
    const t = await caseCore([], { type: '360', provincialModel: false });
    const report = await t.call('getSelfInspection');
    const vocational = report.sections.at(-1)!;
    expect(vocational.title).toBe('五、中等职业学校学籍管理');
    expect(vocational.items.map((item) => item.rules[0])).toEqual(['VOC-1', 'VOC-2', 'VOC-3', 'VOC-4', 'VOC-5']);
    expect(vocational.items[0]).toMatchObject({ verdict: 'pass' });
    expect(vocational.items[0]?.finding).toContain('学籍管理部门：学籍室；负责人：王丽');
    expect(itemOf(report, 'changes.transfer').verdict).toBe('notApplicable');
  });

  it('INS-1 prints the report through the form service: title, sections, verdicts, the exception, advice, signatures', async () => {
    const { t } = await schoolWithOverdueSuspension();
    const form = await t.call('generateForm', { form: 'selfInspection' });
    expect(form).toMatchObject({ form: 'selfInspection', title: '学籍管理工作自查报告' });
    expect(form.fileName).toMatch(/^学籍管理工作自查报告_2026-09-20_1114000001-2026-\d{6}\.pdf$/);
    const text = (await pdfText(Buffer.from(form.base64, 'base64'))).join('\n');
    expectInOrder(text, [
      '阳泉市第一中学学籍管理工作自查报告',
      '自查时间',
      '2026年9月20日',
      // The 自查范围 value wraps round its label: its first line is read before the label.
      '2026-2027学年 第一学期',
      '自查范围',
      '第一部分 自查情况',
      '一、学校管理',
      '学年学期设置',
      '二、学籍管理',
      '（四）学籍异动',
      '规则 CHG-2',
      '三、安全保障',
      '四、其他要求',
      '第二部分 自查结论',
      '不符合',
      '需关注',
      '符合',
      '不适用',
      '合计',
      '第三部分 整改建议',
      '学籍员签字',
      '学校负责人签字',
      '附：问题清单',
      '二、学籍管理（四）学籍异动·休学、复学、死亡、出国、退学一周内办结（不符合，共 1 条）',
      '王小明',
      '已逾期 12 天',
    ]);
    const events = await t.call('listAuditEvents', { action: 'form.generate', limit: 5, offset: 0 });
    expect(events.rows[0]?.details).toMatchObject({ form: 'selfInspection', formNumber: form.formNumber });
  });
});
