/**
 * 四、其他要求 of the city's guidelines, answered from the school's own data
 * (INS-1): the clerk logs in every school day (OPS-1), 一人一籍 with no
 * duplicate records (OPS-2), departed students processed (OPS-2 籍随人走),
 * and every record confirmed this term (VER-1, 人籍一致). Pure verdict rules.
 */
import { addDays, chineseDay, daysBetween } from '../changes/calendar';
import { isSchoolDay, missedSchoolDays, weekdayOf } from '../dashboard';
import { labelOf, studentStatuses } from '../register/codes';
import { termLabel } from '../register/terms';
import type { DuplicateGroup, InspectionFacts } from './facts';
import {
  caseRow,
  figure,
  type InspectionPeriod,
  type ItemHead,
  item,
  joined,
  listOf,
  overdueText,
  studentRow,
} from './itemKit';
import { type InspectionException, type InspectionItem, inspectionListLimit } from './report';

/** Missed school days that may still be public holidays (not known to the app): more than these fail OPS-1. */
export const toleratedMissedDays = 5;

const weekdays = ['一', '二', '三', '四', '五', '六', '日'];

/** OPS-1: a login on every school day (Monday to Friday inside a term) of the period, up to yesterday. */
export function loginItem(facts: InspectionFacts, period: InspectionPeriod): InspectionItem {
  const head = { id: 'conduct.login', rules: ['OPS-1'], title: '学籍员每天登录系统' } as const;
  const advice = `学籍员须每个工作日登录系统，及时掌握和处理学籍变动等业务（规则 OPS-1）；法定节假日可不计。`;
  if (!period.term) {
    return item(
      head,
      'attention',
      '没有设置学期，无法按学校工作日统计登录情况。',
      `${advice}请先设置学年学期（规则 SCH-2）。`,
    );
  }
  const from = facts.firstDay > period.from ? facts.firstDay : period.from;
  let schoolDays = 0;
  for (let day = from; day < facts.today; day = addDays(day, 1)) if (isSchoolDay(day, facts.terms)) schoolDays += 1;
  if (schoolDays === 0) {
    return item(
      head,
      'pass',
      `${termLabel(period.term)}到昨天为止还没有要统计的学校工作日（学期刚开始或系统刚启用）。`,
      advice,
    );
  }
  const missed = missedSchoolDays(from, facts.today, facts.loginDays, facts.terms);
  const finding = `${termLabel(period.term)}到昨天为止的学校工作日（周一至周五）${schoolDays} 天，其中 ${missed.length} 天无人登录（法定节假日未扣除）。`;
  const rows: InspectionException[] = [...missed]
    .reverse()
    .slice(0, inspectionListLimit)
    .map((day) => ({
      subject: `${chineseDay(day)}（星期${weekdays[weekdayOf(day) - 1]}）`,
      classLabel: '',
      studentNumber: '',
      problem: '学校工作日无人登录',
      dueDate: null,
      studentId: null,
      caseId: null,
    }));
  const verdict = missed.length === 0 ? 'pass' : missed.length <= toleratedMissedDays ? 'attention' : 'fail';
  return item(head, verdict, finding, advice, { total: missed.length, rows });
}

const duplicateKindText: Readonly<Record<DuplicateGroup['kind'], string>> = {
  idNumber: '身份证件号',
  studentNumber: '学籍号',
  identity: '姓名、出生日期和性别',
};

function duplicateRow(group: DuplicateGroup): InspectionException {
  const names = [...new Set(group.students.map((student) => student.name))].join('、');
  const records = group.students
    .map((student) => `${student.classLabel} ${labelOf(studentStatuses, student.status) ?? student.status}`)
    .join('；');
  return {
    subject: names,
    classLabel: '',
    studentNumber: group.students.find((student) => student.studentNumber !== '')?.studentNumber ?? '',
    problem: `${duplicateKindText[group.kind]}相同（${group.value}）的记录 ${group.students.length} 条：${records}`,
    dueDate: null,
    studentId: group.students[0]?.studentId ?? null,
    caseId: null,
  };
}

