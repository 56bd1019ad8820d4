/**
 * 学籍管理工作自查报告 (rule INS-1): the items of the city's guidelines in
 * their order, each answered by its verdict rule from the facts core read,
 * and the counts per verdict. Pure: the same facts give the same report.
 */
import { isVocational } from '../register/school';
import type { InspectionFacts } from './facts';
import { inspectionPeriod, periodText } from './itemKit';
import { accessLogItem, archiveItem, passwordItem, schoolProfileItem, termItem } from './itemsSchool';
import {
  auxiliaryNumberItem,
  changeRequestsItem,
  enrollmentPlanItem,
  graduatesItem,
  movementsItem,
  photoItem,
  studentNumberItem,
  transfersItem,
} from './itemsRegister';
import { departuresItem, duplicatesItem, loginItem, verificationItem } from './itemsConduct';
import {
  entryItem,
  flexibleStudyItem,
  officeItem,
  vocationalArchiveItem,
  vocationalDuplicatesItem,
} from './itemsVocational';
import { type InspectionSection, type SelfInspection, verdictCounts } from './report';

/** The sections of the 中小学 guideline, and for a 中职 school the vocational guideline's five items. */
export function inspectionSections(facts: InspectionFacts): InspectionSection[] {
  const vocational = isVocational(facts.school);
  const period = inspectionPeriod(facts.terms, facts.today, facts.firstDay);
  const sections: InspectionSection[] = [
    { id: 'school', title: '一、学校管理', items: [schoolProfileItem(facts), termItem(facts), archiveItem(facts)] },
    {
      id: 'register',
      title: '二、学籍管理',
      items: [
        studentNumberItem(facts),
        auxiliaryNumberItem(facts, vocational),
        enrollmentPlanItem(facts),
        photoItem(facts),
        graduatesItem(facts),
        movementsItem(facts),
        transfersItem(facts, vocational),
        changeRequestsItem(facts),
      ],
    },
    { id: 'security', title: '三、安全保障', items: [passwordItem(facts), accessLogItem(facts.auditChain)] },
    {
      id: 'conduct',
      title: '四、其他要求',
      items: [
        loginItem(facts, period),
        duplicatesItem(facts, { id: 'conduct.duplicates', rules: ['OPS-2'], title: '一人一籍（无重复学籍）' }),
        departuresItem(facts),
        verificationItem(facts, period),
      ],
    },
  ];
  if (!vocational) return sections;
  return [
    ...sections,
    {
      id: 'vocational',
      title: '五、中等职业学校学籍管理',
      items: [
        officeItem(facts),
        vocationalArchiveItem(facts),
        entryItem(facts),
        vocationalDuplicatesItem(facts),
        flexibleStudyItem(facts),
      ],
    },
  ];
}

/** The whole report; `inspectedAt` is the moment core read the facts (ISO 8601 with offset). */
export function selfInspection(facts: InspectionFacts, inspectedAt: string): SelfInspection {
  const sections = inspectionSections(facts);
  const period = inspectionPeriod(facts.terms, facts.today, facts.firstDay);
  return {
    schoolName: facts.school.name,
    schoolCode: facts.school.code,
    inspectedAt,
    today: facts.today,
    scope: {
      term: period.term ? periodText(period, facts.today) : null,
      from: period.from,
      to: facts.today,
      students: facts.students,
      classes: facts.classes,
      cases: facts.casesOpened,
      vocational: isVocational(facts.school),
    },
    sections,
    summary: verdictCounts(sections),
  };
}
