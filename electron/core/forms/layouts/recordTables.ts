/**
 * The parts of a student's record that the 学籍卡 and the 中职
 * 毕业生信息登记表 both print: the photo box, the family members, 奖惩 and
 * 学习简历, as list columns and rows.
 */
import type { RewardPunishment, StudyHistoryEntry } from '../../../../shared/register/studentRecords';
import { honourLevels } from '../../../../shared/register/studentRecords';
import type { FamilyMember } from '../../../../shared/register/studentValidation';
import type { ListColumn, NodeCell } from './cells';
import { codeText, dayText, fieldText, idNumberText, monthText, noValue } from './values';

/** The register photo's size, 26 × 32 mm, in points. */
const photoSize: [number, number] = [(26 * 72) / 25.4, (32 * 72) / 25.4];

/** Width of a column that holds the photo (the photo and a hair of room). */
export const photoColumnWidth = Math.ceil(photoSize[0]);

/**
 * The photo, 26 × 32 mm; without one, a framed box of that size marked 照片
 * where the clerk glues a print.
 */
export function photoCell(jpeg: Buffer | null): NodeCell {
  if (jpeg) {
    return {
      image: `data:image/jpeg;base64,${jpeg.toString('base64')}`,
      fit: photoSize,
      alignment: 'center',
      verticalAlignment: 'middle',
    };
  }
  const [width, height] = photoSize;
  const rule = 0.5;
  // A one-cell table: its dashed rules are the box, and it centres 照片 in it.
  return {
    table: {
      widths: [width - 2 * rule],
      heights: [height - 2 * rule],
      body: [[{ text: '照片', style: 'label', color: '#666666', alignment: 'center', verticalAlignment: 'middle' }]],
    },
    layout: {
      hLineWidth: () => rule,
      vLineWidth: () => rule,
      hLineStyle: () => ({ dash: { length: 3 } }),
      vLineStyle: () => ({ dash: { length: 3 } }),
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: () => 0,
      paddingBottom: () => 0,
    },
    verticalAlignment: 'middle',
  };
}

export const familyColumns: readonly ListColumn[] = [
  { head: '关系', width: 40, alignment: 'center' },
  { head: '姓名', width: 46, alignment: 'center' },
  { head: '监护人', width: 30, alignment: 'center' },
  { head: '联系电话', width: 60 },
  { head: '身份证件号', width: 92 },
  { head: '工作单位（职务）', width: '*' },
  { head: '现住址', width: '*' },
];

export function familyRows(members: readonly FamilyMember[]): string[][] {
  return members.map((member) => {
    const workplace = member.workplace?.trim() ?? '';
    const job = member.jobTitle?.trim() ?? '';
    return [
      fieldText('relationship', member.relationship),
      member.name,
      fieldText('isGuardian', member.isGuardian),
      member.phone,
      idNumberText(member.idType, member.idNumber),
      workplace ? `${workplace}${job ? `（${job}）` : ''}` : job || noValue,
      member.address ?? '',
    ];
  });
}

export const rewardColumns: readonly ListColumn[] = [
  { head: '类别', width: 30, alignment: 'center' },
  { head: '名称', width: '*' },
  { head: '级别', width: 48, alignment: 'center' },
  { head: '日期', width: 66, alignment: 'center' },
  { head: '奖惩单位', width: '*' },
  { head: '原因', width: '*' },
  { head: '撤销日期', width: 66, alignment: 'center' },
];

export function rewardRows(entries: readonly Required<RewardPunishment>[]): string[][] {
  return entries.map((entry) => [
    entry.kind === 'reward' ? '奖励' : '处分',
    entry.title,
    codeText(honourLevels, entry.level),
    dayText(entry.date),
    entry.issuer,
    entry.reason,
    entry.kind === 'punishment' ? dayText(entry.revokedOn) : '',
  ]);
}

export const studyColumns: readonly ListColumn[] = [
  { head: '起止年月', width: 124, alignment: 'center' },
  { head: '学习单位', width: '*' },
  { head: '任职', width: 70, alignment: 'center' },
  { head: '证明人', width: 60, alignment: 'center' },
];

/** 学习简历, oldest first; the last line may run 至今. */
export function studyRows(entries: readonly StudyHistoryEntry[]): string[][] {
  return entries.map((entry) => [
    `${monthText(entry.fromMonth)}—${entry.toMonth ? monthText(entry.toMonth) : '至今'}`,
    entry.school,
    entry.role,
    entry.witness,
  ]);
}
