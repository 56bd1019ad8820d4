/**
 * 一、学校管理 and 三、安全保障 of the city's guidelines, answered from the
 * school's own data (INS-1): school information (SCH-1), the term (SCH-2),
 * paper archives (SCH-3); the password policy (SEC-2) and the access log
 * (OPS-3: who entered what stays provable). Pure verdict rules.
 */
import { chineseDay } from '../changes/calendar';
import { type PasswordPolicy, policyProblems } from '../passwordPolicy';
import { archiveItems } from '../register/studentRecords';
import { currentTerm, termLabel } from '../register/terms';
import type { AuditChainStatus } from '../audit';
import type { ArchiveGap, InspectionFacts } from './facts';
import { figure, item, listOf, studentRow } from './itemKit';
import type { InspectionItem } from './report';

const archiveLabel = (code: string): string => archiveItems.find((entry) => entry.code === code)?.label ?? code;

/** “缺：户口簿户主页和本人页复印件、出生医学证明复印件”. */
export const archiveGapText = (gap: ArchiveGap): string => `缺：${gap.missing.map(archiveLabel).join('、')}`;

/** SCH-1: every field the rules read is filled in; its last change is in the access log. */
export function schoolProfileItem(facts: InspectionFacts): InspectionItem {
  const { school, schoolChange } = facts;
  const needed = [
    school.type === null ? '学校类型' : null,
    school.ownership === null ? '办学类型（公办/民办）' : null,
  ].filter((field): field is string => field !== null);
  const wanted = [
    school.enrollmentZone.trim() === '' ? '招生区域' : null,
    school.registerOffice.trim() === '' ? '学籍管理办公室' : null,
    school.registerOfficer.trim() === '' ? '学籍管理负责人' : null,
    school.officerPhone.trim() === '' ? '负责人联系电话' : null,
  ].filter((field): field is string => field !== null);
  const missing = [...needed, ...wanted];
  const change = schoolChange
    ? `最近一次由${schoolChange.by}修改于${chineseDay(schoolChange.at.slice(0, 10))}，已记入访问日志`
    : '启用以来没有修改过学校信息';
  const head = { id: 'school.profile', rules: ['SCH-1'], title: '学校信息完整并及时变更' } as const;
  const advice = `请管理员在“学校信息”中补填：${missing.join('、')}（规则 SCH-1；学校类型、公办民办和招生区域是转学“四不转”检查的依据）。`;
  if (missing.length === 0)
    return item(
      head,
      'pass',
      `学校名称、标识码、类型、办学类型、招生区域和学籍管理负责人均已填写；${change}。`,
      advice,
    );
  return item(head, needed.length > 0 ? 'fail' : 'attention', `学校信息缺少${missing.join('、')}；${change}。`, advice);
}

/** SCH-2: today is in a term; in a holiday, the next term is already set. */
export function termItem(facts: InspectionFacts): InspectionItem {
  const { terms, today } = facts;
  const head = { id: 'school.term', rules: ['SCH-2'], title: '学年学期设置' } as const;
  const advice = '请在“学年学期设置”中设置本学期的学年、学期和起止日期；每学期开学初设置一次（规则 SCH-2）。';
  const current = currentTerm(terms, today);
  if (current) {
    return item(
      head,
      'pass',
      `今天在${termLabel(current)}（${chineseDay(current.startDate)}至${chineseDay(current.endDate)}）内。`,
      advice,
    );
  }
  const next = terms.filter((term) => term.startDate > today).sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
  if (next) {
    return item(
      head,
      'pass',
      `今天在假期中；下一学期${termLabel(next)}已设置，${chineseDay(next.startDate)}开学。`,
      advice,
    );
  }
  const finding =
    terms.length === 0
      ? '尚未设置任何学年学期。'
      : `今天（${chineseDay(today)}）不在任何已设置的学期内，也没有设置下一学期。`;
  return item(head, 'fail', finding, advice);
}

