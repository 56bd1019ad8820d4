/**
 * 学生名册 as a virtualised table read in blocks, its filters kept in the
 * address, and 班级管理's photo export. happy-dom has no layout, so the
 * table shows only its first row here; which blocks are read as the clerk
 * scrolls is checked on the store, which the table drives.
 */
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StudentQuery, StudentSummary } from '../../shared/register/students';
import { emptyRollFilter, rollFilterFromQuery } from '../../renderer/src/format/roll';
import { rollBlockSize, useRollStore } from '../../renderer/src/stores/roll';
import { failure, installFakeApi, removeFakeApi } from './fakeApi';
import { auditorSession, clerkSession, girlIdNumber, girlSummary, signedIn } from './fixtures';
import { bodyText, button, type MountedApp, mountApp, settle } from './mountApp';

let app: MountedApp | undefined;

beforeEach(() => {
  document.body.innerHTML = '';
});

afterEach(() => {
  app?.unmount();
  app = undefined;
  removeFakeApi();
  vi.restoreAllMocks();
});

/** A roll of `total` students, answered a block at a time like core. */
function school(total: number) {
  return (query: StudentQuery) => ({
    rows: Array.from({ length: Math.max(0, Math.min(query.limit, total - query.offset)) }, (_, i) => ({
      ...girlSummary,
      id: query.offset + i + 1,
      name: `学生${query.offset + i + 1}`,
    })),
    total,
  });
}

/** A call held until the test lets it answer. */
function held<T>() {
  let answer!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (answer = resolve));
  return { promise, answer };
}

const offsetsAsked = (fake: ReturnType<typeof installFakeApi>): number[] =>
  (fake.args.listStudents ?? []).map(([query]) => query.offset);

describe('学生名册 blocks (store)', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('reads the first block with the total, then each further block once as rows come into view', async () => {
    const fake = installFakeApi({ listStudents: school(50_000) });
    const roll = useRollStore();
    await roll.search(emptyRollFilter);
    expect(roll.total).toBe(50_000);
    expect(roll.rows).toHaveLength(50_000);
    expect(roll.rows[0]!.student?.name).toBe('学生1');
    expect(roll.rows[rollBlockSize]!.student).toBeNull();

    roll.show(150, 170); // near the end of the first block: the next one is read ahead
    roll.show(160, 180); // still on its way: not asked again
    await settle();
    roll.show(190, 215); // read already
    expect(offsetsAsked(fake)).toEqual([0, 200]);
    expect(roll.rows[rollBlockSize]!.student?.name).toBe('学生201');

    roll.show(30_000, 30_020); // a jump down the scroll bar reads only the block it lands in
    await settle();
    expect(offsetsAsked(fake)).toEqual([0, 200, 30_000]);
    expect(fake.args.listStudents!.every(([query]) => query.limit === rollBlockSize)).toBe(true);
  });

  it('sends every filter to listStudents, the text trimmed', async () => {
    const fake = installFakeApi({ listStudents: school(3) });
    await useRollStore().search({ text: ' zsf ', grade: 7, classId: 2, status: 'suspended', flag: 'noPhoto' });
    expect(fake.args.listStudents).toEqual([
      [{ text: 'zsf', grade: 7, classId: 2, status: 'suspended', flag: 'noPhoto', limit: rollBlockSize, offset: 0 }],
    ]);
  });

  it('ignores an earlier search that answers after a later one', async () => {
    const slow = held<{ rows: StudentSummary[]; total: number }>();
    installFakeApi({ listStudents: (query) => (query.text === '李' ? slow.promise : school(2)(query)) });
    const roll = useRollStore();
    const first = roll.search({ ...emptyRollFilter, text: '李' });
    await roll.search({ ...emptyRollFilter, text: '李思' });
    slow.answer(school(900)({ limit: rollBlockSize, offset: 0 }));
    await first;
    expect(roll.total).toBe(2);
    expect(roll.filter.text).toBe('李思');
  });

  it('drops a block of the previous filters that arrives after a new search', async () => {
    const late = held<{ rows: StudentSummary[]; total: number }>();
    installFakeApi({
      listStudents: (query) => (query.grade === 1 && query.offset === 200 ? late.promise : school(500)(query)),
    });
    const roll = useRollStore();
    await roll.search({ ...emptyRollFilter, grade: 1 });
    roll.show(190, 210);
    await roll.search({ ...emptyRollFilter, grade: 7 });
    late.answer({ rows: [{ ...girlSummary, name: '一年级的学生' }], total: 500 });
    await settle();
    expect(roll.rows.some((row) => row.student?.name === '一年级的学生')).toBe(false);
  });

  it('does not keep the previous filters’ rows on screen when a search fails', async () => {
    installFakeApi({
      listStudents: (query) => (query.flag ? failure('INTERNAL', '程序内部出错，请重试。') : school(10)(query)),
    });
    const roll = useRollStore();
    await roll.search(emptyRollFilter);
    await roll.search({ ...emptyRollFilter, flag: 'noPhoto' });
    expect(roll.rows).toHaveLength(0);
    expect(roll.loaded).toBe(false);
    expect(roll.error?.message).toBe('程序内部出错，请重试。');
  });

  it('reads filters from the address and leaves out what is malformed', () => {
    expect(rollFilterFromQuery({ q: '140302', grade: '7', class: '2', status: 'enrolled', flag: 'noPhoto' })).toEqual({
      text: '140302',
      grade: 7,
      classId: 2,
      status: 'enrolled',
      flag: 'noPhoto',
    });
    expect(rollFilterFromQuery({ grade: '13', class: '-1', status: 'gone', flag: 'x' })).toEqual(emptyRollFilter);
  });
});

