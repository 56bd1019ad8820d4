/** Installations the reliability tests start from: a set-up school whose students came in through the import. */
import { isGraduatingGrade } from '../../shared/changes/stages';
import { templateStudents, templateWorkbook, xlsxBase64 } from '../support/importWorkbooks';
import { setUpCoreOn, type TestCore } from '../core/promotionFixtures';

/**
 * A school set up on `day` with about `count` generated students (school
 * year 2026-2027) imported into their classes, the administrator wangli
 * still logged in. `promotable` leaves out the graduating grades, whose
 * students would stop a 升级 (GRD-1).
 */
export async function importedSchool(day: string, count: number, promotable = false): Promise<TestCore> {
  const t = await setUpCoreOn(day);
  const generated = templateStudents(count, 11, 2026);
  const keep = (grade: number) => !promotable || !isGraduatingGrade(grade);
  const students = generated.students.filter((student) => keep(student.grade));
  for (const { grade, number } of generated.classes.filter((c) => keep(c.grade)))
    await t.call('saveClass', { grade, number, headTeacher: '赵老师', capacity: 100 });
  const upload = { fileName: '学生信息.xlsx', base64: await xlsxBase64(templateWorkbook(students)), classId: null };
  const result = await t.call('commitImport', upload);
  if (result.imported !== students.length) throw new Error(`imported ${result.imported} of ${students.length}`);
  return t;
}
