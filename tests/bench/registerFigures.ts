/**
 * The 50k school opened and searched (issues 4 and 8), in a fresh process as
 * the app's main process would be (registerProbe.ts):
 * - opening it: the login (key derivation, opening the encrypted database,
 *   verifying the 200k-row access-log chain against its anchor), median of
 *   5 logins in one process;
 * - student search p95 through core against the raw indexed SQL query;
 * - the peak memory (main-side RSS) of a process that logs in once and
 *   searches 300 times.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { dataPaths, openStorage } from '../../electron/core/storage';
import { nameInitials } from '../../shared/register/pinyin';
import { admin, benchSlot, type Row, runs, storageOptions, timedSync } from './benchKit';
import { bigSchool, bigSchoolSize } from './bigSchool';

const searches = 300;
const school = `${bigSchoolSize.students / 1000}k school with ${bigSchoolSize.auditRows / 1000}k log rows`;

interface Probe {
  readonly loginTimes: number[];
  readonly times: number[];
  readonly peakRssMb: number;
}

/** registerProbe.ts in a fresh process: `logins` logins, then a search for each text. */
function probe(folder: string, texts: readonly string[], logins: number): Probe {
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(__dirname, 'registerProbe.ts'),
      folder,
      'bench',
      admin.secret,
      JSON.stringify(texts),
      String(logins),
    ],
    { encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as Probe;
}

export async function registerFigures(): Promise<Row[]> {
  const { folder, school: generated } = await bigSchool();
  // What a clerk types: part of a name, the initials of one (zsf), the start of an ID number.
  const texts = generated.students
    .slice(0, searches)
    .map(({ basics }, i) => [basics.name.slice(0, 2), nameInitials(basics.name), basics.idNumber.slice(0, 12)][i % 3]!);
  // Logins are timed in a process of their own: repeating them leaves garbage that would swell the peak memory of
  // the process that opens the school once, as the app does, and searches it.
  const logins = probe(folder, [], runs);
  const searched = probe(folder, texts, 1);

  const raw = await openStorage(dataPaths(folder), benchSlot, storageOptions);
  const rawQuery = raw.db.prepare(
    `SELECT s.id, s.name, s.class_id FROM student s JOIN class c ON c.id = s.class_id
     WHERE s.name LIKE @part OR s.name_initials LIKE @start OR s.name_pinyin LIKE @start
       OR s.id_number LIKE @start OR s.student_number LIKE @start
     ORDER BY c.grade, c.number, s.name_pinyin, s.name LIMIT 50`,
  );
  const rawTimes = texts.map((text) => timedSync(() => rawQuery.all({ part: `%${text}%`, start: `${text}%` })));
  raw.db.close();
  const at = (times: number[], share: number) => [...times].sort((a, b) => a - b)[Math.floor(times.length * share)]!;
  return [
    {
      figure: `open the ${school}: login = key derivation + open + chain check`,
      goal: '≤ 1000 ms',
      measured: at(logins.loginTimes, 0.5),
      baseline: null,
      baselineName: '',
      unit: 'ms',
    },
    {
      figure: `student search p95, ${bigSchoolSize.students / 1000}k students (name part, initials or ID prefix)`,
      goal: '≤ 15 ms, ≤ 3×',
      measured: at(searched.times, 0.95),
      baseline: at(rawTimes, 0.95),
      baselineName: 'raw SQL, same search',
      unit: 'ms',
    },
    {
      figure: `main-side peak RSS, ${school} opened (one login) and searched`,
      goal: '≤ 300 MB',
      measured: searched.peakRssMb,
      baseline: null,
      baselineName: '',
      unit: 'MB',
    },
  ];
}