/** Chooses an option of the select labelled `label`. */
async function choose(label: string, option: string): Promise<void> {
  const select = document.querySelector(`[aria-label="${label}"]`)!.closest('.el-select')!;
  (select.querySelector('.el-select__wrapper') as HTMLElement).click();
  await app!.settle();
  const item = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find(
    (el) => el.textContent?.trim() === option && el.closest('[style*="display: none"]') === null,
  );
  item!.click();
  await app!.settle();
}

const firstRow = (): HTMLElement => document.querySelector<HTMLElement>('.el-table-v2__row')!;

/** Where the page tried to go; the record and the registration form are not rendered (they are tested elsewhere). */
function leaving(): string[] {
  const targets: string[] = [];
  app!.router.beforeEach((to) => {
    if (!to.path.startsWith('/students/')) return true;
    targets.push(to.fullPath);
    return false;
  });
  return targets;
}

describe('学生名册 page', () => {
  it('masks the middle of ID numbers until the clerk asks to see them', async () => {
    app = await mountApp('/students', { status: signedIn(clerkSession) });
    expect(firstRow().textContent).toContain('140302********1124');
    expect(bodyText()).not.toContain(girlIdNumber);
    expect(bodyText()).toContain('共 1 名学生');
    (document.querySelector('.el-switch') as HTMLElement).click();
    await app.settle();
    expect(firstRow().textContent).toContain(girlIdNumber);
  });

  it('shows name, sex, birth date, 学籍号, class, status and photo in the row', async () => {
    app = await mountApp('/students', { status: signedIn(clerkSession) });
    const cells = [...firstRow().querySelectorAll('[role="cell"]')].map((cell) => cell.textContent?.trim());
    expect(cells).toEqual([
      '1',
      '李思涵',
      '女',
      '2019-03-01',
      '140302********1124',
      '—',
      '一年级（2）班',
      '在读',
      '无',
    ]);
  });

  it('opens the record on a click and on Enter', async () => {
    app = await mountApp('/students', { status: signedIn(clerkSession) });
    const targets = leaving();
    firstRow().click();
    await app.settle();
    firstRow().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await app.settle();
    expect(targets).toEqual(['/students/7', '/students/7']);
  });

  it('puts the chosen filters in the address and searches with them, and restores them on 返回', async () => {
    app = await mountApp('/students', { status: signedIn(clerkSession) });
    await choose('年级', '七年级');
    await choose('标记', '无照片');
    expect(app.router.currentRoute.value.query).toEqual({ grade: '7', flag: 'noPhoto' });
    expect(app.fake.args.listStudents!.at(-1)).toEqual([
      { grade: 7, flag: 'noPhoto', limit: rollBlockSize, offset: 0 },
    ]);

    await app.router.push('/classes');
    await app.settle();
    app.router.back();
    await app.settle();
    expect(app.router.currentRoute.value.fullPath).toBe('/students?grade=7&flag=noPhoto');
    expect(app.fake.args.listStudents!.at(-1)).toEqual([
      { grade: 7, flag: 'noPhoto', limit: rollBlockSize, offset: 0 },
    ]);
    expect(document.querySelector('[aria-label="年级"]')!.closest('.el-select')!.textContent).toContain('七年级');
  });

  it('offers only the chosen grade’s classes, and drops a class of another grade', async () => {
    app = await mountApp('/students?class=1', { status: signedIn(clerkSession) });
    expect(app.fake.args.listStudents![0]).toEqual([{ classId: 1, limit: rollBlockSize, offset: 0 }]);
    await choose('年级', '七年级');
    expect(app.router.currentRoute.value.query).toEqual({ grade: '7' });
    (document.querySelector('[aria-label="班级"]')!.closest('.el-select__wrapper') as HTMLElement).click();
    await app.settle();
    const offered = [...document.querySelectorAll('.el-select-dropdown__item')]
      .filter((el) => el.closest('[style*="display: none"]') === null)
      .map((el) => el.textContent?.trim());
    expect(offered).toEqual(['七年级（1）班']);
  });

  it('searches once the clerk pauses typing, not on every key', async () => {
    app = await mountApp('/students', { status: signedIn(clerkSession) });
    const input = document.querySelector<HTMLInputElement>('input[aria-label="查找学生"]')!;
    for (const text of ['l', 'ls', 'lsh']) {
      input.value = text;
      input.dispatchEvent(new Event('input'));
    }
    await new Promise((done) => setTimeout(done, 400));
    await app.settle();
    expect(app.fake.args.listStudents!.map(([query]) => query.text)).toEqual([undefined, 'lsh']);
    expect(app.router.currentRoute.value.query).toEqual({ q: 'lsh' });
  });

  it('says no student matches, and 清除筛选 shows the whole roll again', async () => {
    app = await mountApp('/students?status=abroad', {
      status: signedIn(clerkSession),
      listStudents: (query) => (query.status ? { rows: [], total: 0 } : { rows: [girlSummary], total: 1 }),
    });
    expect(bodyText()).toContain('没有符合筛选条件的学生');
    expect(bodyText()).toContain('共 0 名学生');
    const clear = [...document.querySelectorAll('.el-empty button')].find((b) => b.textContent?.trim() === '清除筛选');
    (clear as HTMLButtonElement).click();
    await app.settle();
    expect(app.router.currentRoute.value.fullPath).toBe('/students');
    expect(firstRow().textContent).toContain('李思涵');
  });

  it('tells a school with no students yet to register the first one', async () => {
    app = await mountApp('/students', { status: signedIn(clerkSession), listStudents: { rows: [], total: 0 } });
    expect(bodyText()).toContain('还没有登记学生。请先登记第一名学生。');
    const targets = leaving();
    const register = [...document.querySelectorAll('.el-empty button')].find(
      (b) => b.textContent?.trim() === '登记学生',
    );
    (register as HTMLButtonElement).click();
    await app.settle();
    expect(targets).toEqual(['/students/new']);
  });

  it('offers 登记学生 to clerks, not to 审计员', async () => {
    app = await mountApp('/students', { status: signedIn(auditorSession), listStudents: { rows: [], total: 0 } });
    expect(() => button('登记学生')).toThrow();
    expect(bodyText()).toContain('还没有登记学生。');
  });

  it('shows why the roll could not be read', async () => {
    app = await mountApp('/students', {
      status: signedIn(clerkSession),
      listStudents: failure('INTERNAL', '程序内部出错，请重试。如果问题依旧，请联系技术支持。'),
    });
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('无法读取学生名册');
    expect(bodyText()).toContain('程序内部出错，请重试。');
  });
});

