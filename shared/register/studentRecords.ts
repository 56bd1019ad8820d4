/**
 * What the school keeps per student besides the basic information (issue 4
 * item 8): rewards and punishments 奖惩, study history 学习简历, the
 * graduation comment 毕业评语, and the paper-archive checklist 纸质档案
 * (rules SCH-3, VOC-2, GRD-2). Types here; the pure checks beside them.
 */
import { type CodeList, isCode, labelOf } from './codes';
import { localDate, parseDate } from './identity';
import { personNameProblem } from './studentValidation';

/** 奖励 or 处分. */
export type RewardPunishmentKind = 'reward' | 'punishment';

export interface RewardPunishment {
  /** Absent when adding. */
  readonly id?: number;
  readonly kind: RewardPunishmentKind;
  /** 奖惩日期, `YYYY-MM-DD`. */
  readonly date: string;
  /** 奖励名称 / 处分名称, e.g. 三好学生, 警告. */
  readonly title: string;
  /** 级别: a `honourLevels` code (rewards); the school for punishments. */
  readonly level: string;
  /** 奖励单位 / 处分单位 */
  readonly issuer: string;
  /** 奖惩原因 */
  readonly reason: string;
  /** 处分撤销日期 `YYYY-MM-DD`, '' while in force (punishments only). */
  readonly revokedOn: string;
}

/** One line of 学习简历: from when to when, where, in what role, who can confirm it. */
export interface StudyHistoryEntry {
  /** 起始年月 `YYYYMM` */
  readonly fromMonth: string;
  /** 终止年月 `YYYYMM`, '' for “至今”. */
  readonly toMonth: string;
  /** 学习单位 */
  readonly school: string;
  /** 任职 (class monitor …), may be ''. */
  readonly role: string;
  /** 证明人 */
  readonly witness: string;
}

/** 毕业评语 (GRD-2), written by the head teacher. */
export interface GraduationComment {
  readonly text: string;
  /** 评语人 */
  readonly author: string;
  /** 评语日期 `YYYY-MM-DD` */
  readonly date: string;
}

/** One paper item's state in the student's archive (SCH-3). */
export interface ArchiveItemState {
  /** An `archiveItems` code. */
  readonly item: string;
  readonly present: boolean;
  /** 备注, e.g. “复印件，原件在家长处”. */
  readonly note: string;
}

export interface ArchiveItemRecord extends ArchiveItemState {
  /** Who last ticked it, and when; '' for an item never checked. */
  readonly checkedAt: string;
  readonly checkedBy: string;
}

/** Everything of this file that the record screen shows under its tabs. */
export interface StudentRecords {
  readonly rewardsPunishments: readonly Required<RewardPunishment>[];
  readonly studyHistory: readonly StudyHistoryEntry[];
  readonly graduationComment: GraduationComment | null;
  /** Every applicable item, in checklist order, ticked or not. */
  readonly archive: readonly ArchiveItemRecord[];
}

interface ArchiveItemEntry {
  readonly code: string;
  readonly label: string;
  /** VOC-2 items: kept by 中职 schools only. */
  readonly vocationalOnly?: boolean;
}

/** 纸质档案 items per student, in the order of the archive folder (SCH-3; VOC-2 for 中职). */
export const archiveItems = [
  { code: 'registrationForm', label: '学生基本信息表（学籍卡）' },
  { code: 'householdCopy', label: '户口簿户主页和本人页复印件' },
  { code: 'idCopy', label: '身份证件复印件' },
  { code: 'birthCertificate', label: '出生医学证明复印件' },
  { code: 'enrollmentProof', label: '入学材料（录取或入学审批）' },
  { code: 'movementForms', label: '学籍异动审批材料' },
  { code: 'changeForms', label: '基本信息变更申请表及证明' },
  { code: 'rewardsPunishments', label: '奖惩材料' },
  { code: 'moralEvaluation', label: '思想品德评价', vocationalOnly: true },
  { code: 'courseGrades', label: '公共基础课和专业技能课成绩', vocationalOnly: true },
  { code: 'grantsWaivers', label: '国家助学金和免学费材料', vocationalOnly: true },
  { code: 'graduateRegistration', label: '毕业生信息登记表', vocationalOnly: true },
] as const satisfies readonly ArchiveItemEntry[];

