/**
 * 二、学籍管理 of the city's guidelines, answered from the school's own data
 * (INS-1): （一）学籍注册 (REG-1, REG-2), （二）招生入学 (ENR-1, ENR-2),
 * （三）学生毕业 (GRD-2), （四）学籍异动 (CHG-2, CHG-1), （五）数据维护 (DAT-1).
 * Pure verdict rules.
 */
import { chineseDay, daysBetween } from '../changes/calendar';
import { graduationDeadline, graduationYear } from '../changes/deadlines';
import type { CaseTimeliness, InspectionFacts } from './facts';
import { caseRow, figure, type ItemHead, item, joined, lateText, listOf, overdueText, studentRow } from './itemKit';
import type { InspectionItem } from './report';

const registration = '（一）学籍注册';
const enrollment = '（二）招生入学';
const graduation = '（三）学生毕业';
const movements = '（四）学籍异动';
const maintenance = '（五）数据维护';

/** Days a photo may wait after registration before it counts as missing (ENR-2: “注册完成后，更新学生照片”). */
export const photoGraceDays = 30;

/** REG-1: every current student has a national 学籍号, and no longer a temporary L number. */
export function studentNumberItem(facts: InspectionFacts): InspectionItem {
  const { missing, temporary } = facts.studentNumbers;
  const head = { id: 'register.studentNumber', rules: ['REG-1'], part: registration, title: '全国学籍号' } as const;
  const advice =
    '没有学籍号的学生请在全国学籍系统完成注册后补录学籍号；临时学籍号（L 开头）请在全国系统核验通过后改为正式学籍号（规则 REG-1）。';
  if (facts.students === 0) return item(head, 'notApplicable', '没有在读或休学的学生。', advice);
  if (missing.total === 0 && temporary.total === 0) {
    return item(head, 'pass', `在读、休学学生 ${figure(facts.students)} 人均已有正式学籍号。`, advice);
  }
  const problems = [
    missing.total > 0 ? `${figure(missing.total)} 人没有学籍号` : null,
    temporary.total > 0 ? `${figure(temporary.total)} 人仍是临时学籍号` : null,
  ].filter((text): text is string => text !== null);
  return item(
    head,
    missing.total > 0 ? 'fail' : 'attention',
    `在读、休学学生 ${figure(facts.students)} 人，${problems.join('，')}。`,
    advice,
    joined(
      listOf(missing, (student) => studentRow(student, '没有全国学籍号')),
      listOf(temporary, (student) => studentRow(student, '临时学籍号（L 开头），尚未转为正式学籍号')),
    ),
  );
}

/** REG-2: senior-high students of an ordinary high school have a 学籍辅号. */
export function auxiliaryNumberItem(facts: InspectionFacts, vocational: boolean): InspectionItem {
  const { seniorHigh, missing } = facts.auxiliaryNumbers;
  const head = {
    id: 'register.auxiliaryNumber',
    rules: ['REG-2'],
    part: registration,
    title: '普通高中学籍辅号',
  } as const;
  const advice = '请按省厅规定，在普通高中学生首次注册时分配学籍辅号，并录入学生信息（规则 REG-2）。';
  if (vocational) return item(head, 'notApplicable', '中职学校不分配普通高中学籍辅号。', advice);
  if (seniorHigh === 0) return item(head, 'notApplicable', '学校没有高中年级的在读、休学学生。', advice);
  if (missing.total === 0) return item(head, 'pass', `高中学生 ${figure(seniorHigh)} 人均已有学籍辅号。`, advice);
  return item(
    head,
    'fail',
    `高中学生 ${figure(seniorHigh)} 人，其中 ${figure(missing.total)} 人没有学籍辅号。`,
    advice,
    listOf(missing, (student) => studentRow(student, '没有学籍辅号')),
  );
}

