/** 招生计划 (ENR-1): the plans by year, and recording the county bureau's plan with live checks. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnrollmentPlanRow } from '../../shared/register/enrollment';
import { removeFakeApi } from './fakeApi';
import { auditorSession, clerkSession, signedIn } from './fixtures';
import { bodyText, button, type MountedApp, mountApp } from './mountApp';

let app: MountedApp | undefined;

beforeEach(() => {
  document.body.innerHTML = '';
});

afterEach(() => {
  app?.unmount();
  app = undefined;
  removeFakeApi();
});

const plan2025: EnrollmentPlanRow = {
  year: 2025,
  places: 180,
  classSize: 45,
  parallelClasses: 4,
  zoneCodes: ['140302'],
  zoneNote: '',
  documentNumber: '阳城教字〔2025〕12号',
  enrolled: 182,
  updatedAt: '2025-06-05T10:30:00.000',
  updatedBy: 'lilaoshi',
};

const plan2026: EnrollmentPlanRow = {
  year: 2026,
  places: 180,
  classSize: 45,
  parallelClasses: 4,
  zoneCodes: ['140302', '140303'],
  zoneNote: '北大街街道全部',
  documentNumber: '阳城教字〔2026〕15号',
  enrolled: 12,
  updatedAt: '2026-06-04T09:15:00.000',
  updatedBy: 'lilaoshi',
};

const shown = (el: Element): boolean => el.closest('[style*="display: none"]') === null;
const rowTexts = (): string[] =>
  [...document.querySelectorAll('.page .el-table__body tr')].map((tr) => tr.textContent?.replace(/\s+/g, ' ') ?? '');

/** The message under the form item holding the element with this id, after Element Plus' debounce. */
async function messageOf(id: string): Promise<string> {
  await new Promise((done) => setTimeout(done, 150));
  const item = document.getElementById(id)?.closest('.el-form-item');
  return item?.querySelector('.el-form-item__error')?.textContent?.trim() ?? '';
}

async function type(id: string, text: string): Promise<void> {
  const input = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('change'));
  await app!.settle();
}

/** Ticks counties in the zone picker: opens it, then clicks through province and city to each county. */
async function pickZone(path: readonly string[], counties: readonly string[]): Promise<void> {
  (document.querySelector('#plan-zone .el-cascader') as HTMLElement).click();
  await app!.settle();
  for (const label of [...path, ...counties]) {
    const node = [...document.querySelectorAll<HTMLElement>('.el-cascader-node')].find(
      (el) => el.querySelector('.el-cascader-node__label')?.textContent?.trim() === label && shown(el),
    );
    if (!node) throw new Error(`no ${label} in the zone picker`);
    node.click();
    await app!.settle();
  }
}

describe('招生计划', () => {
  it('ENR-1 lists each year’s plan, newest first, with the zone by name and the students registered', async () => {
    app = await mountApp('/enrollment', {
      status: signedIn(clerkSession),
      listEnrollmentPlans: [plan2025, plan2026],
    });
    expect(bodyText()).toContain('每年 6 月初由县（区）教育局下达');
    const [first, second] = rowTexts();
    expect(first).toContain('2026 年');
    expect(first).toContain('山西省阳泉市城区、山西省阳泉市矿区');
    expect(first).toContain('北大街街道全部');
    expect(first).toContain('阳城教字〔2026〕15号');
    expect(first).toContain('lilaoshi');
    expect(first).toContain('2026-06-04 09:15');
    expect(second).toContain('2025 年');
    // ENR-2 in hindsight: more registered than planned shows in red.
    expect(document.querySelector('.over')?.textContent).toMatch(/182\s*（超出 2）/);
  });

  it('ENR-1 records the bureau’s plan: the dialog sends every figure, the zone as county codes', async () => {
    app = await mountApp('/enrollment', { status: signedIn(clerkSession), listEnrollmentPlans: [plan2025] });
    button('录入招生计划').click();
    await app.settle();
    await type('plan-year', '2026');
    await type('plan-places', '160');
    await type('plan-parallel', '4');
    expect(bodyText()).toContain('按班额和轨制可容纳 45 × 4 = 180 人。');
    await pickZone(['山西省', '阳泉市'], ['城区', '郊区']);
    await type('plan-zone-note', '北大街街道全部');
    await type('plan-document', '阳城教字〔2026〕15号');
    button('保存').click();
    await app.settle();
    expect(app.fake.args.saveEnrollmentPlan).toEqual([
      [
        {
          year: 2026,
          places: 160,
          classSize: 45,
          parallelClasses: 4,
          zoneCodes: ['140302', '140311'],
          zoneNote: '北大街街道全部',
          documentNumber: '阳城教字〔2026〕15号',
        },
      ],
    ]);
    expect(rowTexts()[0]).toContain('2026 年');
  });

  it('ENR-1 refuses places that the planned classes cannot hold, before anything is sent', async () => {
    app = await mountApp('/enrollment', { status: signedIn(clerkSession) });
    button('录入招生计划').click();
    await app.settle();
    await type('plan-places', '200');
    await type('plan-parallel', '4');
    button('保存').click();
    await app.settle();
    expect(await messageOf('plan-places')).toBe(
      '招生计划 200 人超过班额 45 人 × 4 个班 = 180 人，请核对教育局下达的计划。',
    );
    expect(app.fake.calls['saveEnrollmentPlan']).toBeUndefined();
  });

  it('changes a year’s plan in place, and warns when a new entry would replace one', async () => {
    app = await mountApp('/enrollment', { status: signedIn(clerkSession), listEnrollmentPlans: [plan2026] });
    button('录入招生计划').click();
    await app.settle();
    await type('plan-year', '2026');
    expect(bodyText()).toContain('2026 年已有招生计划，保存后将替换原来的计划。');
    button('取消').click();
    await app.settle();

    button('修改').click();
    await app.settle();
    expect((document.getElementById('plan-year') as HTMLInputElement).disabled).toBe(true);
    await type('plan-places', '170');
    button('保存').click();
    await app.settle();
    const { enrolled: _enrolled, updatedAt: _at, updatedBy: _by, ...figures } = plan2026;
    expect(app.fake.args.saveEnrollmentPlan).toEqual([[{ ...figures, places: 170 }]]);
  });

  it('lets 审计员 read the plans but not record one', async () => {
    app = await mountApp('/enrollment', { status: signedIn(auditorSession), listEnrollmentPlans: [plan2026] });
    expect(rowTexts()[0]).toContain('2026 年');
    expect(() => button('录入招生计划')).toThrow();
    expect(() => button('修改')).toThrow();
  });
});
