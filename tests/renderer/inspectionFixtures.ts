/** 自查报告 (INS-1) as core answers it in renderer tests: one item of each verdict, an overdue case and a student listed. */
import type { InspectionItem, SelfInspection } from '../../shared/inspection/report';

const noExceptions = { total: 0, rows: [] };

const termItem: InspectionItem = {
  id: 'school.term',
  rules: ['SCH-2'],
  part: null,
  title: '学年学期设置',
  verdict: 'pass',
  finding: '今天在2026-2027学年 第一学期（2026年9月1日至2027年1月20日）内。',
  advice: null,
  exceptions: noExceptions,
};

const archiveItem: InspectionItem = {
  id: 'school.archive',
  rules: ['SCH-3'],
  part: null,
  title: '纸质档案齐全',
  verdict: 'fail',
  finding: '在读、休学学生 120 人，31 人的纸质档案不齐全。',
  advice: '请对照每名学生的纸质档案逐项核对（规则 SCH-3）。',
  exceptions: {
    total: 31,
    rows: [
      {
        subject: '李小红',
        classLabel: '一年级（1）班',
        studentNumber: 'G140302201903011022',
        problem: '缺：出生医学证明复印件',
        dueDate: null,
        studentId: 12,
        caseId: null,
      },
    ],
  },
};

const movementsItem: InspectionItem = {
  id: 'changes.timely',
  rules: ['CHG-2'],
  part: '（四）学籍异动',
  title: '休学、复学、死亡、出国、退学一周内办结',
  verdict: 'fail',
  finding: '本期没有办结的事项；办理中 1 件，其中 1 件已逾期。',
  advice: '已逾期的事项请尽快报主管教育局审核（规则 CHG-2）。',
  exceptions: {
    total: 1,
    rows: [
      {
        subject: '周子涵',
        classLabel: '一年级（2）班',
        studentNumber: '',
        problem: '休学：2026年9月1日申请，应于2026年9月8日前办结，已逾期 12 天，仍在办理中',
        dueDate: '2026-09-08',
        studentId: 5,
        caseId: 5,
      },
    ],
  },
};

const photoItem: InspectionItem = {
  id: 'enrollment.photo',
  rules: ['ENR-2'],
  part: '（二）招生入学',
  title: '学籍照片',
  verdict: 'attention',
  finding: '在读、休学学生 120 人，2 人没有学籍照片（其中 2 人是近 30 天登记的）。',
  advice: '注册完成后请及时采集学籍照片（规则 ENR-2）。',
  exceptions: noExceptions,
};

const graduatesItem: InspectionItem = {
  id: 'graduation.records',
  rules: ['GRD-2'],
  part: '（三）学生毕业',
  title: '毕业生学习简历和毕业评语',
  verdict: 'notApplicable',
  finding: '没有毕业年级的在读、休学学生。',
  advice: null,
  exceptions: noExceptions,
};

export const selfInspectionReport: SelfInspection = {
  schoolName: '阳泉市城区实验小学',
  schoolCode: '1114000001',
  inspectedAt: '2026-09-20T08:00:00+08:00',
  today: '2026-09-20',
  scope: {
    term: '2026-2027学年 第一学期（2026年9月1日至2026年9月20日）',
    from: '2026-09-01',
    to: '2026-09-20',
    students: 120,
    classes: 3,
    cases: 4,
    vocational: false,
  },
  sections: [
    { id: 'school', title: '一、学校管理', items: [termItem, archiveItem] },
    { id: 'register', title: '二、学籍管理', items: [photoItem, graduatesItem, movementsItem] },
  ],
  summary: { pass: 1, attention: 1, fail: 2, notApplicable: 1 },
};