/** OPS-2 一人一籍 (and VOC-4 for 中职): no two records of one student. */
export function duplicatesItem(facts: InspectionFacts, head: ItemHead): InspectionItem {
  const { numbers, identity } = facts.duplicates;
  const advice =
    '同一学生只能有一个学籍（一人一籍）：请核实后保留正确的记录，其余的通过学籍异动或信息变更处理；姓名、出生日期和性别相同但确是两名学生的，核实后可不处理（规则 OPS-2）。';
  if (numbers.total === 0 && identity.total === 0) {
    return item(
      head,
      'pass',
      '全部学生记录（含已离校）中，没有身份证件号、学籍号相同的记录，也没有姓名、出生日期和性别都相同的记录。',
      advice,
    );
  }
  return item(
    head,
    numbers.total > 0 ? 'fail' : 'attention',
    `全部学生记录（含已离校）中，身份证件号或学籍号相同的 ${figure(numbers.total)} 组，姓名、出生日期和性别都相同的 ${figure(identity.total)} 组（可能是同名同日出生的两名学生，请核实）。`,
    advice,
    joined(listOf(numbers, duplicateRow), listOf(identity, duplicateRow)),
  );
}

/**
 * OPS-2 籍随人走, 不得虚挂学籍: a departure (转出, 退学, 死亡, 出国) still open
 * past its due date leaves the student counted as 在读; a 休学 period that
 * ended without 复学 leaves the record saying something the school no longer knows.
 */
export function departuresItem(facts: InspectionFacts): InspectionItem {
  const { overdue, suspensionEnded } = facts.departures;
  const head = { id: 'conduct.departures', rules: ['OPS-2'], title: '离校学生及时办理学籍异动' } as const;
  const advice =
    '已离校的学生应及时办理学籍异动，不得虚挂学籍（籍随人走）；休学期满的学生请办理复学，或按实际情况办理退学等异动（规则 OPS-2、CHG-2）。';
  if (overdue.total === 0 && suspensionEnded.total === 0) {
    return item(
      head,
      'pass',
      '没有超过办理期限仍未办结的转出、退学、死亡、出国事项，也没有休学期满未复学的学生。',
      advice,
    );
  }
  return item(
    head,
    overdue.total > 0 ? 'fail' : 'attention',
    `${figure(overdue.total)} 件转出、退学、死亡、出国事项超过办理期限仍未办结（学生仍记为在读）；${figure(suspensionEnded.total)} 名学生休学期满尚未办理复学或其他异动。`,
    advice,
    joined(
      listOf(overdue, (fact) => caseRow(fact, overdueText(fact, facts.today))),
      listOf(suspensionEnded, (student) =>
        studentRow(
          student,
          `休学期至${chineseDay(student.endDate)}已满 ${daysBetween(student.endDate, facts.today)} 天，未办理复学或其他异动`,
        ),
      ),
    ),
  );
}

/** VER-1 (人籍一致): every current record confirmed at least once in the term. */
export function verificationItem(facts: InspectionFacts, period: InspectionPeriod): InspectionItem {
  const { verified, unverified } = facts.verification;
  const head = { id: 'conduct.verification', rules: ['VER-1'], title: '每学期核对学籍（人籍一致）' } as const;
  const advice = '请在“学籍核对”中逐班核对每名学生的信息与本人一致并确认；每学期至少核对一次（规则 VER-1）。';
  if (!period.term) return item(head, 'fail', '没有设置学期，无法记录本学期的学籍核对（规则 SCH-2）。', advice);
  if (facts.students === 0) return item(head, 'notApplicable', '没有在读或休学的学生。', advice);
  const term = termLabel(period.term);
  if (unverified.total === 0) {
    return item(head, 'pass', `${term}在读、休学学生 ${figure(facts.students)} 人均已核对。`, advice);
  }
  const ended = period.term.endDate < facts.today;
  const when = ended
    ? `该学期已于${chineseDay(period.term.endDate)}结束`
    : `本学期${chineseDay(period.term.endDate)}结束，还剩 ${daysBetween(facts.today, period.term.endDate)} 天`;
  return item(
    head,
    ended ? 'fail' : 'attention',
    `${term}已核对 ${figure(verified)} 人，还有 ${figure(unverified.total)} 人未核对；${when}。`,
    advice,
    listOf(unverified, (student) => studentRow(student, `${term}尚未核对`)),
  );
}
