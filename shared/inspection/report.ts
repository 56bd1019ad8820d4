/**
 * 学籍管理工作自查报告 (rule INS-1) as it crosses the contract: for each item
 * of the city's inspection guidelines (the 中小学 sections 一 to 四, and for a
 * 中职 school the five vocational items), what the school's own data shows,
 * as a verdict, a one-sentence finding with figures, advice when the item is
 * not met, and the students or cases behind it. The screen and the PDF show
 * the same object.
 */
import type { RuleId } from '../changes/cases';

/** 符合 / 需关注 / 不符合 / 不适用. */
export type Verdict = 'pass' | 'attention' | 'fail' | 'notApplicable';

export const verdictLabels: Readonly<Record<Verdict, string>> = {
  pass: '符合',
  attention: '需关注',
  fail: '不符合',
  notApplicable: '不适用',
};

/** The order verdicts are counted and shown in. */
export const verdictOrder: readonly Verdict[] = ['fail', 'attention', 'pass', 'notApplicable'];

/** The rules an item answers: DOMAIN.md's, plus the ones it has beyond the changes folder. */
export type InspectionRule =
  RuleId | 'SCH-1' | 'SCH-3' | 'REG-1' | 'ENR-1' | 'ENR-2' | 'SEC-2' | 'OPS-1' | 'VER-1' | 'VOC-1' | 'VOC-2' | 'VOC-4';

/** How many students, cases or days an item lists; the count says how many more there are. */
export const inspectionListLimit = 30;

/** One student, case, account or day listed under an item: who or what, and what is wrong. */
export interface InspectionException {
  /** 姓名; a case's subject (name and class when it was opened); an account; a day. */
  readonly subject: string;
  /** 年级班级, '' when it does not apply. */
  readonly classLabel: string;
  /** 全国学籍号, '' when none or not a student. */
  readonly studentNumber: string;
  /** What is wrong, e.g. “纸质档案缺：户口簿户主页和本人页复印件”. */
  readonly problem: string;
  /** A case's 办理期限 `YYYY-MM-DD`; null otherwise. */
  readonly dueDate: string | null;
  /** For the screen's links to the record or the case. */
  readonly studentId: number | null;
  readonly caseId: number | null;
}

/** At most `inspectionListLimit` rows of `total`. */
export interface ExceptionList {
  readonly total: number;
  readonly rows: readonly InspectionException[];
}

export interface InspectionItem {
  /** Stable key, e.g. `school.term`. */
  readonly id: string;
  readonly rules: readonly InspectionRule[];
  /** The guideline's part the item belongs to, e.g. （一）学籍注册; null when the section has none. */
  readonly part: string | null;
  /** 检查项目, e.g. 学年学期设置. */
  readonly title: string;
  readonly verdict: Verdict;
  /** One sentence with the figures, e.g. “在读、休学学生 1,204 人，均已核对纸质档案。”. */
  readonly finding: string;
  /** 整改建议: what to do; null when the item is met or does not apply. */
  readonly advice: string | null;
  readonly exceptions: ExceptionList;
}

export interface InspectionSection {
  readonly id: 'school' | 'register' | 'security' | 'conduct' | 'vocational';
  /** e.g. 一、学校管理. */
  readonly title: string;
  readonly items: readonly InspectionItem[];
}

/** 自查范围: the period the case figures cover, and the size of the school. */
export interface InspectionScope {
  /** The term in progress, or the last one begun; null when no term was ever set (SCH-2). */
  readonly term: string | null;
  /** First day the period's figures count from (the term's start, else the installation's first day). */
  readonly from: string;
  readonly to: string;
  /** 在读 and 休学 students (CHG-3 keeps the suspended in the pool). */
  readonly students: number;
  /** Classes with such students. */
  readonly classes: number;
  /** Register cases opened in the period. */
  readonly cases: number;
  /** 中职: the five vocational items are added. */
  readonly vocational: boolean;
}

export type VerdictCounts = Readonly<Record<Verdict, number>>;

export interface SelfInspection {
  readonly schoolName: string;
  readonly schoolCode: string;
  /** 自查时间 (ISO 8601 with offset). */
  readonly inspectedAt: string;
  /** Core's day `YYYY-MM-DD`, every figure is as of it. */
  readonly today: string;
  readonly scope: InspectionScope;
  readonly sections: readonly InspectionSection[];
  readonly summary: VerdictCounts;
}

/** Counts of each verdict over the items. */
export function verdictCounts(sections: readonly InspectionSection[]): VerdictCounts {
  const counts: Record<Verdict, number> = { pass: 0, attention: 0, fail: 0, notApplicable: 0 };
  for (const item of sections.flatMap((section) => section.items)) counts[item.verdict] += 1;
  return counts;
}

/** “不符合 2 项，需关注 3 项，符合 11 项”; 不适用 last, only when there are any. */
export function summaryText(counts: VerdictCounts): string {
  return verdictOrder
    .filter((verdict) => verdict !== 'notApplicable' || counts.notApplicable > 0)
    .map((verdict) => `${verdictLabels[verdict]} ${counts[verdict]} 项`)
    .join('，');
}
