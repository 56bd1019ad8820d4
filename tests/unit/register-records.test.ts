import { describe, expect, it } from 'vitest';
import {
  archiveChecklistProblems,
  archiveItemsFor,
  archiveStateText,
  graduationCommentProblems,
  graduationCommentText,
  isSeniorStage,
  punishmentTitlesFor,
  recordFieldLabel,
  type RewardPunishment,
  rewardPunishmentProblems,
  rewardPunishmentText,
  type StudyHistoryEntry,
  studyHistoryProblems,
  studyHistoryText,
} from '../../shared/register/studentRecords';

const today = new Date('2026-06-15T10:00:00+08:00');

const reward: RewardPunishment = {
  kind: 'reward',
  date: '2026-06-01',
  title: '三好学生',
  level: '5',
  issuer: '阳泉市第一中学',
  reason: '学年表现优秀',
  revokedOn: '',
};

const punishment: RewardPunishment = {
  kind: 'punishment',
  date: '2026-03-02',
  title: '警告',
  level: '5',
  issuer: '阳泉市第一中学',
  reason: '多次旷课',
  revokedOn: '',
};

describe('VOC-2 奖惩 entries', () => {
  it('accepts a school reward and a punishment in force', () => {
    expect(rewardPunishmentProblems(reward, today)).toEqual({});
    expect(rewardPunishmentProblems(punishment, today)).toEqual({});
  });

  it.each([
    ['a date after today', { date: '2026-06-16' }, 'date', '奖励日期 2026-06-16 晚于今天。'],
    ['an impossible date', { date: '2026-02-30' }, 'date', '不是有效日期'],
    ['a date written another way', { date: '2026/6/1' }, 'date', '应为“年-月-日”'],
    ['a one-character title', { title: '优' }, 'title', '奖励名称至少 2 个字。'],
    ['a title over 50 characters', { title: '优'.repeat(51) }, 'title', '不能超过 50 个字（现为 51 个）'],
    ['a level not in the list', { level: '9' }, 'level', '不在级别表中'],
    ['no level', { level: '' }, 'level', '请选择奖励级别。'],
    ['no issuer', { issuer: ' ' }, 'issuer', '请填写奖励单位。'],
    ['no reason', { reason: '' }, 'reason', '请填写奖励原因。'],
    ['a reason over 500 characters', { reason: '好'.repeat(501) }, 'reason', '不能超过 500 个字'],
    ['a revocation date on a reward', { revokedOn: '2026-06-10' }, 'revokedOn', '只有处分才有撤销日期'],
  ])('refuses a reward with %s, on that field', (_what, change, field, message) => {
    expect(rewardPunishmentProblems({ ...reward, ...change }, today)[field as 'date']).toContain(message);
  });

  it('accepts every honour level for rewards; a punishment is always 校级', () => {
    for (const level of ['1', '2', '3', '4', '5'])
      expect(rewardPunishmentProblems({ ...reward, level }, today)).toEqual({});
    expect(rewardPunishmentProblems({ ...punishment, level: '3' }, today).level).toBe(
      '处分由学校作出，级别应为“校级”。',
    );
  });

  it('a revocation is not before the punishment and not in the future', () => {
    expect(rewardPunishmentProblems({ ...punishment, revokedOn: '2026-06-15' }, today)).toEqual({});
    expect(rewardPunishmentProblems({ ...punishment, revokedOn: '2026-03-01' }, today).revokedOn).toBe(
      '撤销日期 2026-03-01 早于处分日期 2026-03-02。',
    );
    expect(rewardPunishmentProblems({ ...punishment, revokedOn: '2026-07-01' }, today).revokedOn).toContain('晚于今天');
  });

  it('开除学籍 is refused in compulsory education and allowed in 高中阶段', () => {
    const expelled = { ...punishment, title: '开除学籍' };
    expect(rewardPunishmentProblems(expelled, today).title).toContain('义务教育阶段不得开除学生');
    expect(rewardPunishmentProblems(expelled, today, { seniorStage: true })).toEqual({});
    expect(isSeniorStage(9, false)).toBe(false);
    expect(isSeniorStage(10, false)).toBe(true);
    expect(isSeniorStage(1, true)).toBe(true);
    expect(punishmentTitlesFor(false)).toEqual(['警告', '严重警告', '记过', '留校察看']);
    expect(punishmentTitlesFor(true)).toContain('开除学籍');
  });

  it('reads as one line in the history, with every field', () => {
    expect(rewardPunishmentText(reward)).toBe('2026-06-01 奖励 三好学生（校级，阳泉市第一中学）：学年表现优秀');
    expect(rewardPunishmentText({ ...punishment, revokedOn: '2026-06-01' })).toBe(
      '2026-03-02 处分 警告（校级，阳泉市第一中学，2026-06-01 撤销）：多次旷课',
    );
  });
});

const line = (fromMonth: string, toMonth: string, school = '阳泉市实验小学'): StudyHistoryEntry => ({
  fromMonth,
  toMonth,
  school,
  role: '',
  witness: '王芳',
});
const context = { today, birthDate: '2013-03-01' };