describe('班级管理 导出照片', () => {
  it('exports the class’s photos and hands the zip to the save dialog', async () => {
    const zip = { fileName: '一年级（2）班-学籍照片.zip', mimeType: 'application/zip', base64: btoa('PK') } as const;
    app = await mountApp('/classes', { status: signedIn(clerkSession), exportClassPhotos: zip });
    Object.defineProperty(URL, 'createObjectURL', { value: () => 'blob:photos', configurable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: () => undefined, configurable: true });
    let downloaded = '';
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloaded = this.download;
    });
    const row = [...document.querySelectorAll('.el-table__body tr')].find((tr) =>
      tr.textContent?.includes('一年级（2）班'),
    )!;
    [...row.querySelectorAll('button')].find((b) => b.textContent?.trim() === '导出照片')!.click();
    await app.settle();
    expect(app.fake.args.exportClassPhotos).toEqual([[1]]);
    expect(downloaded).toBe('一年级（2）班-学籍照片.zip');
    expect(bodyText()).toContain('已导出一年级（2）班的学籍照片');
  });

  it('shows core’s refusal when the class has no photos', async () => {
    const refusal = '一年级（2）班的在读学生还没有照片，没有可导出的内容。';
    app = await mountApp('/classes', {
      status: signedIn(clerkSession),
      exportClassPhotos: failure('RULE_VIOLATION', refusal),
    });
    button('导出照片').click();
    await app.settle();
    expect(document.querySelector('.el-message')?.textContent).toContain(refusal);
  });

  it('is not offered to 审计员', async () => {
    app = await mountApp('/classes', { status: signedIn(auditorSession) });
    expect(() => button('导出照片')).toThrow();
  });
});
