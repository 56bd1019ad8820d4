import { describe, expect, it } from 'vitest';
import {
  confirmationRefusals,
  planPromotion,
  promotionSchoolYear,
  type PromotionClassFacts,
  type PromotionFacts,
} from '../../shared/changes/promotion';

let nextId = 1;
const klass = (grade: number, number: number, enrolled: number, suspended = 0, capacity = 45): PromotionClassFacts => ({
  id: nextId++,
  grade,
  number,
  capacity,
  enrolled,
  suspended,
});

const facts = (overrides: Partial<PromotionFacts>): PromotionFacts => ({
  classes: [],
  openCases: [],
  promotions: [],
  today: '2027-07-15',
  ...overrides,
});

describe('升级 school year', () => {
  it('is the year starting this calendar year from 1 July, else the one that started last year', () => {
    expect(promotionSchoolYear('2027-07-15')).toBe('2027-2028');
    expect(promotionSchoolYear('2027-07-01')).toBe('2027-2028');
    expect(promotionSchoolYear('2027-06-30')).toBe('2026-2027');
    expect(promotionSchoolYear('2027-03-01')).toBe('2026-2027');
    expect(promotionSchoolYear('2026-12-31')).toBe('2026-2027');
  });
});

describe('升级 moves', () => {
  it('moves every class of a non-graduating grade to the same number one grade up, top grade first', () => {
    const classes = [klass(1, 1, 40), klass(1, 2, 41), klass(2, 1, 42), klass(2, 2, 0), klass(3, 1, 30)];
    const { preview, steps } = planPromotion(facts({ classes }));
    expect(preview.moves.map((move) => `${move.fromLabel}→${move.toLabel}`)).toEqual([
      '三年级（1）班→四年级（1）班',
      '二年级（1）班→三年级（1）班',
      '一年级（1）班→二年级（1）班',
      '一年级（2）班→二年级（2）班',
    ]);
    expect(preview.studentCount).toBe(40 + 41 + 42 + 30);
    expect(steps.map((step) => [step.fromClassId, step.toClassId])).toEqual([
      [classes[4]!.id, null],
      [classes[2]!.id, classes[4]!.id],
      [classes[0]!.id, classes[2]!.id],
      [classes[1]!.id, classes[3]!.id],
    ]);
    expect(preview.refusals).toEqual([]);
  });

  it('creates a missing class above with the same 班额 and says so', () => {
    const { preview, steps } = planPromotion(facts({ classes: [klass(4, 3, 38, 0, 50)] }));
    expect(preview.moves).toEqual([
      { fromLabel: '四年级（3）班', toLabel: '五年级（3）班', students: 38, createsClass: true, note: '' },
    ]);
    expect(steps[0]).toMatchObject({ toClassId: null, toGrade: 5, toNumber: 3, capacity: 50 });
  });

  it('CHG-3 leaves 休学 students in their class and grade, and counts them', () => {
    const classes = [klass(7, 1, 40, 2), klass(8, 1, 0, 1), klass(8, 2, 35, 0)];
    const { preview } = planPromotion(facts({ classes }));
    expect(preview.suspendedStaying).toBe(3);
    expect(preview.studentCount).toBe(75);
    // 八年级（1）班 has only a suspended student: nothing moves out of it.
    expect(preview.moves.map((move) => move.fromLabel)).toEqual(['八年级（2）班', '七年级（1）班']);
  });

  it('GRD-1 moves no class out of a graduating grade (6, 9, 12)', () => {
    const classes = [klass(6, 1, 0, 1), klass(9, 1, 0, 2), klass(12, 1, 0, 1), klass(11, 1, 30)];
    const { preview } = planPromotion(facts({ classes }));
    expect(preview.moves.map((move) => move.fromLabel)).toEqual(['高二（1）班']);
    expect(preview.suspendedStaying).toBe(4);
    expect(preview.refusals).toEqual([]);
  });

  it('notes a class above that would hold more than its 班额, counting its 休学 students (CHG-3)', () => {
    const classes = [klass(2, 1, 44), klass(3, 1, 40, 2, 45)];
    const { preview } = planPromotion(facts({ classes }));
    const intoThird = preview.moves.find((move) => move.toLabel === '三年级（1）班');
    expect(intoThird?.note).toBe(
      '升级后三年级（1）班将有 46 人，超过班额 45 人。可在升级后调班，或在“班级管理”中修改班额。',
    );
    expect(preview.moves.find((move) => move.toLabel === '四年级（1）班')?.note).toBe('');
    // A note, not a refusal.
    expect(preview.refusals).toEqual([]);
  });
});

