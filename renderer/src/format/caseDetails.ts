/**
 * What a case asked for, by kind, as labelled lines for the case screen:
 * the other school and grounds of a transfer (CHG-1, TRF-1..3), the ground
 * and period of a suspension (CHG-2), the class and new 学籍辅号 of a
 * resumption (CHG-4), the major of a change (VOC-5), the 奖惩 entry of a
 * change request (DAT-1). The graduating list and the basic-information
 * items are tables of their own.
 */
import { schoolOwnerships, schoolTypes } from '../../../shared/register/codes';
import { chineseDay, daysBetween } from '../../../shared/changes/calendar';
import type { CaseInput } from '../../../shared/changes/caseRecords';
import type { GraduationOutcome } from '../../../shared/changes/statusMachine';
import { suspensionGrounds } from '../../../shared/changes/suspensionRules';
import { moveScopes, transferGrounds } from '../../../shared/changes/transferRules';
import { codeText, statusText } from './register';
import { levelText, rewardKindLabels } from './recordTabs';

export interface DetailLine {
  readonly label: string;
  readonly value: string;
}

/** Names the screen looks up in lists it has read (classes, majors); the code or id when not found. */
export interface DetailLookups {
  classLabel(classId: number): string;
  majorName(code: string): string;
}

const yesNo = (value: boolean): string => (value ? '是' : '否');

type TransferCase = Extract<CaseInput, { kind: 'transferIn' | 'transferOut' }>;

function transferLines(input: TransferCase, lookups: DetailLookups): DetailLine[] {
  const { otherSchool: school, reason } = input.transfer;
  const lines: DetailLine[] = [
    { label: input.kind === 'transferIn' ? '转出学校' : '转入学校', value: school.name },
    { label: '学校类型', value: codeText(schoolTypes, school.type) },
    { label: '办学类型', value: codeText(schoolOwnerships, school.ownership) },
    { label: '省级示范高中', value: yesNo(school.provincialModel) },
    { label: '招生区域', value: school.enrollmentZone || '—' },
    { label: '阳泉市内学校', value: yesNo(school.inCity) },
    { label: '转学理由', value: codeText(transferGrounds, reason.ground) },
    { label: '迁移范围', value: codeText(moveScopes, reason.scope) },
  ];
  if (reason.ground === 'familyMoved') lines.push({ label: '户籍已迁入', value: yesNo(reason.hukouMoved) });
  if (input.kind === 'transferIn') {
    lines.unshift({ label: '转入班级', value: lookups.classLabel(input.classId) });
    if (input.studentId === null && input.basics) {
      lines.unshift({ label: '转入学生', value: `${input.basics.name}（新学生，审批通过后登记）` });
    }
  }
  return lines;
}

/** VOC-5: the bureau's written consent a 弹性学习 student's case goes ahead on. */
function exceptionLines(input: CaseInput): DetailLine[] {
  const exception = 'exception' in input ? input.exception : undefined;
  return exception ? [{ label: '教育主管部门同意文号', value: exception.documentNumber || '—' }] : [];
}

function kindLines(input: CaseInput, lookups: DetailLookups): DetailLine[] {
  switch (input.kind) {
    case 'transferIn':
    case 'transferOut':
      return transferLines(input, lookups);
    case 'suspension': {
      const { startDate, endDate } = input.period;
      const days = daysBetween(startDate, endDate) + 1;
      return [
        { label: '休学原因', value: codeText(suspensionGrounds, input.ground) },
        { label: '休学期间', value: `${chineseDay(startDate)}至${chineseDay(endDate)}（共 ${days} 天）` },
        ...(input.prescribedLeaveDays !== undefined
          ? [{ label: '病历建议休息', value: `${input.prescribedLeaveDays} 天` }]
          : []),
      ];
    }
    case 'resumption':
      return [
        { label: '复学班级', value: lookups.classLabel(input.classId) },
        ...(input.newAuxiliaryNumber ? [{ label: '新学籍辅号', value: input.newAuxiliaryNumber }] : []),
      ];
    case 'repeatGrade':
      return [{ label: '留级到班级', value: lookups.classLabel(input.classId) }];
    case 'changeMajor':
      return [{ label: '转入专业', value: lookups.majorName(input.majorCode) }];
    case 'rewardPunishmentChange': {
      const { entry } = input;
      const kind = rewardKindLabels[entry.kind];
      return [
        { label: '变更内容', value: entry.id === undefined ? `新增${kind}` : `修改${kind}记录` },
        { label: `${kind}名称`, value: entry.title },
        { label: `${kind}日期`, value: entry.date },
        { label: '级别', value: levelText(entry.level) },
        { label: `${kind}单位`, value: entry.issuer },
        { label: `${kind}原因`, value: entry.reason || '—' },
        ...(entry.kind === 'punishment' ? [{ label: '撤销日期', value: entry.revokedOn || '未撤销' }] : []),
      ];
    }
    default:
      // 退学, 死亡, 出国, 注销: the reason and the evidence say it all; 毕业 and 基本信息变更 have tables.
      return [];
  }
}

/** The case's own facts, then the VOC-5 exception, then the clerk's reason. */
export function caseDetailLines(input: CaseInput, lookups: DetailLookups): DetailLine[] {
  return [...kindLines(input, lookups), ...exceptionLines(input), { label: '申请理由', value: input.reason }];
}

/** 毕业, 结业 or 肄业 of a graduating list. */
export const graduationOutcomeText = (outcome: GraduationOutcome | null): string =>
  outcome ? statusText(outcome) : '—';