/** The checklist of a school: 中职 keep the VOC-2 items too. */
export function archiveItemsFor(vocational: boolean): readonly ArchiveItemEntry[] {
  return archiveItems.filter((entry: ArchiveItemEntry) => vocational || !entry.vocationalOnly);
}

// ---------------------------------------------------------------------------
// Code lists for the record screen

/** 奖励级别 (our codes: an import must match them by label). */
export const honourLevels = [
  { code: '1', label: '国家级' },
  { code: '2', label: '省级' },
  { code: '3', label: '市级' },
  { code: '4', label: '县（区）级', aliases: ['县级', '区级'] },
  { code: '5', label: '校级' },
] as const satisfies CodeList;

/** 处分 are given by the school (《中小学教育惩戒规则（试行）》第十条), so their level is always 校级. */
export const schoolLevel = '5';

const expulsion = '开除学籍';

/**
 * 纪律处分 the school may give (《中小学教育惩戒规则（试行）》第十条), offered in
 * the form; the title stays free text. 开除学籍 only in 高中阶段: compulsory
 * education never expels (《义务教育法》第二十七条). Recording it does not
 * change the student's status: that is a movement (学籍异动).
 */
export const punishmentTitles = ['警告', '严重警告', '记过', '留校察看', expulsion] as const;

export function punishmentTitlesFor(seniorStage: boolean): readonly string[] {
  return punishmentTitles.filter((title) => seniorStage || title !== expulsion);
}

/** 高中阶段: every student of a 中职, and grades 10-12 (高一至高三) elsewhere. */
export function isSeniorStage(grade: number, vocational: boolean): boolean {
  return vocational || grade >= 10;
}

// ---------------------------------------------------------------------------
// Pure checks: field → Chinese message, empty when the input can be saved.

const lengthOf = (text: string) => [...text.trim()].length;

