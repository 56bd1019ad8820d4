/**
 * `npm run demo [-- <folder>] [--students N] [--seed N]`: a demonstration
 * installation with invented students, made through core exactly as the app
 * makes one (setup, school profile, terms, enrollment plan, classes, then
 * every student registered with the national rules checked and logged).
 * The school is named 演示数据 so it can never pass for a real register.
 * Refuses a folder that exists and is not empty.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ApiArgs, ApiMethod, ApiValue } from '../../shared/api';
import { createCore } from '../../electron/core/app';
import { createMemoryLogger } from '../../electron/core/log';
import { generateSchool } from './schoolGenerator';

const usage = 'Usage: npm run demo -- [<empty or new folder>, default ./demo-data] [--students 600] [--seed 2026]';

export const demoSchool = { schoolName: '阳泉市演示学校（演示数据）', schoolCode: '1114039999' } as const;
export const demoAdmin = { userName: 'yanshi', displayName: '演示管理员', password: 'Demo-Yangquan-2026' } as const;
/** Yangquan's five county-level divisions, the generator's places of residence. */
const yangquanCounties = ['140302', '140303', '140311', '140321', '140322'];

/** Builds the demonstration installation in `folder`; returns what the clerk needs to log in. */
export async function createDemo(options: { folder: string; students: number; seed: number }) {
  const now = new Date();
  // The school year under way: it starts in September.
  const startYear = now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
  const core = createCore({
    dataFolder: options.folder,
    appVersion: 'demo',
    electron: null,
    chrome: null,
    logger: createMemoryLogger(),
  });
  async function call<M extends ApiMethod>(method: M, ...args: ApiArgs<M>): Promise<ApiValue<M>> {
    const result = await core.call(method, args);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as ApiValue<M>;
  }
  try {
    const { recoveryCode } = await call('setup', {
      ...demoSchool,
      adminUserName: demoAdmin.userName,
      adminDisplayName: demoAdmin.displayName,
      password: demoAdmin.password,
    });
    await call('confirmRecoveryCodeSaved');
    await call('updateSchoolProfile', {
      name: demoSchool.schoolName,
      code: demoSchool.schoolCode,
      type: '312',
      ownership: '1',
      provincialModel: false,
      enrollmentZone: '阳泉市城区、矿区、郊区、平定县、盂县（演示）',
      registerOffice: '教务处学籍室',
      registerOfficer: '演示学籍员',
      officerPhone: '0353-2020000',
    });
    const schoolYear = `${startYear}-${startYear + 1}`;
    await call('saveTerm', {
      schoolYear,
      semester: 1,
      startDate: `${startYear}-09-01`,
      endDate: `${startYear + 1}-01-20`,
    });
    await call('saveTerm', {
      schoolYear,
      semester: 2,
      startDate: `${startYear + 1}-02-24`,
      endDate: `${startYear + 1}-07-10`,
    });

    const school = generateSchool({ seed: options.seed, studentCount: options.students, startYear });
    const firstGrade = school.classes.filter((c) => c.grade === 1).length;
    // ENR-1: the plan the county bureau set for this year's first grade: as many places as its classes seat.
    await call('saveEnrollmentPlan', {
      year: startYear,
      places: 45 * firstGrade,
      classSize: 45,
      parallelClasses: firstGrade,
      zoneCodes: yangquanCounties,
      zoneNote: '演示：阳泉市各区县',
      documentNumber: '阳教〔演示〕1号',
    });
    const classIds: number[] = [];
    for (const generated of school.classes) {
      const saved = await call('saveClass', { ...generated, capacity: 45 });
      classIds.push(saved.find((c) => c.grade === generated.grade && c.number === generated.number)!.id);
    }
    for (const [index, { classIndex, basics }] of school.students.entries()) {
      await call('registerStudent', classIds[classIndex]!, basics);
      if ((index + 1) % 100 === 0) process.stdout.write(`已登记 ${index + 1} / ${school.students.length} 名学生\n`);
    }
    await call('logout');
    return { recoveryCode, schoolYear, classes: school.classes.length, students: school.students.length };
  } finally {
    core.close();
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      students: { type: 'string', default: '600' },
      seed: { type: 'string', default: '2026' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const students = Number(values.students);
  const seed = Number(values.seed);
  if (values.help || positionals.length > 1 || !Number.isInteger(students) || students < 1 || !Number.isInteger(seed)) {
    console.log(usage);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const folder = resolve(positionals[0] ?? 'demo-data');
  if (existsSync(folder) && readdirSync(folder).length > 0) {
    console.error(`文件夹 ${folder} 不是空的，演示数据不会写入其中。请指定一个新的或空的文件夹。`);
    process.exitCode = 1;
    return;
  }
  const existed = existsSync(folder);
  let demo: Awaited<ReturnType<typeof createDemo>>;
  try {
    demo = await createDemo({ folder, students, seed });
  } catch (error) {
    // Leave nothing half-made behind: the folder was new or empty.
    if (existed) for (const name of readdirSync(folder)) rmSync(join(folder, name), { recursive: true, force: true });
    else rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  console.log(`
演示数据已生成（所有学生均为随机虚构）：${folder}
  学校：${demoSchool.schoolName}，学校标识码 ${demoSchool.schoolCode}
  ${demo.schoolYear}学年两个学期、招生计划、${demo.classes} 个班级、${demo.students} 名学生
  管理员账号：${demoAdmin.userName}    密码：${demoAdmin.password}
  恢复码（仅演示用）：${demo.recoveryCode}

在浏览器中查看（仅供测试的网页桥）：
  npm run build
  npm run bridge -- --data ${folder}

用桌面程序打开：程序使用应用数据目录下的 data 文件夹
（Linux：~/.config/学籍工作台/data，Windows：%APPDATA%\\学籍工作台\\data）。
  该文件夹不存在或为空时，可把演示数据直接生成到那里，再运行 npm start 并用上面的账号登录：
  npm run demo -- ~/.config/学籍工作台/data`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