describe('GRD-2 学习简历', () => {
  it('accepts lines in order, one starting in the month the previous ended, the last “至今”', () => {
    const entries = [line('201909', '202107'), line('202107', '202506', '阳泉市城区小学'), line('202509', '')];
    expect(studyHistoryProblems(entries, context)).toEqual({});
    expect(studyHistoryProblems([], context)).toEqual({});
  });

  it.each([
    ['a month of 13', [line('201913', '202107')], 'studyHistory.0.fromMonth', '201913 不是有效的年月'],
    ['a date instead of a month', [line('2019-09', '202107')], 'studyHistory.0.fromMonth', '应为 6 位数字的年月'],
    ['a month after this one', [line('202607', '')], 'studyHistory.0.fromMonth', '202607 晚于本月'],
    ['a start before birth', [line('201201', '201301')], 'studyHistory.0.fromMonth', '早于出生年月 201303'],
    ['an end before the start', [line('202109', '201907')], 'studyHistory.0.toMonth', '早于起始年月 202109'],
    [
      '“至今” before the last line',
      [line('201909', ''), line('202109', '')],
      'studyHistory.0.toMonth',
      '只有最后一行可以是“至今”',
    ],
    [
      'lines out of order',
      [line('202109', '202306'), line('201909', '202107')],
      'studyHistory.1.fromMonth',
      '请按时间先后从早到晚填写',
    ],
    [
      'overlapping lines',
      [line('201909', '202107'), line('202103', '')],
      'studyHistory.1.fromMonth',
      '早于上一行的终止年月 202107，两段经历重叠',
    ],
    ['no school', [{ ...line('201909', ''), school: '' }], 'studyHistory.0.school', '请填写第 1 行的学习单位。'],
    ['no witness', [{ ...line('201909', ''), witness: ' ' }], 'studyHistory.0.witness', '请填写第 1 行的证明人。'],
    [
      'a role over 30 characters',
      [{ ...line('201909', ''), role: '长'.repeat(31) }],
      'studyHistory.0.role',
      '不能超过 30 个字',
    ],
  ])('refuses %s, keyed by line and field', (_what, entries, key, message) => {
    expect(studyHistoryProblems(entries, context)[key]).toContain(message);
  });

  it('allows at most 30 lines', () => {
    const months = Array.from({ length: 31 }, (_, i) => line(`${2000 + i}01`, `${2000 + i}06`));
    expect(studyHistoryProblems(months.slice(0, 26), { today })).toEqual({});
    expect(studyHistoryProblems(months, { today })).toEqual({
      studyHistory: '学习简历最多 30 行（现为 31 行），请合并较早的经历。',
    });
  });

  it('reads as one line in the history', () => {
    expect(studyHistoryText([line('201909', '202506'), { ...line('202509', '', '阳泉一中'), role: '班长' }])).toBe(
      '201909-202506 阳泉市实验小学，证明人 王芳；202509-至今 阳泉一中 班长，证明人 王芳',
    );
  });
});

describe('GRD-2 毕业评语', () => {
  const comment = { text: '该生尊敬师长，团结同学，学习刻苦。', author: '赵老师', date: '2026-06-10' };

  it('accepts a comment signed by the teacher on a past day', () => {
    expect(graduationCommentProblems(comment, today)).toEqual({});
    expect(graduationCommentText(comment)).toBe('该生尊敬师长，团结同学，学习刻苦。（赵老师，2026-06-10）');
  });

  it('refuses a short text, a long text, an author who is not a name and a future date', () => {
    expect(graduationCommentProblems({ ...comment, text: '表现良好。' }, today).text).toBe('毕业评语至少 10 个字。');
    expect(graduationCommentProblems({ ...comment, text: '好'.repeat(1001) }, today).text).toContain(
      '不能超过 1000 个字',
    );
    expect(graduationCommentProblems({ ...comment, author: '赵老师1' }, today).author).toContain('评语人中不能有「1」');
    expect(graduationCommentProblems({ ...comment, author: '' }, today).author).toBe('评语人不能为空。');
    expect(graduationCommentProblems({ ...comment, date: '2026-06-16' }, today).date).toContain('晚于今天');
  });
});

describe('SCH-3 and VOC-2 纸质档案 checklist', () => {
  it('a 中职 keeps the VOC-2 items, other schools do not', () => {
    expect(archiveItemsFor(false).map((item) => item.code)).not.toContain('moralEvaluation');
    expect(archiveItemsFor(true).map((item) => item.code)).toContain('graduateRegistration');
  });

  it('refuses unknown items, VOC-2 items outside a 中职, an item twice and a long note', () => {
    const tick = (item: string, note = '') => ({ item, present: true, note });
    expect(archiveChecklistProblems([tick('idCopy'), tick('moralEvaluation')], true)).toEqual({});
    expect(archiveChecklistProblems([tick('diploma')], true)).toEqual({
      'archive.diploma': '「diploma」不是纸质档案清单中的项目。',
    });
    expect(archiveChecklistProblems([tick('moralEvaluation')], false)['archive.moralEvaluation']).toContain(
      '规则 VOC-2',
    );
    expect(archiveChecklistProblems([tick('idCopy'), tick('idCopy')], false)['archive.idCopy']).toContain('出现了两次');
    expect(archiveChecklistProblems([tick('idCopy', '注'.repeat(101))], false)['archive.idCopy']).toContain(
      '不能超过 100 个字',
    );
  });

  it('reads 有/无 with the note in the history, and names the fields', () => {
    expect(archiveStateText({ present: false, note: '' })).toBe('无');
    expect(archiveStateText({ present: true, note: '复印件' })).toBe('有（复印件）');
    expect(recordFieldLabel('archive.idCopy')).toBe('纸质档案：身份证件复印件');
    expect(recordFieldLabel('studyHistory')).toBe('学习简历');
    expect(recordFieldLabel('phone')).toBeUndefined();
  });
});
