/**
 * The self-inspection report (自查报告, issue 7/8, INS-1) of the 50k school
 * through core: every guideline item's facts read in one transaction, the
 * access-log chain of 200k rows checked on the way, the verdicts written.
 * No bare baseline: no simpler program computes the same report.
 */
import { loggedInCore, median, type Row, timed } from './benchKit';
import { bigSchool, bigSchoolSize } from './bigSchool';

export async function inspectionFigures(): Promise<Row[]> {
  const core = await loggedInCore((await bigSchool()).folder);
  try {
    const report = async () => {
      const result = await core.call('getSelfInspection', []);
      if (!result.ok) throw new Error(`getSelfInspection: ${result.error.message}`);
    };
    await report();
    const measured = await median(() => timed(report));
    return [
      {
        figure: `self-inspection report (自查报告) of the ${bigSchoolSize.students / 1000}k school, chain check included`,
        goal: '≤ 2000 ms',
        measured,
        baseline: null,
        baselineName: '',
        unit: 'ms',
      },
    ];
  } finally {
    core.close();
  }
}
