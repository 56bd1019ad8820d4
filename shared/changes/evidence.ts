/**
 * The evidence (佐证材料) each kind of case needs and the printed form it
 * uses: CHG-1 (transfer application, hukou move proof, parent's job transfer
 * proof), CHG-2 (the signed and stamped approval form and certificates),
 * DAT-2 (the basic-information change form and its evidence checklist),
 * VOC-5 (the bureau's written exception). The scan of the signed and stamped
 * form is itself evidence of every kind that prints one. Which files were
 * uploaded is core's business; this says which are needed.
 */
import { labelOf, type CodeList, type CodeOf } from '../register/codes';
import { caseKindLabel, type CaseKind, type Refusal, type RuleId } from './cases';
import type { SuspensionGround } from './suspensionRules';
import type { TransferGround } from './transferRules';

/** The printed forms (DOMAIN.md “Forms”); the forms issue lays them out. */
export const changeForms = [
  { code: 'basicInfoChange', label: '阳泉市中小学生基本信息变更申请表' },
  { code: 'transferContact', label: '阳泉市中小学转学联系表' },
  { code: 'suspensionResumption', label: '山西省中小学生休学、复学申请表' },
  { code: 'movementApproval', label: '学籍异动审批表' },
] as const satisfies CodeList;

export type ChangeForm = CodeOf<typeof changeForms>;

const formByKind: Readonly<Record<CaseKind, ChangeForm | null>> = {
  basicInfoChange: 'basicInfoChange',
  transferIn: 'transferContact',
  transferOut: 'transferContact',
  suspension: 'suspensionResumption',
  resumption: 'suspensionResumption',
  dropout: 'movementApproval',
  death: 'movementApproval',
  goingAbroad: 'movementApproval',
  repeatGrade: 'movementApproval',
  changeMajor: 'movementApproval',
  cancellation: 'movementApproval',
  // Logged operations of the school, and records kept in the student's file: no form.
  classChange: null,
  promotion: null,
  graduation: null,
  rewardPunishmentChange: null,
};

/** The form a case prints, or null. */
export function formFor(kind: CaseKind): ChangeForm | null {
  return formByKind[kind];
}

export const evidenceKinds = [
  { code: 'signedForm', label: '签字盖章的申请表或审批表' },
  // CHG-1
  { code: 'transferApplication', label: '转学申请' },
  { code: 'hukouMoveProof', label: '户口迁移证明' },
  { code: 'parentJobTransferProof', label: '父母工作调动证明' },
  // CHG-2
  { code: 'countyHospitalRecord', label: '县级以上医院病历或诊断证明' },
  { code: 'forceMajeureCertificate', label: '有关部门出具的不可抗力证明' },
  { code: 'recoveryProof', label: '医院康复证明' },
  { code: 'deathCertificate', label: '死亡证明' },
  { code: 'abroadProof', label: '出国证明（护照、签证等复印件）' },
  { code: 'dropoutApplication', label: '监护人签字的退学申请' },
  { code: 'changeMajorApplication', label: '转专业申请' },
  { code: 'rewardPunishmentDocument', label: '奖惩决定文件或证书' },
  // DAT-2: the checklist of the basic-information change form
  { code: 'householdRegister', label: '户口簿户主页和本人页' },
  { code: 'policeChangeProof', label: '公安机关变更证明' },
  { code: 'birthCertificate', label: '出生医学证明' },
  { code: 'idCardCopy', label: '身份证复印件' },
  { code: 'otherProof', label: '其他证明材料' },
  // VOC-5
  { code: 'bureauException', label: '教育主管部门书面同意意见' },
] as const satisfies CodeList;

export type EvidenceKind = CodeOf<typeof evidenceKinds>;

export interface EvidenceRequirement {
  readonly kind: EvidenceKind;
  /** required: must be there; oneOf: at least one of the case's oneOf items; optional: may be added. */
  readonly need: 'required' | 'oneOf' | 'optional';
}

