/** `npm run demo`: a demonstration installation made through core, as the app makes one (issue 4, item 11). */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nameInitials } from '../../shared/register/pinyin';
import { createDemo, demoAdmin, demoSchool } from '../support/demo';
import { snapshot, tempFolder, testCore } from './fixtures';

describe('npm run demo', () => {
  it('makes a school clearly named 演示数据, with terms, a plan, classes and valid students to log in to', async () => {
    const folder = join(tempFolder(), 'demo');
    const demo = await createDemo({ folder, students: 60, seed: 1 });
    expect(demo).toMatchObject({ classes: 2, students: 60 });

    const t = testCore(folder);
    await t.call('login', { userName: demoAdmin.userName, password: demoAdmin.password });
    expect((await t.call('getSchoolProfile')).name).toBe('阳泉市演示学校（演示数据）');
    expect((await t.call('listTerms')).terms).toHaveLength(2);
    expect(await t.call('listEnrollmentPlans')).toHaveLength(1);
    const roll = await t.call('listStudents', { limit: 5, offset: 0 });
    expect(roll.total).toBe(60);
    const first = roll.rows[0]!;
    const byInitials = await t.call('listStudents', { text: nameInitials(first.name), limit: 60, offset: 0 });
    expect(byInitials.rows.map((row) => row.id)).toContain(first.id);
    expect((await t.call('verifyAuditLog')).ok).toBe(true);
  }, 60_000);

  it('refuses a folder that is not empty and leaves it as it was', () => {
    const folder = join(tempFolder(), 'busy');
    mkdirSync(folder);
    writeFileSync(join(folder, 'keyring.json'), '{}');
    const before = snapshot(folder);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'tests/support/demo.ts', folder], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`文件夹 ${folder} 不是空的，演示数据不会写入其中`);
    expect(snapshot(folder)).toEqual(before);
    expect(demoSchool.schoolName).toContain('演示数据');
  }, 60_000);
});
