/**
 * The self-inspection report's verdict rules (INS-1): one school whose data
 * meets every item, then one fact changed at a time, as a clerk would read
 * the item's verdict, finding and exceptions.
 */
import { describe, expect, it } from 'vitest';
import { defaultPasswordPolicy } from '../../shared/passwordPolicy';
import type { CaseFact, InspectionFacts, Listed, StudentRef } from '../../shared/inspection/facts';
import { requiredSchoolItems, requiredVocationalItems } from '../../shared/inspection/archiveRules';
import { inspectionSections, selfInspection } from '../../shared/inspection/inspection';
import { enrollmentPlanYear, inspectionPeriod } from '../../shared/inspection/itemKit';
import type { InspectionItem } from '../../shared/inspection/report';
import type { Term } from '../../shared/register/terms';

const autumn: Term = { id: 1, schoolYear: '2026-2027', semester: 1, startDate: '2026-09-01', endDate: '2027-01-20' };
const spring: Term = { id: 2, schoolYear: '2026-2027', semester: 2, startDate: '2027-02-20', endDate: '2027-07-10' };

const none = <T>(): Listed<T> => ({ total: 0, first: [] });
const some = <T>(...rows: T[]): Listed<T> => ({ total: rows.length, first: rows });

const pupil = (name: string, studentNumber = `G1403022019030110${name.length}X`): StudentRef => ({
  studentId: name.length,
  name,
  classLabel: '高一（1）班',
  studentNumber,
});

const caseFact = (changes: Partial<CaseFact> = {}): CaseFact => ({
  caseId: 7,
  kind: 'suspension',
  status: 'pending',
  subject: '王小明（高一（1）班）',
  studentId: 3,
  studentNumber: 'G140302201003011234',
  appliedOn: '2026-09-02',
  dueDate: '2026-09-09',
  openedOn: '2026-09-02',
  decidedOn: null,
  ...changes,
});

const timely = (rule: 'CHG-2' | 'DAT-1' | 'CHG-1') => ({
  rule,
  open: 0,
  overdue: none<CaseFact>(),
  decided: 3,
  late: none<CaseFact>(),
});

/** A school that meets every item on Monday 2 November 2026, in the autumn term. */
function goodSchool(changes: Partial<InspectionFacts> = {}): InspectionFacts {
  const days: string[] = [];
  for (
    let day = new Date('2026-09-01T00:00:00Z');
    day < new Date('2026-11-02T00:00:00Z');
    day.setUTCDate(day.getUTCDate() + 1)
  ) {
    days.push(day.toISOString().slice(0, 10));
  }
  return {
    today: '2026-11-02',
    school: {
      name: '阳泉市第一中学',
      code: '1114000001',
      type: '342',
      ownership: '1',
      provincialModel: false,
      enrollmentZone: '城区',
      registerOffice: '学籍室',
      registerOfficer: '王丽',
      officerPhone: '0353-1234567',
    },
    schoolChange: { at: '2026-09-01T08:10:00+08:00', by: '王丽（wangli）' },
    terms: [autumn, spring],
    firstDay: '2026-08-20',
    students: 120,
    classes: 3,
    casesOpened: 4,
    archive: { checked: 120, incomplete: none() },
    vocationalArchive: none(),
    studentNumbers: { missing: none(), temporary: none() },
    auxiliaryNumbers: { seniorHigh: 40, missing: none() },
    enrollmentPlan: {
      year: 2026,
      plan: {
        year: 2026,
        places: 45,
        classSize: 45,
        parallelClasses: 1,
        zoneCodes: ['140302'],
        zoneNote: '',
        documentNumber: '',
        enrolled: 40,
        updatedAt: '2026-06-05T09:00:00+08:00',
        updatedBy: 'wangli',
      },
    },
    photos: { missing: none(), recent: 0 },
    graduates: { students: 40, incomplete: none() },
    movements: timely('CHG-2'),
    changeRequests: timely('DAT-1'),
    transfers: { ...timely('CHG-1'), outsideWindow: none() },
    departures: { overdue: none(), suspensionEnded: none() },
    duplicates: { numbers: none(), identity: none() },
    verification: { verified: 120, unverified: none() },
    loginDays: days,
    auditChain: {
      ok: true,
      rows: 812,
      firstBroken: null,
      problem: null,
      headHash: 'ab',
      verifiedAt: '2026-11-02T08:00:00+08:00',
    },
    password: { policy: defaultPasswordPolicy, expired: [] },
    lateEntries: { cases: none(), students: none() },
    flexibleStudy: { students: 0, withoutException: none(), withException: 0 },
    ...changes,
  };
}