describe('升级 refusals', () => {
  it('GRD-1 refuses while a graduating grade still holds 在读 students, naming the grades and counts', () => {
    const classes = [klass(9, 1, 40), klass(9, 2, 38), klass(8, 1, 40)];
    const [refusal, ...others] = planPromotion(facts({ classes })).preview.refusals;
    expect(others).toEqual([]);
    expect(refusal?.rule).toBe('GRD-1');
    expect(refusal?.message).toContain('毕业年级还有在读学生：九年级 78 人');
    expect(refusal?.message).toContain('办理毕业、结业或肄业，再升级（规则 GRD-1）');
  });

  it('GRD-1 counts grade 6 of a 九年一贯制 school as a graduating grade too', () => {
    const classes = [klass(6, 1, 30), klass(9, 1, 20), klass(5, 1, 40), klass(8, 1, 40)];
    const refusal = planPromotion(facts({ classes })).preview.refusals[0];
    expect(refusal?.message).toContain('六年级 30 人、九年级 20 人');
    expect(refusal?.message).toContain('九年一贯制学校也要为六年级办理小学毕业');
  });

  it('GRD-1 lets 休学 students of a graduating grade stay (CHG-3): they cannot graduate before resuming', () => {
    const refusals = planPromotion(facts({ classes: [klass(9, 1, 0, 3), klass(8, 1, 40)] })).preview.refusals;
    expect(refusals).toEqual([]);
  });

  it('OPS-2 refuses a second promotion in the same school year, saying when and by whom', () => {
    const promotions = [{ schoolYear: '2027-2028', promotedOn: '2027-07-10', promotedBy: 'wangli' }];
    const [refusal] = planPromotion(facts({ classes: [klass(1, 1, 40)], promotions })).preview.refusals;
    expect(refusal?.rule).toBe('OPS-2');
    expect(refusal?.message).toContain('2027-2028学年的全校升级已于2027年7月10日由 wangli 办理');
    expect(refusal?.message).toContain('每个学年只升级一次');
  });

  it('OPS-2 allows the next year’s promotion, and refuses when a later year was promoted (clock set back)', () => {
    const lastYear = [{ schoolYear: '2026-2027', promotedOn: '2026-07-12', promotedBy: 'wangli' }];
    expect(planPromotion(facts({ promotions: lastYear })).preview.refusals).toEqual([]);
    const later = [{ schoolYear: '2028-2029', promotedOn: '2028-07-12', promotedBy: 'wangli' }];
    const [refusal] = planPromotion(facts({ promotions: later })).preview.refusals;
    expect(refusal?.message).toContain('晚于今天所在的2027-2028学年，请核对电脑日期');
  });

  it('OPS-2 refuses while movement cases are open, naming them; change requests do not count', () => {
    const openCases = [
      { kind: 'transferOut' as const, count: 2 },
      { kind: 'suspension' as const, count: 1 },
      { kind: 'basicInfoChange' as const, count: 5 },
      { kind: 'rewardPunishmentChange' as const, count: 1 },
    ];
    const [refusal, ...others] = planPromotion(facts({ openCases })).preview.refusals;
    expect(others).toEqual([]);
    expect(refusal?.rule).toBe('OPS-2');
    expect(refusal?.message).toContain('还有 3 件未办结的学籍异动（转出 2 件、休学 1 件）');
    expect(refusal?.message).toContain('请先办结或撤销这些事项');
    const requestsOnly = openCases.slice(2);
    expect(planPromotion(facts({ openCases: requestsOnly })).preview.refusals).toEqual([]);
  });
});

describe('升级 confirmation', () => {
  it('OPS-2 refuses a confirmation of another school year than today’s', () => {
    const plan = planPromotion(facts({ classes: [klass(1, 1, 40)] }));
    expect(confirmationRefusals(plan, '2027-2028')).toEqual([]);
    const [stale] = confirmationRefusals(plan, '2026-2027');
    expect(stale?.message).toBe(
      '确认的是2026-2027学年的升级，但今天应办理的是2027-2028学年的升级（规则 OPS-2 人籍一致：每个学年只升级一次）。请重新预览，核对后再确认。',
    );
  });

  it('GRD-1 keeps the plan’s refusals at confirmation', () => {
    const plan = planPromotion(facts({ classes: [klass(12, 1, 40)] }));
    expect(confirmationRefusals(plan, '2027-2028').map((refusal) => refusal.rule)).toEqual(['GRD-1']);
  });
});
