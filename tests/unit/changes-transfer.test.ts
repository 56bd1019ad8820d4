import { describe, expect, it } from 'vitest';
import type { SchoolProfile } from '../../shared/register/school';
import type { Term } from '../../shared/register/terms';
import {
  fourNoTransferRefusals,
  paperProcedureRequired,
  transferGradeRefusal,
  transferReasonRefusal,
  transferRefusals,
  transferWindowOn,
  transferWindowRefusal,
  type OtherSchool,
  type TransferCase,
} from '../../shared/changes/transferRules';

const autumn: Term = { id: 1, schoolYear: '2026-2027', semester: 1, startDate: '2026-09-01', endDate: '2027-01-20' };
const spring: Term = { id: 2, schoolYear: '2026-2027', semester: 2, startDate: '2027-03-31', endDate: '2027-07-05' };

const school = (overrides: Partial<SchoolProfile>): SchoolProfile => ({
  name: '阳泉市第一中学',
  code: '3114000001',
  type: '342',
  ownership: '1',
  provincialModel: false,
  enrollmentZone: '城区',
  registerOffice: '教务处',
  registerOfficer: '王老师',
  officerPhone: '',
  ...overrides,
});
const other = (overrides: Partial<OtherSchool>): OtherSchool => ({
  name: '太原市第九中学',
  type: '342',
  ownership: '1',
  provincialModel: false,
  enrollmentZone: '太原市小店区',
  inCity: false,
  ...overrides,
});

const moved = { ground: 'familyMoved', scope: 'county', hukouMoved: true } as const;

describe('CHG-1 transfer grounds', () => {
  it.each([
    ['a family that moved across the province with its hukou', moved],
    ['a family that moved across the city with its hukou', { ...moved, scope: 'city' }],
    [
      "a migrant parent's workplace moved to another county",
      { ground: 'migrantWorkplaceMoved', scope: 'province', hukouMoved: false },
    ],
  ] as const)('CHG-1 accepts %s', (_what, reason) => {
    expect(transferReasonRefusal(reason)).toBeNull();
  });

  it('CHG-1 refuses a move within one county or district, saying which moves count', () => {
    const refusal = transferReasonRefusal({ ...moved, scope: 'withinCounty' });
    expect(refusal?.rule).toBe('CHG-1');
    expect(refusal?.message).toContain('同一县（区）内搬迁');
    expect(refusal?.message).toContain('跨省、市、县（区）迁移且户籍已迁入');
    const workplace = transferReasonRefusal({
      ground: 'migrantWorkplaceMoved',
      scope: 'withinCounty',
      hukouMoved: false,
    });
    expect(workplace?.message).toContain('务工地在同一县（区）内变化');
  });

  it('CHG-1 refuses a family move whose hukou has not moved yet, until it has', () => {
    const refusal = transferReasonRefusal({ ...moved, hukouMoved: false });
    expect(refusal?.rule).toBe('CHG-1');
    expect(refusal?.message).toContain('户口迁入后，凭户口迁移证明即可办理');
  });
});

describe('CHG-1 window: one month before or after a semester starts', () => {
  it.each([
    ['2026-07-31', false],
    ['2026-08-01', true],
    ['2026-09-01', true],
    ['2026-10-01', true],
    ['2026-10-02', false],
    // Spring starts on 31 March: a month earlier is the last day of February.
    ['2027-02-27', false],
    ['2027-02-28', true],
    ['2027-04-30', true],
    ['2027-05-01', false],
  ])('CHG-1 on %s a transfer is allowed: %s', (day, allowed) => {
    expect(transferWindowOn([spring, autumn], day) !== null).toBe(allowed);
    expect(transferWindowRefusal([spring, autumn], day) === null).toBe(allowed);
  });

  it('TRF-1 refuses mid-semester and names the next window', () => {
    const refusal = transferWindowRefusal([autumn, spring], '2026-11-15');
    expect(refusal?.rule).toBe('CHG-1');
    expect(refusal?.message).toContain('规则 TRF-1');
    expect(refusal?.message).toContain(
      '下一个可办理时间为2027年2月28日至2027年4月30日（2026-2027学年 第二学期开学前后一个月）',
    );
  });

  it('CHG-1 without the next term set, the refusal asks for it (SCH-2)', () => {
    expect(transferWindowRefusal([autumn], '2026-11-15')?.message).toContain('请先在“学年学期设置”中设置该学期');
    expect(transferWindowRefusal([], '2026-09-01')?.message).toContain('规则 SCH-2');
  });
});

