import { describe, expect, it } from 'vitest';
import { graduationRefusals } from '../../shared/changes/graduation';
import {
  flexibleStudyRefusal,
  movementRefusals,
  openCaseRefusal,
  type MovementCheck,
} from '../../shared/changes/movementRules';

const vocational = { type: '360' };
const flexible = '2';

const check = (overrides: Partial<MovementCheck>): MovementCheck => ({
  student: { status: 'enrolled', grade: 11, studyMode: '1' },
  school: vocational,
  movement: 'suspension',
  date: '2026-10-08',
  openCases: [],
  ...overrides,
});

describe('VOC-5 flexible study (弹性学习)', () => {
  it.each(['transferOut', 'changeMajor', 'suspension'] as const)(
    'VOC-5 refuses %s for a flexible-study student without the bureau’s exception',
    (movement) => {
      const refusal = flexibleStudyRefusal(movement, flexible, null);
      expect(refusal?.rule).toBe('VOC-5');
      expect(refusal?.message).toContain('请录入同意文件的文号后再办理');
    },
  );

  it('VOC-5 allows it once the exception’s document number is recorded, not with a blank one', () => {
    expect(flexibleStudyRefusal('suspension', flexible, { documentNumber: '阳教职〔2026〕12号' })).toBeNull();
    expect(flexibleStudyRefusal('suspension', flexible, { documentNumber: '  ' })?.rule).toBe('VOC-5');
  });

  it('VOC-5 leaves full-time students and the other movements alone', () => {
    expect(flexibleStudyRefusal('suspension', '1', null)).toBeNull();
    expect(flexibleStudyRefusal('resumption', flexible, null)).toBeNull();
    expect(flexibleStudyRefusal('dropout', flexible, null)).toBeNull();
  });

  it('VOC-5 is checked with every movement of a vocational student', () => {
    const student = { status: 'enrolled', grade: 11, studyMode: flexible } as const;
    expect(movementRefusals(check({ student })).map((refusal) => refusal.rule)).toEqual(['VOC-5']);
    expect(movementRefusals(check({ student, exception: { documentNumber: '阳教职〔2026〕12号' } }))).toEqual([]);
  });
});

describe('open cases and the common checks', () => {
  it('OPS-2 refuses a second movement while one is open, but not beside a basic-information change', () => {
    const refusal = openCaseRefusal('transferOut', ['suspension', 'basicInfoChange']);
    expect(refusal?.rule).toBe('OPS-2');
    expect(refusal?.message).toContain('学生还有未办结的休学，不能同时办理转出');
    expect(openCaseRefusal('transferOut', ['basicInfoChange'])).toBeNull();
  });

  it('GRD-2 a student with any open case cannot graduate', () => {
    const refusal = openCaseRefusal('graduation', ['basicInfoChange', 'rewardPunishmentChange']);
    expect(refusal?.rule).toBe('GRD-2');
    expect(refusal?.message).toContain('未办结的基本信息变更、奖惩记录变更，不能办理毕业');
  });

  it('OPS-2 a case for a student who has left is refused alone, without the other checks', () => {
    const student = { status: 'transferredOut', grade: 12, studyMode: flexible } as const;
    const refusals = movementRefusals(check({ student, openCases: ['suspension'], date: '2027-07-10' }));
    expect(refusals.map((refusal) => refusal.rule)).toEqual(['OPS-2']);
  });

  it('GRD-2 OPS-2 the common checks list every refusal together', () => {
    const student = { status: 'enrolled', grade: 12 } as const;
    const refusals = movementRefusals(
      check({ student, school: { type: '342' }, openCases: ['goingAbroad'], date: '2027-07-10' }),
    );
    expect(refusals.map((refusal) => refusal.rule)).toEqual(['OPS-2', 'GRD-2']);
  });
});

describe('GRD-1 GRD-2 graduation', () => {
  it('GRD-1 only a graduating grade graduates', () => {
    const [refusal] = graduationRefusals({ grade: 8, hasStudyHistory: true, hasGraduationComment: true });
    expect(refusal?.rule).toBe('GRD-1');
    expect(refusal?.message).toContain('八年级不是毕业年级');
    for (const grade of [6, 9, 12]) {
      expect(graduationRefusals({ grade, hasStudyHistory: true, hasGraduationComment: true })).toEqual([]);
    }
  });

  it('GRD-2 a graduate needs a study history and a graduation comment', () => {
    const [refusal] = graduationRefusals({ grade: 9, hasStudyHistory: false, hasGraduationComment: false });
    expect(refusal?.rule).toBe('GRD-2');
    expect(refusal?.message).toContain('学生还没有学习简历和毕业评语');
    expect(graduationRefusals({ grade: 9, hasStudyHistory: true, hasGraduationComment: false })[0]?.message).toContain(
      '还没有毕业评语',
    );
  });
});
