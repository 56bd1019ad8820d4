/** 学年升级: the preview of the year-end promotion, what stops it, and the confirmed promotion. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PromotionPreview } from '../../shared/changes/caseRecords';
import { failure, removeFakeApi } from './fakeApi';
import { clerkSession, signedIn } from './fixtures';
import { bodyText, type MountedApp, mountApp } from './mountApp';

let app: MountedApp | undefined;

beforeEach(() => {
  document.body.innerHTML = '';
});

afterEach(() => {
  app?.unmount();
  app = undefined;
  removeFakeApi();
});

const ready: PromotionPreview = {
  schoolYear: '2027-2028',
  moves: [
    { fromLabel: '八年级（3）班', toLabel: '九年级（3）班', students: 44, createsClass: true, note: '' },
    {
      fromLabel: '七年级（1）班',
      toLabel: '八年级（1）班',
      students: 46,
      createsClass: false,
      note: '升级后八年级（1）班将有 51 人，超过班额 50 人。可在升级后调班，或在“班级管理”中修改班额。',
    },
    { fromLabel: '七年级（2）班', toLabel: '八年级（2）班', students: 45, createsClass: false, note: '' },
  ],
  studentCount: 135,
  suspendedStaying: 2,
  refusals: [],
};

const blocked: PromotionPreview = {
  ...ready,
  refusals: [
    {
      rule: 'GRD-1',
      message:
        '毕业年级还有在读学生：九年级 3 人。请先在“毕业办理”中为他们办理毕业、结业或肄业，再升级（规则 GRD-1）。',
    },
  ],
};

const done: PromotionPreview = {
  ...ready,
  moves: [],
  studentCount: 0,
  suspendedStaying: 0,
  refusals: [
    {
      rule: 'OPS-2',
      message:
        '2027-2028学年的全校升级已于2027年7月10日由 lilaoshi 办理。每个学年只升级一次（规则 OPS-2 人籍一致：再升一次，学生的年级会高于实际年级）。',
    },
  ],
};

const moveRows = (): string[] =>
  [...document.querySelectorAll('.moves .el-table__body tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s+/g, ' ').trim()).join(' '),
  );
const totals = (): string[] =>
  [...document.querySelectorAll('.totals > div')].map((pair) =>
    [...pair.children].map((part) => part.textContent?.replace(/\s+/g, ' ').trim()).join(' '),
  );
const confirmButton = (): HTMLButtonElement | undefined =>
  [...document.querySelectorAll<HTMLButtonElement>('.page button')].find((b) => b.textContent?.trim() === '确认升级');

describe('学年升级', () => {
  it('previews each class’s move, the totals and the suspended students who stay (CHG-3)', async () => {
    app = await mountApp('/promotion', { status: signedIn(clerkSession), previewPromotion: ready });
    expect(app.fake.calls['previewPromotion']).toBe(1);
    expect(bodyText()).toContain('升级预览：2027-2028学年');
    expect(moveRows()).toHaveLength(3);
    expect(moveRows()[0]).toContain('1 八年级（3）班 → 九年级（3）班将新建 44 人');
    expect(moveRows()[1]).toContain('2 七年级（1）班 → 八年级（1）班 46 人');
    expect(moveRows()[1]).not.toContain('将新建');
    expect(moveRows()[1]).toContain('超过班额 50 人');
    expect(totals()).toEqual(['升级学生 135 人', '涉及班级 3 个（将新建 1 个）', '休学留原年级 2 人']);
    expect(bodyText()).toContain('休学学生仍是在校生（规则 CHG-3），升级时留在原年级，复学时回到该年级。');
    expect(confirmButton()).toBeDefined();
  });

  it('shows what stops the promotion, with its rule, and offers no 确认升级', async () => {
    app = await mountApp('/promotion', { status: signedIn(clerkSession), previewPromotion: blocked });
    const refusals = document.querySelector('.refusals')!;
    expect(refusals.textContent).toContain('以下情况处理后才能升级');
    expect(refusals.textContent).toContain('GRD-1');
    expect(refusals.textContent).toContain('毕业年级还有在读学生：九年级 3 人');
    expect(confirmButton()).toBeUndefined();
  });

  it('promotes the preview’s school year only after the clerk confirms, then shows what was done', async () => {
    let promoted = false;
    app = await mountApp('/promotion', {
      status: signedIn(clerkSession),
      previewPromotion: () => (promoted ? done : ready),
      promoteSchool: (schoolYear) => {
        promoted = true;
        return { schoolYear, studentCount: 135, classesCreated: 1 };
      },
    });
    confirmButton()!.click();
    await app.settle();
    const box = document.querySelector('.el-message-box')!;
    expect(box.textContent).toContain('确认 2027-2028学年升级？');
    expect(box.textContent).toContain('全校 135 名在读学生将升入 2027-2028学年的新年级，并新建 1 个班级。');
    expect(box.textContent).toContain('2 名休学学生留在原年级');
    expect(box.textContent).toContain('不能在本程序中撤销');
    expect(app.fake.calls['promoteSchool']).toBeUndefined();

    [...box.querySelectorAll('button')].find((b) => b.textContent?.trim() === '确认升级')!.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await app.settle();
    expect(app.fake.args.promoteSchool).toEqual([['2027-2028']]);
    expect(bodyText()).toContain('已完成 2027-2028学年升级');
    expect(bodyText()).toContain('135 名学生升入下一年级，新建班级 1 个。');
    // The preview is read again and now says the year is done.
    expect(app.fake.calls['previewPromotion']).toBe(2);
    expect(document.querySelector('.refusals')?.textContent).toContain('每个学年只升级一次');
    expect(confirmButton()).toBeUndefined();
  });

  it('shows core’s refusal when the promotion cannot be carried out', async () => {
    app = await mountApp('/promotion', {
      status: signedIn(clerkSession),
      previewPromotion: ready,
      promoteSchool: failure(
        'RULE_VIOLATION',
        '确认的是2027-2028学年的升级，但今天应办理的是2028-2029学年的升级（规则 OPS-2 人籍一致：每个学年只升级一次）。请重新预览，核对后再确认。',
      ),
    });
    confirmButton()!.click();
    await app.settle();
    const box = document.querySelector('.el-message-box')!;
    [...box.querySelectorAll('button')].find((b) => b.textContent?.trim() === '确认升级')!.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await app.settle();
    const alert = document.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('升级没有完成，学生和班级都没有改变');
    expect(alert.textContent).toContain('请重新预览，核对后再确认');
    expect(bodyText()).not.toContain('已完成');
  });

  it('does nothing when the clerk cancels the confirmation', async () => {
    app = await mountApp('/promotion', { status: signedIn(clerkSession), previewPromotion: ready });
    confirmButton()!.click();
    await app.settle();
    const box = document.querySelector('.el-message-box')!;
    [...box.querySelectorAll('button')].find((b) => b.textContent?.trim() === '取消')!.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await app.settle();
    expect(app.fake.calls['promoteSchool']).toBeUndefined();
  });
});