describe('TRF-1 starting and graduating grades within the city', () => {
  it.each([1, 7, 10])(
    'TRF-1 refuses the starting grade %i within the city, saying when it becomes possible',
    (grade) => {
      const refusal = transferGradeRefusal(grade, true);
      expect(refusal?.rule).toBe('TRF-1');
      expect(refusal?.message).toContain('起始年级');
      expect(refusal?.message).toContain('后，可在学期开学前后一个月内办理');
    },
  );

  it.each([6, 9, 12])('TRF-1 refuses the graduating grade %i within the city', (grade) => {
    const refusal = transferGradeRefusal(grade, true);
    expect(refusal?.rule).toBe('TRF-1');
    expect(refusal?.message).toContain('毕业年级');
    expect(refusal?.message).toContain('与阳泉市以外学校之间的转学不受此限');
  });

  it('TRF-1 allows the grades between, and any grade to or from outside the city', () => {
    for (const grade of [2, 3, 4, 5, 8, 11]) expect(transferGradeRefusal(grade, true)).toBeNull();
    for (const grade of [1, 6, 7, 9, 10, 12]) expect(transferGradeRefusal(grade, false)).toBeNull();
  });

  it('TRF-1 uses the stage of the grade in a 九年一贯制 school: grade 7 is a starting grade there too', () => {
    const transfer: TransferCase = {
      direction: 'out',
      grade: 7,
      school: school({ type: '312', ownership: '1' }),
      otherSchool: other({ name: '郊区义井中学', type: '311', inCity: true }),
      reason: moved,
      date: '2026-09-10',
      terms: [autumn],
    };
    expect(transferRefusals(transfer).map((refusal) => refusal.rule)).toEqual(['TRF-1']);
  });
});

describe('TRF-2 四不转 for senior high', () => {
  const ours = school({});

  it('TRF-2 refuses a private to public senior-high transfer', () => {
    const refusals = fourNoTransferRefusals(other({ name: '阳泉市育英中学', ownership: '2' }), ours, 11);
    expect(refusals).toHaveLength(1);
    expect(refusals[0]?.rule).toBe('TRF-2');
    expect(refusals[0]?.message).toContain('民办高中的学生不能转入公办高中');
    expect(refusals[0]?.message).toContain('可以转入其他民办高中');
  });

  it('TRF-2 refuses an ordinary into a provincial model high school, allows model to model', () => {
    const model = school({ provincialModel: true });
    const refusals = fourNoTransferRefusals(other({}), model, 11);
    expect(refusals.map((refusal) => refusal.message).join()).toContain('一般普通高中的学生不能转入省级示范高中');
    expect(fourNoTransferRefusals(other({ provincialModel: true }), model, 11)).toEqual([]);
  });

  it('TRF-2 refuses ordinary high schools of the same enrollment zone, however the zone was typed', () => {
    const refusals = fourNoTransferRefusals(other({ name: '阳泉市第三中学', enrollmentZone: ' 城 区' }), ours, 11);
    expect(refusals[0]?.message).toContain('同属招生区域“城区”');
  });

  it.each(['普通中专', '职业高中', '技工学校', '成人中专'])(
    'TRF-2 refuses a vocational student (%s) into an ordinary high school',
    (kind) => {
      const refusals = fourNoTransferRefusals(other({ name: `某${kind}`, type: '360' }), ours, 10);
      expect(refusals).toHaveLength(1);
      expect(refusals[0]?.message).toContain(
        '中等职业学校（包括普通中专、职业高中、技工学校和成人中专）的学生不能转入普通高中',
      );
    },
  );

  it('TRF-2 allows public to private, an ordinary school of another zone, and ordinary into vocational', () => {
    expect(fourNoTransferRefusals(ours, other({ ownership: '2' }), 11)).toEqual([]);
    expect(fourNoTransferRefusals(other({}), ours, 11)).toEqual([]);
    expect(fourNoTransferRefusals(ours, other({ type: '360' }), 11)).toEqual([]);
  });

  it('TRF-2 does not apply below grade 10', () => {
    expect(fourNoTransferRefusals(other({ ownership: '2', type: '341' }), school({ type: '341' }), 8)).toEqual([]);
  });

  it('TRF-2 refuses when a fact it compares is not recorded, naming it', () => {
    const refusals = fourNoTransferRefusals(other({ ownership: null, enrollmentZone: '' }), ours, 11);
    expect(refusals).toHaveLength(1);
    expect(refusals[0]?.message).toContain('太原市第九中学的办学类型（公办/民办）、太原市第九中学的招生区域未填写');
    expect(fourNoTransferRefusals(other({}), school({ type: null }), 11)[0]?.message).toContain(
      '阳泉市第一中学的学校类型',
    );
  });

  it('TRF-2 applies whichever side this school is on', () => {
    const privateSchool = school({ ownership: '2' });
    const transfer: TransferCase = {
      direction: 'out',
      grade: 11,
      school: privateSchool,
      otherSchool: other({ inCity: true, enrollmentZone: '郊区' }),
      reason: moved,
      date: '2026-09-10',
      terms: [autumn],
    };
    expect(transferRefusals(transfer).map((refusal) => refusal.rule)).toEqual(['TRF-2']);
    expect(transferRefusals({ ...transfer, direction: 'in' })).toEqual([]);
  });
});