/** ENR-1: the plan of this year's intake is recorded; ENR-2: enrolled within it. */
export function enrollmentPlanItem(facts: InspectionFacts): InspectionItem {
  const { year, plan } = facts.enrollmentPlan;
  const head = { id: 'enrollment.plan', rules: ['ENR-1', 'ENR-2'], part: enrollment, title: '招生计划' } as const;
  if (!plan) {
    const june = facts.today.slice(5, 7) === '06' && Number(facts.today.slice(0, 4)) === year;
    return item(
      head,
      june ? 'attention' : 'fail',
      `${year} 年招生计划尚未录入${june ? '（县（区）教育局每年 6 月初下达）' : ''}。`,
      `请在“招生计划”中录入县（区）教育局下达的 ${year} 年招生计划：招生人数、班额、轨制和招生范围（规则 ENR-1）。`,
    );
  }
  const recorded = `已录入 ${year} 年招生计划：招生 ${figure(plan.places)} 人，班额 ${plan.classSize} 人，${plan.parallelClasses} 轨；已招收 ${figure(plan.enrolled)} 人`;
  if (plan.enrolled <= plan.places) return item(head, 'pass', `${recorded}。`, '');
  return item(
    head,
    'attention',
    `${recorded}，超出计划 ${figure(plan.enrolled - plan.places)} 人。`,
    '超出招生计划招收的，请核实是否已经主管部门审核同意，并保存审核材料（规则 ENR-2）。',
  );
}

/** ENR-2: a photo is taken after registration. */
export function photoItem(facts: InspectionFacts): InspectionItem {
  const { missing, recent } = facts.photos;
  const head = { id: 'enrollment.photo', rules: ['ENR-2'], part: enrollment, title: '学籍照片' } as const;
  const advice = '注册完成后请及时采集学籍照片（浅蓝底，26×32 毫米），在学生档案的“照片”页上传（规则 ENR-2）。';
  if (facts.students === 0) return item(head, 'notApplicable', '没有在读或休学的学生。', advice);
  if (missing.total === 0)
    return item(head, 'pass', `在读、休学学生 ${figure(facts.students)} 人均有学籍照片。`, advice);
  const recentText = recent > 0 ? `（其中 ${figure(recent)} 人是近 ${photoGraceDays} 天登记的）` : '';
  return item(
    head,
    missing.total > recent ? 'fail' : 'attention',
    `在读、休学学生 ${figure(facts.students)} 人，${figure(missing.total)} 人没有学籍照片${recentText}。`,
    advice,
    listOf(missing, (student) => studentRow(student, `没有学籍照片（${chineseDay(student.registeredOn)}登记）`)),
  );
}

/** GRD-2: by 30 June every graduate has a 学习简历 and a 毕业评语. */
export function graduatesItem(facts: InspectionFacts): InspectionItem {
  const { students, incomplete } = facts.graduates;
  const head = {
    id: 'graduation.records',
    rules: ['GRD-2'],
    part: graduation,
    title: '毕业生学习简历和毕业评语',
  } as const;
  const advice = '请在 6 月 30 日前为每名毕业生填写学习简历和毕业评语，并完成毕业生审核（规则 GRD-2）。';
  if (students === 0) return item(head, 'notApplicable', '没有毕业年级的在读、休学学生。', advice);
  const deadline = graduationDeadline(graduationYear(facts.today, facts.terms));
  const days = daysBetween(facts.today, deadline);
  const countdown = days >= 0 ? `距${chineseDay(deadline)}还有 ${days} 天` : `已过${chineseDay(deadline)} ${-days} 天`;
  if (incomplete.total === 0) {
    return item(
      head,
      'pass',
      `毕业年级学生 ${figure(students)} 人，学习简历和毕业评语均已填写；${countdown}。`,
      advice,
    );
  }
  const missingText = (entry: { missingStudyHistory: boolean; missingComment: boolean }): string =>
    `缺${[entry.missingStudyHistory ? '学习简历' : '', entry.missingComment ? '毕业评语' : ''].filter(Boolean).join('、')}`;
  return item(
    head,
    days >= 0 ? 'attention' : 'fail',
    `毕业年级学生 ${figure(students)} 人，${figure(incomplete.total)} 人的学习简历或毕业评语未填写；${countdown}。`,
    advice,
    listOf(incomplete, (student) => studentRow(student, missingText(student))),
  );
}