/** SCH-3: every current student's paper archive has the items that apply to them. */
export function archiveItem(facts: InspectionFacts): InspectionItem {
  const { students, archive } = facts;
  const head = { id: 'school.archive', rules: ['SCH-3'], title: '纸质档案齐全' } as const;
  const advice =
    '请对照每名学生的纸质档案逐项核对，在学生档案的“纸质档案”页勾选已有的材料；缺少的材料请向家长或原学校补齐（规则 SCH-3）。';
  if (students === 0) return item(head, 'notApplicable', '没有在读或休学的学生。', advice);
  const incomplete = archive.incomplete.total;
  if (incomplete === 0) {
    return item(head, 'pass', `在读、休学学生 ${figure(students)} 人，纸质档案均已核对齐全。`, advice);
  }
  const neverChecked = students - archive.checked;
  const unchecked =
    neverChecked === students
      ? '；系统中还没有核对过任何学生的纸质档案'
      : neverChecked > 0
        ? `，其中 ${figure(neverChecked)} 人尚未在系统中核对过纸质档案`
        : '';
  return item(
    head,
    'fail',
    `在读、休学学生 ${figure(students)} 人，${figure(incomplete)} 人的纸质档案不齐全${unchecked}。`,
    advice,
    listOf(archive.incomplete, (gap) => studentRow(gap, archiveGapText(gap))),
  );
}

/** Weaker than common practice (DOMAIN.md “Security norms”): change every 90 days, lock after 5 failures. */
const weakerThanPractice = (policy: PasswordPolicy): boolean => policy.rotationDays > 90 || policy.maxFailures > 5;

/** SEC-2: rotation, complexity and lockout as configured; no enabled account with an expired password. */
export function passwordItem(facts: InspectionFacts): InspectionItem {
  const { policy, expired } = facts.password;
  const head = { id: 'security.password', rules: ['SEC-2'], title: '账号密码定期修改' } as const;
  const setting =
    `密码至少 ${policy.minLength} 位且含三类字符，每 ${policy.rotationDays} 天须更换（到期前 ${policy.warningDays} 天提醒），` +
    `不得重复最近 ${policy.historySize} 个；连续 ${policy.maxFailures} 次登录失败锁定 ${policy.lockoutMinutes} 分钟；` +
    `无操作 ${policy.idleLockMinutes} 分钟自动锁屏`;
  const exceptions = {
    total: expired.length,
    rows: expired.map((account) => ({
      subject: `${account.displayName}（${account.userName}）`,
      classLabel: '',
      studentNumber: '',
      problem: `密码已于${chineseDay(account.since)}过期，下次登录须先修改`,
      dueDate: null,
      studentId: null,
      caseId: null,
    })),
  };
  const problems = policyProblems(policy);
  if (problems.length > 0) {
    return item(
      head,
      'fail',
      `密码策略超出允许范围：${problems.join('')}`,
      '请管理员在“密码与安全策略”中恢复有效的设置（规则 SEC-2）。',
      exceptions,
    );
  }
  const notes = [
    weakerThanPractice(policy) ? '宽于通行做法（90 天更换、5 次失败锁定）' : null,
    expired.length > 0 ? `${expired.length} 个启用的账号密码已过期` : null,
  ].filter((note): note is string => note !== null);
  if (notes.length === 0) return item(head, 'pass', `${setting}。`, '');
  return item(
    head,
    'attention',
    `${setting}；${notes.join('；')}。`,
    '请管理员在“密码与安全策略”中把密码有效期设为不超过 90 天、失败锁定次数不超过 5 次；密码过期的账号请本人登录后按提示修改，不再使用的账号请停用（规则 SEC-2）。',
    exceptions,
  );
}

/** The access log's hash chain and anchor are intact (OPS-3: who entered what stays provable). */
export function accessLogItem(chain: AuditChainStatus): InspectionItem {
  const head = { id: 'security.accessLog', rules: ['OPS-3'], title: '访问日志完整、未被改动' } as const;
  const advice =
    '请立即报告学校负责人和县（区）教育局学籍管理部门；保留本机数据和备份，不要自行处理。访问日志只能追加，任何人都不能修改或删除。';
  if (chain.ok) {
    return item(
      head,
      'pass',
      `访问日志共 ${figure(chain.rows)} 条，哈希链完整，与校验锚点一致，没有记录被改动或删除。`,
      advice,
    );
  }
  const broken = {
    total: 1,
    rows: [
      {
        subject: chain.firstBroken === null ? '访问日志' : `第 ${chain.firstBroken} 条记录`,
        classLabel: '',
        studentNumber: '',
        problem: chain.problem ?? '校验未通过',
        dueDate: null,
        studentId: null,
        caseId: null,
      },
    ],
  };
  return item(head, 'fail', `访问日志校验未通过：${chain.problem ?? '哈希链不完整'}`, advice, broken);
}