describe('TRF-3 and the whole transfer check', () => {
  it('TRF-3 a senior-high transfer keeps its paper procedure; junior and vocational ones do not', () => {
    expect(paperProcedureRequired(11, { type: '342' }, other({}))).toBe(true);
    expect(paperProcedureRequired(11, { type: '360' }, other({}))).toBe(true);
    expect(paperProcedureRequired(11, { type: '360' }, other({ type: '360' }))).toBe(false);
    expect(paperProcedureRequired(8, { type: '341' }, other({ type: '341' }))).toBe(false);
  });

  it('CHG-1 TRF-1 TRF-2 every refusal of a case is listed at once', () => {
    const transfer: TransferCase = {
      direction: 'in',
      grade: 10,
      school: school({ provincialModel: true }),
      otherSchool: other({ name: '阳泉市育英中学', ownership: '2', inCity: true, enrollmentZone: '城区' }),
      reason: { ...moved, scope: 'withinCounty' },
      date: '2026-11-15',
      terms: [autumn, spring],
    };
    expect(transferRefusals(transfer).map((refusal) => refusal.rule)).toEqual([
      'CHG-1',
      'CHG-1',
      'TRF-1',
      'TRF-2',
      'TRF-2',
      'TRF-2',
    ]);
  });

  it('CHG-1 a well-founded transfer in the window between ordinary grades has no refusal', () => {
    const transfer: TransferCase = {
      direction: 'in',
      grade: 4,
      school: school({ type: '211', name: '阳泉市实验小学' }),
      otherSchool: other({ name: '太原市迎泽区小学', type: '211' }),
      reason: moved,
      date: '2026-08-01',
      terms: [autumn],
    };
    expect(transferRefusals(transfer)).toEqual([]);
  });

  it('TRF-2 a vocational school is held only to the rule on vocational students, not the city 中小学 rules', () => {
    const transfer: TransferCase = {
      direction: 'out',
      grade: 10,
      school: school({ type: '360', name: '阳泉市职业技术学校' }),
      otherSchool: other({ inCity: true }),
      reason: { ...moved, scope: 'withinCounty' },
      date: '2026-11-15',
      terms: [],
    };
    expect(transferRefusals(transfer).map((refusal) => refusal.rule)).toEqual(['TRF-2']);
    expect(transferRefusals({ ...transfer, otherSchool: other({ type: '360', inCity: true }) })).toEqual([]);
  });
});
