/**
 * 学年学期设置 (rule SCH-2): school years and semesters with their dates.
 * The current term drives transfer windows and reminders later on.
 */

export interface Term {
  readonly id: number;
  /** 学年, e.g. `2026-2027`. */
  readonly schoolYear: string;
  /** 学期: 1 第一学期 (autumn), 2 第二学期 (spring). */
  readonly semester: 1 | 2;
  /** YYYY-MM-DD, inclusive. */
  readonly startDate: string;
  /** YYYY-MM-DD, inclusive. */
  readonly endDate: string;
}

export type TermInput = Omit<Term, 'id'> & { readonly id?: number };

export function termLabel(term: Pick<Term, 'schoolYear' | 'semester'>): string {
  return `${term.schoolYear}学年 ${term.semester === 1 ? '第一学期' : '第二学期'}`;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

function realDate(text: string): Date | null {
  const match = isoDate.exec(text);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text ? date : null;
}

const dayMs = 86_400_000;

/**
 * Problems with a term, in Chinese, by field (`schoolYear`, `startDate`,
 * `endDate`, `semester`); empty when it can be saved. `others` are the
 * terms already kept (the one being edited is skipped by id).
 */
export function termProblems(term: TermInput, others: readonly Term[]): Record<string, string> {
  const problems: Record<string, string> = {};
  const year = /^(\d{4})-(\d{4})$/.exec(term.schoolYear);
  if (!year || Number(year[2]) !== Number(year[1]) + 1) {
    problems['schoolYear'] = '学年应写成“2026-2027”这样前后相差一年的形式。';
  }
  if (term.semester !== 1 && term.semester !== 2) problems['semester'] = '请选择第一学期或第二学期。';
  const start = realDate(term.startDate);
  const end = realDate(term.endDate);
  if (!start) problems['startDate'] = '请填写有效的开学日期。';
  if (!end) problems['endDate'] = '请填写有效的学期结束日期。';
  if (start && end) {
    const days = (end.getTime() - start.getTime()) / dayMs + 1;
    if (days < 60 || days > 240) problems['endDate'] = `学期长度为 ${days} 天，应在 60 至 240 天之间，请核对日期。`;
  }
  if (year && start && !problems['startDate']) {
    // 第一学期 starts in the first calendar year of the school year (autumn), 第二学期 in the second.
    const expectedYear = Number(year[1]) + (term.semester === 2 ? 1 : 0);
    if (start.getUTCFullYear() !== expectedYear) {
      problems['startDate'] = `${termLabel(term)}应在 ${expectedYear} 年开学。`;
    }
  }
  for (const other of others) {
    if (other.id === term.id) continue;
    if (other.schoolYear === term.schoolYear && other.semester === term.semester) {
      problems['semester'] = `${termLabel(term)}已经设置过，请直接修改它。`;
    } else if (start && end && term.startDate <= other.endDate && other.startDate <= term.endDate) {
      problems['startDate'] = `日期与${termLabel(other)}（${other.startDate} 至 ${other.endDate}）重叠。`;
    }
  }
  return problems;
}

/** The term whose dates include `today` (YYYY-MM-DD), or null. */
export function currentTerm(terms: readonly Term[], today: string): Term | null {
  return terms.find((term) => term.startDate <= today && today <= term.endDate) ?? null;
}

/** SCH-2 reminder for the dashboard and the terms screen; null when today falls in a term. */
export function termReminder(terms: readonly Term[], today: string): string | null {
  if (currentTerm(terms, today)) return null;
  const next = terms.filter((term) => term.startDate > today).sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
  return next
    ? `今天（${today}）不在任何已设置的学期内；下一学期${termLabel(next)}于 ${next.startDate} 开始。假期中可以忽略此提醒。`
    : `今天（${today}）不在任何已设置的学期内，请在“学年学期设置”中设置本学期（规则 SCH-2）。`;
}

/** What the 学年学期设置 screen and the reminder show. */
export interface TermsOverview {
  readonly terms: readonly Term[];
  readonly current: Term | null;
  readonly reminder: string | null;
}