function textProblem(value: string, subject: string, min: number, max: number): string | null {
  const length = lengthOf(value);
  if (length === 0) return `请填写${subject}。`;
  if (length < min) return `${subject}至少 ${min} 个字。`;
  return length > max ? `${subject}不能超过 ${max} 个字（现为 ${length} 个）。` : null;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** A `YYYY-MM-DD` day that is not after today. */
function pastDateProblem(value: string, subject: string, today: Date): string | null {
  const s = value.trim();
  if (s === '') return `请填写${subject}。`;
  if (!isoDay.test(s)) return `${subject}应为“年-月-日”，如 2026-06-01（现为「${s}」）。`;
  if (!parseDate(s)) return `${subject} ${s} 不是有效日期。`;
  return s > localDate(today) ? `${subject} ${s} 晚于今天。` : null;
}

export type RewardPunishmentField = 'date' | 'title' | 'level' | 'issuer' | 'reason' | 'revokedOn';

/**
 * 奖惩 (VOC-2 keeps them in the archive). `seniorStage` (see `isSeniorStage`)
 * allows 开除学籍; without it an expulsion is refused.
 */
export function rewardPunishmentProblems(
  entry: Readonly<RewardPunishment>,
  today: Date,
  options: { readonly seniorStage?: boolean } = {},
): Partial<Record<RewardPunishmentField, string>> {
  const problems: Partial<Record<RewardPunishmentField, string>> = {};
  const report = (field: RewardPunishmentField, message: string | null) => {
    if (message !== null) problems[field] = message;
  };
  const what = entry.kind === 'punishment' ? '处分' : '奖励';
  report('date', pastDateProblem(entry.date, `${what}日期`, today));
  report('title', textProblem(entry.title, `${what}名称`, 2, 50) ?? expulsionProblem(entry, options.seniorStage));
  report('level', levelProblem(entry));
  report('issuer', textProblem(entry.issuer, `${what}单位`, 2, 50));
  report('reason', textProblem(entry.reason, `${what}原因`, 2, 500));
  report('revokedOn', revocationProblem(entry, today));
  return problems;
}

function expulsionProblem(entry: Readonly<RewardPunishment>, seniorStage = false): string | null {
  if (entry.kind !== 'punishment' || seniorStage || !entry.title.includes('开除')) return null;
  return '义务教育阶段不得开除学生（《义务教育法》第二十七条），请选择其他处分。';
}

function levelProblem(entry: Readonly<RewardPunishment>): string | null {
  if (entry.kind === 'punishment') return entry.level === schoolLevel ? null : '处分由学校作出，级别应为“校级”。';
  if (entry.level.trim() === '') return '请选择奖励级别。';
  return isCode(honourLevels, entry.level) ? null : `奖励级别「${entry.level}」不在级别表中，请从列表中选择。`;
}

function revocationProblem(entry: Readonly<RewardPunishment>, today: Date): string | null {
  const revokedOn = entry.revokedOn.trim();
  if (revokedOn === '') return null;
  if (entry.kind === 'reward') return '只有处分才有撤销日期，奖励请留空。';
  const problem = pastDateProblem(revokedOn, '撤销日期', today);
  if (problem) return problem;
  const date = entry.date.trim();
  return isoDay.test(date) && revokedOn < date ? `撤销日期 ${revokedOn} 早于处分日期 ${date}。` : null;
}

export const maxStudyHistoryLines = 30;

export interface StudyHistoryContext {
  readonly today: Date;
  /** 出生日期 `YYYY-MM-DD`, when known: no line starts before the birth month. */
  readonly birthDate?: string;
}

const yearMonthOf = (date: string) => date.slice(0, 7).replace('-', '');

function isYearMonth(text: string): boolean {
  const match = /^(\d{4})(\d{2})$/.exec(text.trim());
  return match !== null && Number(match[1]) >= 1900 && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

function monthProblem(value: string, subject: string, context: StudyHistoryContext): string | null {
  const s = value.trim();
  if (s === '') return `请填写${subject}。`;
  if (!/^\d{6}$/.test(s)) return `${subject}应为 6 位数字的年月，如 201509（现为「${s}」）。`;
  if (!isYearMonth(s)) return `${subject} ${s} 不是有效的年月。`;
  if (s > yearMonthOf(localDate(context.today))) return `${subject} ${s} 晚于本月。`;
  const birthMonth = context.birthDate ? yearMonthOf(context.birthDate) : '';
  return s < birthMonth ? `${subject} ${s} 早于出生年月 ${birthMonth}。` : null;
}

/**
 * 学习简历 (GRD-2), oldest line first: months `YYYYMM`, only the last line
 * may run “至今” (empty 终止年月), lines in order and not overlapping (one
 * may start in the month the previous ended: a transfer). Keys are
 * `studyHistory.<line from 0>.<field>`, or `studyHistory` for the list.
 */
export function studyHistoryProblems(
  entries: readonly StudyHistoryEntry[],
  context: StudyHistoryContext,
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (entries.length > maxStudyHistoryLines) {
    problems['studyHistory'] =
      `学习简历最多 ${maxStudyHistoryLines} 行（现为 ${entries.length} 行），请合并较早的经历。`;
    return problems;
  }
  entries.forEach((entry, index) => {
    const line = `第 ${index + 1} 行`;
    const report = (field: keyof StudyHistoryEntry, message: string | null) => {
      const key = `studyHistory.${index}.${field}`;
      if (message !== null && problems[key] === undefined) problems[key] = message;
    };
    const from = entry.fromMonth.trim();
    const to = entry.toMonth.trim();
    report('fromMonth', monthProblem(from, `${line}的起始年月`, context));
    if (to === '') {
      if (index < entries.length - 1) report('toMonth', `${line}的终止年月不能空着：只有最后一行可以是“至今”。`);
    } else {
      report('toMonth', monthProblem(to, `${line}的终止年月`, context));
      if (isYearMonth(from) && isYearMonth(to) && to < from) {
        report('toMonth', `${line}的终止年月 ${to} 早于起始年月 ${from}。`);
      }
    }
    report('school', textProblem(entry.school, `${line}的学习单位`, 2, 50));
    if (entry.role.trim() !== '') report('role', textProblem(entry.role, `${line}的任职`, 1, 30));
    report('witness', textProblem(entry.witness, `${line}的证明人`, 2, 30));
    const previous = entries[index - 1];
    if (!previous || !isYearMonth(from) || !isYearMonth(previous.fromMonth)) return;
    const previousTo = previous.toMonth.trim();
    if (from < previous.fromMonth.trim()) {
      report('fromMonth', `${line}的起始年月 ${from} 早于上一行，请按时间先后从早到晚填写。`);
    } else if (isYearMonth(previousTo) && from < previousTo) {
      report('fromMonth', `${line}的起始年月 ${from} 早于上一行的终止年月 ${previousTo}，两段经历重叠。`);
    }
  });
  return problems;
}

export const graduationCommentLength = { min: 10, max: 1000 } as const;

/** 毕业评语 (GRD-2): the text, the teacher who wrote it, and when. */
export function graduationCommentProblems(
  comment: Readonly<GraduationComment>,
  today: Date,
): Partial<Record<keyof GraduationComment, string>> {
  const problems: Partial<Record<keyof GraduationComment, string>> = {};
  const { min, max } = graduationCommentLength;
  const text = textProblem(comment.text, '毕业评语', min, max);
  if (text) problems.text = text;
  const author = personNameProblem(comment.author, '评语人');
  if (author) problems.author = `${author}。`;
  const date = pastDateProblem(comment.date, '评语日期', today);
  if (date) problems.date = date;
  return problems;
}

const maxArchiveNoteLength = 100;

/**
 * 纸质档案 ticks (SCH-3): known items only, VOC-2 items only at a 中职, each
 * item once. Keys are `archive.<item code>`.
 */
export function archiveChecklistProblems(
  items: readonly ArchiveItemState[],
  vocational: boolean,
): Record<string, string> {
  const problems: Record<string, string> = {};
  const seen = new Set<string>();
  for (const state of items) {
    const key = `archive.${state.item}`;
    const entry = archiveItems.find((item) => item.code === state.item) as ArchiveItemEntry | undefined;
    const length = lengthOf(state.note);
    if (!entry) problems[key] = `「${state.item}」不是纸质档案清单中的项目。`;
    else if (entry.vocationalOnly && !vocational) {
      problems[key] = `“${entry.label}”只是中等职业学校学生档案的项目（规则 VOC-2）。`;
    } else if (seen.has(state.item)) problems[key] = `“${entry.label}”出现了两次。`;
    else if (length > maxArchiveNoteLength) {
      problems[key] = `“${entry.label}”的备注不能超过 ${maxArchiveNoteLength} 个字（现为 ${length} 个）。`;
    }
    seen.add(state.item);
  }
  return problems;
}

// ---------------------------------------------------------------------------
// One-line texts for the field history (student_history before/after)

/**
 * Every field, so that any edit shows, e.g. `2026-06-01 奖励 三好学生（校级，
 * 阳泉一中）：学年表现优秀` or `2026-03-02 处分 警告（校级，阳泉一中，
 * 2026-09-01 撤销）：多次旷课`.
 */
export function rewardPunishmentText(entry: Readonly<RewardPunishment>): string {
  const level = labelOf(honourLevels, entry.level) ?? entry.level;
  const revoked = entry.revokedOn ? `，${entry.revokedOn} 撤销` : '';
  const kind = entry.kind === 'punishment' ? '处分' : '奖励';
  return `${entry.date} ${kind} ${entry.title}（${level}，${entry.issuer}${revoked}）：${entry.reason}`;
}

/** e.g. `201509-202107 阳泉市实验小学，证明人 王芳；202109-至今 阳泉一中 班长，证明人 李明`. */
export function studyHistoryText(entries: readonly StudyHistoryEntry[]): string {
  return entries
    .map((e) => `${e.fromMonth}-${e.toMonth || '至今'} ${e.school}${e.role ? ` ${e.role}` : ''}，证明人 ${e.witness}`)
    .join('；');
}

export function graduationCommentText(comment: Readonly<GraduationComment> | null): string {
  return comment ? `${comment.text}（${comment.author}，${comment.date}）` : '';
}

export function archiveStateText(state: Pick<ArchiveItemState, 'present' | 'note'>): string {
  return `${state.present ? '有' : '无'}${state.note ? `（${state.note}）` : ''}`;
}

/** The history screen's name for a field these records write, e.g. `archive.idCopy` → 纸质档案：身份证件复印件. */
export function recordFieldLabel(field: string): string | undefined {
  if (field === 'rewardsPunishments') return '奖惩';
  if (field === 'studyHistory') return '学习简历';
  if (field === 'graduationComment') return '毕业评语';
  const item = archiveItems.find((entry) => `archive.${entry.code}` === field);
  return item ? `纸质档案：${item.label}` : undefined;
}
