/**
 * 中职 毕业生信息登记表 (VOC-2 keeps it in the archive; GRD-2 wants the
 * study history and the graduation comment by 30 June): the graduate with
 * the photo, the major, 学制, when they entered and graduate, 学习简历, 奖惩,
 * 毕业评语, and the school's opinion with signature and stamp.
 */
import type { Content } from 'pdfmake/interfaces';
import { graduationOutcomes } from '../../../../shared/changes/statusMachine';
import type { StudentRecord } from '../../../../shared/register/students';
import type { FormLayout, GraduateRegistrationData } from '../formData';
import { type Field, fieldRows, listSection, section, sectionColumnWidth, starWidth } from './cells';
import { signatureSection } from './caseBlocks';
import { formDocument, formTitle, portraitWidth } from './frame';
import { handDate, opinionBox, writingLines } from './handwriting';
import { photoCell, photoColumnWidth, rewardColumns, rewardRows, studyColumns, studyRows } from './recordTables';
import { basicsText, dayText, fieldText, gap, idDocumentText, monthText, noValue } from './values';

const labelWidth = 64;
/** Width of the text in a section's one wide cell (毕业评语, 学校意见). */
const wideText = starWidth(portraitWidth, [sectionColumnWidth]);

const isOutcome = (status: string): boolean => (graduationOutcomes as readonly string[]).includes(status);

/**
 * 毕业年月: the month the register recorded the 毕业 (or 结业, 肄业); before
 * that, July of the year 学制 ends, marked 预计; blank for the hand without 学制.
 */
function graduationMonth(student: StudentRecord): string {
  const recorded = student.history.filter((change) => change.field === 'status' && isOutcome(change.after)).at(-1);
  if (recorded) return monthText(recorded.at.slice(0, 7).replace('-', ''));
  const entered = /^(\d{4})\d{2}$/.exec(student.basics.enrollmentMonth);
  const years = Number(student.basics.schoolingYears);
  if (!entered || !Number.isInteger(years) || years < 1) return '　　　　年　　月';
  return `${Number(entered[1]) + years}年7月（预计）`;
}

function graduateFields(data: GraduateRegistrationData): Field[] {
  const { student } = data;
  const { basics } = student;
  return [
    { label: '姓名', value: student.name },
    { label: '性别', value: basicsText(basics, 'sex') },
    { label: '出生日期', value: basicsText(basics, 'birthDate') },
    { label: '民族', value: basicsText(basics, 'ethnicity') },
    { label: '政治面貌', value: basicsText(basics, 'politicalAffiliation') },
    { label: '籍贯', value: basicsText(basics, 'nativePlace') },
    { label: '身份证件', value: idDocumentText(basics.idType, basics.idNumber), span: 2 },
    { label: '全国学籍号', value: basicsText(basics, 'studentNumber') },
    { label: '班级', value: student.classLabel },
    { label: '专业', value: data.majorName || fieldText('majorCode', basics.majorCode) },
    { label: '学制', value: basicsText(basics, 'schoolingYears') },
    { label: '入学年月', value: basicsText(basics, 'enrollmentMonth') },
    { label: '毕业年月', value: graduationMonth(student) },
    { label: '联系电话', value: basics.phone || noValue },
    { label: '学习形式', value: basicsText(basics, 'studyMode') },
    { label: '家庭地址', value: basics.homeAddress, span: 2 },
  ];
}

/** 毕业评语 as the head teacher wrote it (GRD-2), or lines to write it on. */
function commentCell(data: GraduateRegistrationData): Content {
  const comment = data.student.graduationComment;
  if (!comment) {
    return { stack: [writingLines(wideText, 4), { text: `评语人：${gap.repeat(4)}${handDate}`, alignment: 'right' }] };
  }
  return {
    stack: [
      { text: comment.text, style: 'value', lineHeight: 1.2 },
      { text: `评语人：${comment.author}${gap}${dayText(comment.date)}`, alignment: 'right', margin: [0, 6, 0, 0] },
    ],
  };
}

export const graduateRegistration: FormLayout<GraduateRegistrationData> = (data, frame) =>
  formDocument(frame, {
    content: [
      formTitle(frame),
      section(
        '基本信息',
        [labelWidth, '*', labelWidth, '*', photoColumnWidth],
        fieldRows(graduateFields(data), 2, { cell: photoCell(data.photoJpeg), rows: 5 }),
        { first: true },
      ),
      listSection('学习简历', studyColumns, studyRows(data.student.studyHistory)),
      listSection('奖惩情况', rewardColumns, rewardRows(data.student.rewardsPunishments)),
      section('毕业评语', ['*'], [[commentCell(data)]]),
      signatureSection(['毕业生本人签字', '班主任签字']),
      section('学校意见', ['*'], [[opinionBox({ width: wideText, signer: '校长签字', lines: 2 })]]),
    ],
  });