/**
 * CHG-2, DAT-1 (and CHG-1's deadline): open cases past their due date fail
 * the item; cases decided after it call for attention (done, but late).
 */
export function timelinessItem(head: ItemHead, cases: CaseTimeliness, today: string, advice: string): InspectionItem {
  const exceptions = joined(
    listOf(cases.overdue, (fact) => caseRow(fact, overdueText(fact, today))),
    listOf(cases.late, (fact) => caseRow(fact, lateText(fact))),
  );
  const decided =
    cases.decided === 0
      ? '本期没有办结的事项'
      : `本期办结 ${figure(cases.decided)} 件${cases.late.total > 0 ? `，其中 ${figure(cases.late.total)} 件超过期限才办结` : '，均在期限内'}`;
  const open =
    cases.open === 0
      ? '没有办理中的事项'
      : `办理中 ${figure(cases.open)} 件${cases.overdue.total > 0 ? `，其中 ${figure(cases.overdue.total)} 件已逾期` : '，均未逾期'}`;
  const finding = `${decided}；${open}。`;
  const verdict = cases.overdue.total > 0 ? 'fail' : cases.late.total > 0 ? 'attention' : 'pass';
  return item(head, verdict, finding, advice, exceptions);
}

/** CHG-2: 休学, 复学, 死亡, 出国, 退学 decided within a week of the application. */
export const movementsItem = (facts: InspectionFacts): InspectionItem =>
  timelinessItem(
    { id: 'changes.timely', rules: ['CHG-2'], part: movements, title: '休学、复学、死亡、出国、退学一周内办结' },
    facts.movements,
    facts.today,
    '已逾期的事项请尽快上传佐证材料（签字盖章的审批表、证明材料），报主管教育局审核，并录入审核结果；办理期限为学生提出申请后一周内（规则 CHG-2）。',
  );

/** CHG-1: transfers applied for and done within a month of a semester's start (not for a 中职's own transfers). */
export function transfersItem(facts: InspectionFacts, vocational: boolean): InspectionItem {
  const head = {
    id: 'changes.transfer',
    rules: ['CHG-1'],
    part: movements,
    title: '转学在开学前后一个月内办理',
  } as const;
  const advice =
    '转学只能在每学期开学前后一个月内办理；超出转学时间的，请与县（区）教育局学籍管理部门联系处理，不得为不符合条件的学生办理转学（规则 CHG-1、TRF-1）。';
  if (vocational) {
    return item(
      head,
      'notApplicable',
      '中职学校的转学不按本市中小学转学时间办理（见五、中等职业学校（五））。',
      advice,
    );
  }
  const { transfers, today } = facts;
  const timely = timelinessItem(head, transfers, today, advice);
  const outside = transfers.outsideWindow;
  if (outside.total === 0) return timely;
  return item(
    head,
    'fail',
    `${timely.finding.slice(0, -1)}；${figure(outside.total)} 件不在转学时间内申请。`,
    advice,
    joined(
      listOf(outside, (fact) => caseRow(fact, `${chineseDay(fact.appliedOn)}申请，不在开学前后一个月的转学时间内`)),
      timely.exceptions,
    ),
  );
}

/** DAT-1: basic-information and 奖惩 changes decided within a week of the request. */
export const changeRequestsItem = (facts: InspectionFacts): InspectionItem =>
  timelinessItem(
    { id: 'maintenance.timely', rules: ['DAT-1'], part: maintenance, title: '基本信息和奖惩变更一周内办结' },
    facts.changeRequests,
    facts.today,
    '已逾期的变更申请请尽快报主管教育局审批并录入审核结果，纸质证明材料存入学生纸质档案；办理期限为学生提交申请后一周内（规则 DAT-1、DAT-2）。',
  );