function itemOf(facts: InspectionFacts, id: string): InspectionItem {
  const found = inspectionSections(facts)
    .flatMap((section) => section.items)
    .find((item) => item.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

describe('self-inspection report (INS-1)', () => {
  it('INS-1 answers every item of the 中小学 guideline, and a school that meets them all has no advice', () => {
    const report = selfInspection(goodSchool(), '2026-11-02T08:00:00+08:00');
    expect(report.sections.map((section) => section.title)).toEqual([
      '一、学校管理',
      '二、学籍管理',
      '三、安全保障',
      '四、其他要求',
    ]);
    const items = report.sections.flatMap((section) => section.items);
    expect(items.filter((item) => item.verdict !== 'pass').map((item) => item.id)).toEqual([]);
    expect(items.every((item) => item.advice === null && item.exceptions.total === 0)).toBe(true);
    expect(report.summary).toEqual({ pass: items.length, attention: 0, fail: 0, notApplicable: 0 });
    expect(report.scope.term).toBe('2026-2027学年 第一学期（2026年9月1日至2026年11月2日）');
  });

  it('INS-1 adds the five vocational items for a 中职 school and marks 学籍辅号 and the city transfer window 不适用', () => {
    const facts = goodSchool({ school: { ...goodSchool().school, type: '360' } });
    const sections = inspectionSections(facts);
    expect(sections.at(-1)?.items.map((item) => item.rules[0])).toEqual(['VOC-1', 'VOC-2', 'VOC-3', 'VOC-4', 'VOC-5']);
    expect(itemOf(facts, 'register.auxiliaryNumber').verdict).toBe('notApplicable');
    expect(itemOf(facts, 'changes.transfer').verdict).toBe('notApplicable');
  });

  it('SCH-1 fails without the school type or 公办/民办 and asks for attention without the responsible person', () => {
    const school = goodSchool().school;
    const untyped = itemOf(goodSchool({ school: { ...school, ownership: null } }), 'school.profile');
    expect(untyped.verdict).toBe('fail');
    expect(untyped.advice).toContain('办学类型');
    expect(itemOf(goodSchool({ school: { ...school, registerOfficer: '' } }), 'school.profile').verdict).toBe(
      'attention',
    );
    expect(itemOf(goodSchool(), 'school.profile').finding).toContain('最近一次由王丽（wangli）修改于2026年9月1日');
  });

  it('SCH-2 fails when no term is set and passes in a holiday whose next term is set', () => {
    const unset = itemOf(goodSchool({ terms: [] }), 'school.term');
    expect(unset).toMatchObject({ verdict: 'fail', finding: '尚未设置任何学年学期。' });
    expect(unset.advice).toContain('学年学期设置');
    const holiday = itemOf(goodSchool({ today: '2027-02-01' }), 'school.term');
    expect(holiday.verdict).toBe('pass');
    expect(holiday.finding).toContain('2027年2月20日开学');
    expect(itemOf(goodSchool({ terms: [autumn], today: '2027-03-01' }), 'school.term').verdict).toBe('fail');
  });

  it('SCH-3 asks for the registration papers always and the papers of movements, changes and 奖惩 only after them', () => {
    expect(requiredSchoolItems({ moved: false, changed: false, rewarded: false })).toEqual([
      'registrationForm',
      'householdCopy',
      'idCopy',
      'birthCertificate',
      'enrollmentProof',
    ]);
    expect(requiredSchoolItems({ moved: true, changed: true, rewarded: true })).toHaveLength(8);
    expect(requiredVocationalItems(false)).toEqual(['moralEvaluation', 'courseGrades', 'grantsWaivers']);
    expect(requiredVocationalItems(true)).toEqual(['graduateRegistration']);
  });

  it('SCH-3 lists each student whose paper archive is incomplete, with the missing papers', () => {
    const archive = {
      checked: 100,
      incomplete: { total: 31, first: [{ ...pupil('李小红'), missing: ['householdCopy', 'birthCertificate'] }] },
    };
    const found = itemOf(goodSchool({ archive }), 'school.archive');
    expect(found.verdict).toBe('fail');
    expect(found.finding).toBe('在读、休学学生 120 人，31 人的纸质档案不齐全，其中 20 人尚未在系统中核对过纸质档案。');
    expect(found.exceptions.total).toBe(31);
    expect(found.exceptions.rows[0]?.problem).toBe('缺：户口簿户主页和本人页复印件、出生医学证明复印件');
  });

  it('REG-1 fails for a student without 学籍号 and asks for attention for a temporary L number', () => {
    const missing = goodSchool({ studentNumbers: { missing: some(pupil('张三', '')), temporary: none() } });
    expect(itemOf(missing, 'register.studentNumber').verdict).toBe('fail');
    const temporary = goodSchool({
      studentNumbers: { missing: none(), temporary: some(pupil('李四', 'L140302201003011234')) },
    });
    const found = itemOf(temporary, 'register.studentNumber');
    expect(found.verdict).toBe('attention');
    expect(found.exceptions.rows[0]).toMatchObject({ subject: '李四', studentNumber: 'L140302201003011234' });
  });

  it('REG-2 fails for a senior-high student without 学籍辅号 and does not apply without senior grades', () => {
    const found = itemOf(
      goodSchool({ auxiliaryNumbers: { seniorHigh: 40, missing: some(pupil('赵五')) } }),
      'register.auxiliaryNumber',
    );
    expect(found).toMatchObject({ verdict: 'fail', finding: '高中学生 40 人，其中 1 人没有学籍辅号。' });
    expect(
      itemOf(goodSchool({ auxiliaryNumbers: { seniorHigh: 0, missing: none() } }), 'register.auxiliaryNumber').verdict,
    ).toBe('notApplicable');
  });

  it('ENR-1 fails without this year’s plan, waits in June, and ENR-2 notes enrolment above the plan', () => {
    expect(enrollmentPlanYear('2026-11-02')).toBe(2026);
    expect(enrollmentPlanYear('2027-03-01')).toBe(2026);
    expect(enrollmentPlanYear('2027-06-03')).toBe(2027);
    expect(itemOf(goodSchool({ enrollmentPlan: { year: 2026, plan: null } }), 'enrollment.plan').verdict).toBe('fail');
    const june = goodSchool({ today: '2027-06-03', enrollmentPlan: { year: 2027, plan: null } });
    expect(itemOf(june, 'enrollment.plan').verdict).toBe('attention');
    const plan = goodSchool().enrollmentPlan.plan!;
    const over = itemOf(
      goodSchool({ enrollmentPlan: { year: 2026, plan: { ...plan, enrolled: 48 } } }),
      'enrollment.plan',
    );
    expect(over.verdict).toBe('attention');
    expect(over.finding).toContain('超出计划 3 人');
  });

  it('ENR-2 waits 30 days for a new student’s photo and fails for older records without one', () => {
    const recent = { ...pupil('钱六'), registeredOn: '2026-10-20' };
    expect(itemOf(goodSchool({ photos: { missing: some(recent), recent: 1 } }), 'enrollment.photo').verdict).toBe(
      'attention',
    );
    const old = { ...pupil('孙七'), registeredOn: '2026-09-01' };
    const found = itemOf(goodSchool({ photos: { missing: some(recent, old), recent: 1 } }), 'enrollment.photo');
    expect(found.verdict).toBe('fail');
    expect(found.exceptions.rows[1]?.problem).toBe('没有学籍照片（2026年9月1日登记）');
  });

  it('GRD-2 counts the days to 30 June and fails once it has passed with graduates still incomplete', () => {
    const incomplete = some({ ...pupil('周八'), missingStudyHistory: true, missingComment: false });
    const before = itemOf(goodSchool({ graduates: { students: 40, incomplete } }), 'graduation.records');
    expect(before.verdict).toBe('attention');
    expect(before.finding).toContain('距2027年6月30日还有 240 天');
    expect(before.exceptions.rows[0]?.problem).toBe('缺学习简历');
    const after = itemOf(
      goodSchool({ today: '2027-07-05', graduates: { students: 40, incomplete } }),
      'graduation.records',
    );
    expect(after.verdict).toBe('fail');
    expect(after.finding).toContain('已过2027年6月30日 5 天');
  });

  it('CHG-2 lists an overdue suspension under 学籍异动 as 不符合 with the student’s name', () => {
    const movements = { ...timely('CHG-2'), open: 1, overdue: some(caseFact()) };
    const found = itemOf(goodSchool({ movements }), 'changes.timely');
    expect(found.part).toBe('（四）学籍异动');
    expect(found.verdict).toBe('fail');
    expect(found.exceptions.rows[0]).toMatchObject({
      subject: '王小明',
      classLabel: '高一（1）班',
      dueDate: '2026-09-09',
      problem: '休学：2026年9月2日申请，应于2026年9月9日前办结，已逾期 54 天，仍在办理中',
    });
  });

  it('CHG-2 and DAT-1 ask for attention when a case was decided after its week', () => {
    const late = caseFact({ kind: 'basicInfoChange', status: 'approved', decidedOn: '2026-09-12' });
    const found = itemOf(
      goodSchool({ changeRequests: { ...timely('DAT-1'), late: some(late) } }),
      'maintenance.timely',
    );
    expect(found.verdict).toBe('attention');
    expect(found.exceptions.rows[0]?.problem).toBe(
      '基本信息变更：2026年9月2日申请，2026年9月12日才办结（期限2026年9月9日，晚 3 天）',
    );
  });

  it('CHG-1 fails for a transfer applied for outside the window a month around a semester’s start', () => {
    const outside = caseFact({ kind: 'transferOut', appliedOn: '2026-10-20', dueDate: null });
    const found = itemOf(
      goodSchool({ transfers: { ...timely('CHG-1'), outsideWindow: some(outside) } }),
      'changes.transfer',
    );
    expect(found.verdict).toBe('fail');
    expect(found.exceptions.rows[0]?.problem).toBe('转出：2026年10月20日申请，不在开学前后一个月的转学时间内');
  });

  it('SEC-2 reports the policy as configured and asks for attention when it is weaker than practice or a password expired', () => {
    expect(itemOf(goodSchool(), 'security.password').finding).toContain('每 90 天须更换');
    const loose = goodSchool({ password: { policy: { ...defaultPasswordPolicy, rotationDays: 180 }, expired: [] } });
    expect(itemOf(loose, 'security.password').verdict).toBe('attention');
    const expired = goodSchool({
      password: {
        policy: defaultPasswordPolicy,
        expired: [{ userName: 'lisi', displayName: '李四', since: '2026-10-01' }],
      },
    });
    expect(itemOf(expired, 'security.password').exceptions.rows[0]?.subject).toBe('李四（lisi）');
  });

  it('OPS-3 fails the access-log item when the chain is broken, naming the first broken row', () => {
    const auditChain = {
      ...goodSchool().auditChain,
      ok: false,
      firstBroken: 17,
      problem: '第 17 条记录的内容被改动。',
    };
    const found = itemOf(goodSchool({ auditChain }), 'security.accessLog');
    expect(found.verdict).toBe('fail');
    expect(found.exceptions.rows[0]).toMatchObject({ subject: '第 17 条记录', problem: '第 17 条记录的内容被改动。' });
  });

  it('OPS-1 tolerates up to five missed school days as possible holidays and fails beyond', () => {
    const withoutOctober = goodSchool().loginDays.filter((day) => !day.startsWith('2026-10-0'));
    const found = itemOf(goodSchool({ loginDays: withoutOctober }), 'conduct.login');
    expect(found.verdict).toBe('fail');
    expect(found.exceptions.rows[0]?.subject).toBe('2026年10月9日（星期五）');
    const twoMissed = goodSchool().loginDays.filter((day) => day !== '2026-10-08' && day !== '2026-10-09');
    expect(itemOf(goodSchool({ loginDays: twoMissed }), 'conduct.login').verdict).toBe('attention');
    const firstDay = itemOf(goodSchool({ firstDay: '2026-11-02', loginDays: [] }), 'conduct.login');
    expect(firstDay).toMatchObject({ verdict: 'pass' });
    expect(firstDay.finding).toContain('还没有要统计的学校工作日');
  });

  it('OPS-2 fails for two records with one ID number and asks to review same name and birth date', () => {
    const group = (kind: 'idNumber' | 'identity') => ({
      kind,
      value: kind === 'idNumber' ? '140302201003011234' : '王芳 2010-03-01',
      students: [
        { ...pupil('王芳'), status: 'enrolled' as const },
        { ...pupil('王芳'), studentId: 9, classLabel: '初三（2）班', status: 'transferredOut' as const },
      ],
    });
    const hard = itemOf(
      goodSchool({ duplicates: { numbers: some(group('idNumber')), identity: none() } }),
      'conduct.duplicates',
    );
    expect(hard.verdict).toBe('fail');
    expect(hard.exceptions.rows[0]?.problem).toBe(
      '身份证件号相同（140302201003011234）的记录 2 条：高一（1）班 在读；初三（2）班 转出',
    );
    expect(
      itemOf(goodSchool({ duplicates: { numbers: none(), identity: some(group('identity')) } }), 'conduct.duplicates')
        .verdict,
    ).toBe('attention');
  });

  it('OPS-2 fails while a departed student’s case is overdue and asks for attention when a suspension ended', () => {
    const overdue = caseFact({ kind: 'dropout', subject: '吴九（高二（1）班）' });
    expect(
      itemOf(goodSchool({ departures: { overdue: some(overdue), suspensionEnded: none() } }), 'conduct.departures')
        .verdict,
    ).toBe('fail');
    const ended = some({ ...pupil('郑十'), endDate: '2026-10-01' });
    const found = itemOf(goodSchool({ departures: { overdue: none(), suspensionEnded: ended } }), 'conduct.departures');
    expect(found.verdict).toBe('attention');
    expect(found.exceptions.rows[0]?.problem).toBe('休学期至2026年10月1日已满 32 天，未办理复学或其他异动');
  });

  it('VER-1 asks for attention while the term runs and fails once it ended with records unverified', () => {
    const verification = { verified: 100, unverified: { total: 20, first: [pupil('冯一')] } };
    const running = itemOf(goodSchool({ verification }), 'conduct.verification');
    expect(running.verdict).toBe('attention');
    expect(running.finding).toContain('还有 20 人未核对');
    expect(itemOf(goodSchool({ verification, today: '2027-02-01' }), 'conduct.verification').verdict).toBe('fail');
    expect(inspectionPeriod([autumn, spring], '2027-02-01', '2026-08-20').term).toBe(autumn);
  });

  it('VOC-1, VOC-3 and VOC-5 read the 中职 facts: office, late entries, flexible-study cases without consent', () => {
    const vocational = { ...goodSchool().school, type: '360' };
    expect(itemOf(goodSchool({ school: { ...vocational, registerOffice: '' } }), 'vocational.office').verdict).toBe(
      'fail',
    );
    const lateCase = caseFact({ kind: 'transferOut', appliedOn: '2026-09-02', openedOn: '2026-09-20' });
    const entry = itemOf(
      goodSchool({ school: vocational, lateEntries: { cases: some(lateCase), students: none() } }),
      'vocational.entry',
    );
    expect(entry.verdict).toBe('fail');
    expect(entry.exceptions.rows[0]?.problem).toBe('转出：2026年9月2日申请，2026年9月20日才录入（晚 18 天）');
    const flexible = { students: 5, withoutException: some(caseFact({ kind: 'changeMajor' })), withException: 1 };
    const changes = itemOf(goodSchool({ school: vocational, flexibleStudy: flexible }), 'vocational.changes');
    expect(changes.verdict).toBe('fail');
    expect(changes.finding).toContain('其中 1 件有教育主管部门书面同意');
  });
});
