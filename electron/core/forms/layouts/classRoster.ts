/**
 * 花名册 of a class: its 在读 and 休学 students in roll order (CHG-3 keeps
 * the suspended ones on it), on landscape A4 with the column heads repeated
 * on every page. An official list, so ID numbers are printed in full.
 */
import type { Content } from 'pdfmake/interfaces';
import type { StudentRecord } from '../../../../shared/register/students';
import type { ClassRosterData, FormLayout } from '../formData';
import { grid, headRow, type ListColumn, listRows } from './cells';
import { formDocument, formTitle, landscapeWidth } from './frame';
import { handDate, signature } from './handwriting';
import { basicsText, fieldText, gap, guardianOf, idNumberText, memberText, noValue } from './values';

const rosterColumns: readonly ListColumn[] = [
  { head: '序号', width: 28, alignment: 'center' },
  { head: '姓名', width: 64, alignment: 'center' },
  { head: '性别', width: 30, alignment: 'center' },
  { head: '出生日期', width: 84, alignment: 'center' },
  { head: '身份证件号', width: 128 },
  { head: '全国学籍号', width: 128 },
  { head: '状态', width: 36, alignment: 'center' },
  { head: '监护人', width: 86, alignment: 'center' },
  { head: '联系电话', width: '*', alignment: 'center' },
];

function rosterRow(student: StudentRecord, index: number): string[] {
  const guardian = guardianOf(student.basics.familyMembers);
  return [
    String(index + 1),
    student.name,
    basicsText(student.basics, 'sex'),
    basicsText(student.basics, 'birthDate'),
    idNumberText(student.basics.idType, student.basics.idNumber),
    student.studentNumber || noValue,
    fieldText('status', student.status),
    memberText(guardian),
    guardian?.phone || student.basics.phone,
  ];
}

/** 班级, 班主任 and the head count under the title. */
function classLine(data: ClassRosterData): Content {
  const suspended = data.students.filter((student) => student.status === 'suspended').length;
  const count = `${data.students.length} 人${suspended > 0 ? `（在读 ${data.students.length - suspended} 人，休学 ${suspended} 人）` : ''}`;
  return {
    text: `班级：${data.schoolClass.label}${gap}班主任：${data.schoolClass.headTeacher || noValue}${gap}人数：${count}`,
    style: 'label',
    margin: [0, 0, 0, 6],
  };
}

export const classRoster: FormLayout<ClassRosterData> = (data, frame) =>
  formDocument(frame, {
    orientation: 'landscape',
    content: [
      formTitle(frame),
      classLine(data),
      grid({
        total: landscapeWidth,
        widths: rosterColumns.map((column) => column.width),
        body: [headRow(rosterColumns), ...listRows(rosterColumns, data.students.map(rosterRow))],
        headerRows: 1,
      }),
      {
        margin: [0, 14, 0, 0],
        unbreakable: true,
        columns: [
          ...signature('班主任签字', 100),
          { text: '', width: 30 },
          ...signature('学籍管理员签字', 100),
          { text: '学校（公章）', width: '*', alignment: 'center' },
          { text: handDate, width: 'auto' },
        ],
      },
    ],
  });
