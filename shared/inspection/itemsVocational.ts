/**
 * The five items of the city's 中职 inspection guideline (INS-1), answered
 * from the school's own data: register office and responsible person
 * (VOC-1), archive items (VOC-2), changes entered promptly (VOC-3), no
 * duplicate registration (VOC-4), changes of flexible-study students
 * (VOC-5). Pure verdict rules.
 */
import { chineseDay, daysBetween } from '../changes/calendar';
import { decisionDays } from '../changes/deadlines';
import type { InspectionFacts } from './facts';
import { caseRow, figure, item, joined, listOf, studentRow } from './itemKit';
import { archiveGapText } from './itemsSchool';
import { duplicatesItem } from './itemsConduct';
import type { InspectionItem } from './report';

/** VOC-3: a new student counts as entered late when registered this long after the first day of the 入学年月. */
export const studentEntryDays = 30;

/** （一）VOC-1: a register office and a responsible person are recorded (the written rules are kept on paper). */
export function officeItem(facts: InspectionFacts): InspectionItem {
  const { registerOffice, registerOfficer, officerPhone } = facts.school;
  const head = { id: 'vocational.office', rules: ['VOC-1'], title: '（一）学籍管理部门、制度和负责人' } as const;
  const missing = [
    registerOffice.trim() === '' ? '学籍管理部门' : null,
    registerOfficer.trim() === '' ? '负责人' : null,
    officerPhone.trim() === '' ? '负责人联系电话' : null,
  ].filter((field): field is string => field !== null);
  const advice = `请管理员在“学校信息”中填写${missing.join('、') || '学籍管理部门和负责人'}（规则 VOC-1）。`;
  const paper = '学籍管理制度和工作条件的书面材料请另行备查';
  if (missing.length === 0) {
    return item(
      head,
      'pass',
      `学籍管理部门：${registerOffice}；负责人：${registerOfficer}（${officerPhone}）；${paper}。`,
      advice,
    );
  }
  const core = registerOffice.trim() === '' || registerOfficer.trim() === '';
  return item(head, core ? 'fail' : 'attention', `学校信息中没有填写${missing.join('、')}；${paper}。`, advice);
}

/** （二）VOC-2: the vocational archive items of current students, and each graduate's 毕业生信息登记表. */
export function vocationalArchiveItem(facts: InspectionFacts): InspectionItem {
  const gaps = facts.vocationalArchive;
  const head = { id: 'vocational.archive', rules: ['VOC-2'], title: '（二）学生学籍档案' } as const;
  const advice =
    '请在学生档案的“纸质档案”页核对思想品德评价、课程成绩、国家助学金和免学费材料；毕业生的毕业生信息登记表可在学生档案中打印后归档（规则 VOC-2）。';
  const basics = '基本信息和奖惩材料见一、学校管理“纸质档案齐全”';
  if (gaps.total === 0) {
    return item(
      head,
      'pass',
      `在读、休学学生的思想品德评价、课程成绩、助学金和免学费材料及毕业生的毕业生信息登记表均已核对齐全；${basics}。`,
      advice,
    );
  }
  return item(
    head,
    'fail',
    `${figure(gaps.total)} 名学生的档案缺少中职学籍档案材料；${basics}。`,
    advice,
    listOf(gaps, (gap) => studentRow(gap, archiveGapText(gap))),
  );
}

/** （三）VOC-3: cases entered within a week of the application; new students within a month of entering school. */
export function entryItem(facts: InspectionFacts): InspectionItem {
  const { cases, students } = facts.lateEntries;
  const head = { id: 'vocational.entry', rules: ['VOC-3'], title: '（三）学籍信息及时录入' } as const;
  const advice =
    '新生信息和转入、转出、留级、休学、退学、注销、复学、死亡等变动，应在发生后及时录入系统并报教育主管部门（规则 VOC-3）。';
  if (cases.total === 0 && students.total === 0) {
    return item(
      head,
      'pass',
      `本期的学籍事项均在申请后 ${decisionDays} 天内录入，新生均在入学后 ${studentEntryDays} 天内登记。`,
      advice,
    );
  }
  return item(
    head,
    'fail',
    `本期 ${figure(cases.total)} 件学籍事项在申请 ${decisionDays} 天后才录入，${figure(students.total)} 名新生在入学 ${studentEntryDays} 天后才登记。`,
    advice,
    joined(
      listOf(cases, (fact) =>
        caseRow(
          fact,
          `${chineseDay(fact.appliedOn)}申请，${chineseDay(fact.openedOn)}才录入（晚 ${daysBetween(fact.appliedOn, fact.openedOn)} 天）`,
        ),
      ),
      listOf(students, (student) =>
        studentRow(
          student,
          `${student.enrollmentMonth.slice(0, 4)}年${Number(student.enrollmentMonth.slice(4))}月入学，${chineseDay(student.registeredOn)}才登记`,
        ),
      ),
    ),
  );
}

/** （四）VOC-4: the duplicate check of 四、其他要求, under the 中职 guideline's wording. */
export const vocationalDuplicatesItem = (facts: InspectionFacts): InspectionItem =>
  duplicatesItem(facts, { id: 'vocational.duplicates', rules: ['VOC-4'], title: '（四）不得重复注册学籍' });

/** （五）VOC-5: flexible-study students transfer, change major or suspend only with the bureau's written consent. */
export function flexibleStudyItem(facts: InspectionFacts): InspectionItem {
  const { students, withoutException, withException } = facts.flexibleStudy;
  const head = { id: 'vocational.changes', rules: ['VOC-5'], title: '（五）学籍变动与信息变更合规' } as const;
  const advice =
    '弹性学习的学生原则上不予转学、转专业或休学；确需办理的，应有教育主管部门书面同意，并在事项中录入同意文件的文号（规则 VOC-5）。';
  const consented = withException > 0 ? `，其中 ${figure(withException)} 件有教育主管部门书面同意` : '';
  if (withoutException.total === 0) {
    return item(
      head,
      'pass',
      students === 0
        ? '没有弹性学习的学生。'
        : withException === 0
          ? `弹性学习学生 ${figure(students)} 人，本期没有其转学、转专业或休学事项。`
          : `弹性学习学生 ${figure(students)} 人，本期其转学、转专业、休学事项 ${figure(withException)} 件，均有教育主管部门书面同意。`,
      advice,
    );
  }
  return item(
    head,
    'fail',
    `弹性学习学生 ${figure(students)} 人，本期 ${figure(withoutException.total)} 件转学、转专业、休学事项没有教育主管部门书面同意${consented}。`,
    advice,
    listOf(withoutException, (fact) => caseRow(fact, '弹性学习学生办理，未录入教育主管部门书面同意文号')),
  );
}