/** What decides the list beside the case kind. */
export interface EvidenceDetails {
  readonly transferGround?: TransferGround;
  readonly suspensionGround?: SuspensionGround;
  /** The case goes ahead on a VOC-5 exception. */
  readonly flexibleStudyException?: boolean;
}

const required = (kind: EvidenceKind): EvidenceRequirement => ({ kind, need: 'required' });
const optional = (kind: EvidenceKind): EvidenceRequirement => ({ kind, need: 'optional' });
const oneOf = (kind: EvidenceKind): EvidenceRequirement => ({ kind, need: 'oneOf' });

/** The kind's own items, apart from the signed form and the VOC-5 exception. */
function ownItems(kind: CaseKind, details: EvidenceDetails): EvidenceRequirement[] {
  switch (kind) {
    case 'transferIn':
    case 'transferOut':
      return [
        required('transferApplication'),
        details.transferGround === 'migrantWorkplaceMoved'
          ? required('parentJobTransferProof')
          : required('hukouMoveProof'),
      ];
    case 'suspension':
      return [
        details.suspensionGround === 'forceMajeure'
          ? required('forceMajeureCertificate')
          : required('countyHospitalRecord'),
      ];
    case 'resumption':
      return [optional('recoveryProof')];
    case 'death':
      return [required('deathCertificate')];
    case 'goingAbroad':
      return [required('abroadProof')];
    case 'dropout':
      return [required('dropoutApplication')];
    case 'changeMajor':
      return [required('changeMajorApplication')];
    case 'rewardPunishmentChange':
      return [required('rewardPunishmentDocument')];
    case 'basicInfoChange':
      return (['householdRegister', 'policeChangeProof', 'birthCertificate', 'idCardCopy', 'otherProof'] as const).map(
        oneOf,
      );
    default:
      return [];
  }
}

/** The evidence a case needs, the scan of its signed form first. */
export function requiredEvidence(kind: CaseKind, details: EvidenceDetails = {}): EvidenceRequirement[] {
  return [
    ...(formFor(kind) ? [required('signedForm')] : []),
    ...ownItems(kind, details),
    ...(details.flexibleStudyException ? [required('bureauException')] : []),
  ];
}

/** The rule whose evidence a case kind gathers. */
export function evidenceRule(kind: CaseKind): RuleId {
  if (kind === 'transferIn' || kind === 'transferOut') return 'CHG-1';
  if (kind === 'basicInfoChange') return 'DAT-2';
  if (kind === 'rewardPunishmentChange') return 'DAT-1';
  // CHG-2: a movement's form is filled in and uploaded, signed and stamped, with its certificates.
  return 'CHG-2';
}

/** An evidence item as the clerk reads it; the signed form names the case's form. */
export const evidenceLabel = (kind: EvidenceKind, caseKind: CaseKind): string => {
  const form = formFor(caseKind);
  return kind === 'signedForm' && form
    ? `签字盖章的《${labelOf(changeForms, form)}》`
    : (labelOf(evidenceKinds, kind) ?? kind);
};

/** What is still missing among `provided` (evidence kinds uploaded); null when the case has all it needs. */
export function missingEvidenceRefusal(
  kind: CaseKind,
  requirements: readonly EvidenceRequirement[],
  provided: readonly EvidenceKind[],
): Refusal | null {
  const have = new Set(provided);
  const missing = requirements
    .filter((item) => item.need === 'required' && !have.has(item.kind))
    .map((item) => evidenceLabel(item.kind, kind));
  const choices = requirements.filter((item) => item.need === 'oneOf');
  if (choices.length > 0 && !choices.some((item) => have.has(item.kind))) {
    missing.push(`以下材料至少一项：${choices.map((item) => evidenceLabel(item.kind, kind)).join('、')}`);
  }
  if (missing.length === 0) return null;
  const rule = evidenceRule(kind);
  return {
    rule,
    message: `${caseKindLabel(kind)}还缺少佐证材料：${missing.join('；')}（规则 ${rule}）。上传后即可提交审核。`,
  };
}
