/**
 * National code lists of the student basic-information template (DOMAIN.md
 * "Student basic information"), as data with a lookup both ways.
 *
 * This file is over 400 lines on purpose: it is data tables, one entry a line,
 * and splitting them would only scatter the lists. The lookup helpers are at
 * the top.
 *
 * Where a code is not from a national standard we could confirm, the list says
 * so in a comment ("our code" or "unconfirmed"); the import issue must match
 * such lists by label, never by code.
 */

/** One entry of a code list: the stored code and the Chinese label the clerk sees. */
export interface CodeEntry {
  readonly code: string;
  readonly label: string;
  /** Other names the same entry goes by in spreadsheets (full official names, older wording). */
  readonly aliases?: readonly string[];
}

export type CodeList = readonly CodeEntry[];

/** The code union of a list, e.g. `CodeOf<typeof sexes>` is `'1' | '2'`. */
export type CodeOf<L extends CodeList> = L[number]['code'];

/**
 * Full-width ASCII (Ａ-Ｚ, ０-９, （）, ＠ …) to half-width, and the ideographic
 * and no-break spaces to a plain space. Chinese input methods and Excel copies
 * produce all of these.
 */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00a0]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '');
}

/** The form codes and labels are compared in: half-width, no whitespace, upper case. */
function matchKey(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '').toUpperCase();
}

interface ListIndex {
  /** Normalised code → code. */
  readonly codes: ReadonlyMap<string, string>;
  /** Normalised label, alias or "code-label" → the codes it names (more than one means ambiguous). */
  readonly labels: ReadonlyMap<string, ReadonlySet<string>>;
  /** Width shared by all-digit codes, for codes whose leading zeros Excel dropped; 0 when mixed. */
  readonly digitWidth: number;
}

const indexes = new WeakMap<CodeList, ListIndex>();

function indexOf(list: CodeList): ListIndex {
  const cached = indexes.get(list);
  if (cached) return cached;
  const codes = new Map<string, string>();
  const labels = new Map<string, Set<string>>();
  const add = (key: string, code: string) => {
    const set = labels.get(key) ?? new Set<string>();
    set.add(code);
    labels.set(key, set);
  };
  for (const { code, label, aliases = [] } of list) {
    codes.set(matchKey(code), code);
    for (const name of [label, ...aliases]) {
      const key = matchKey(name);
      add(key, code);
      // Spreadsheets often write 汉 for 汉族.
      if (key.endsWith('族') && key.length >= 2) add(key.slice(0, -1), code);
    }
    // Drop-down values such as "01-汉族" or "01 汉族".
    for (const separator of ['', '-', '_', ':', '.', '、', '|']) add(matchKey(`${code}${separator}${label}`), code);
  }
  const widths = new Set(list.map(({ code }) => (/^\d+$/.test(code) ? code.length : -1)));
  const [onlyWidth] = widths;
  const digitWidth = widths.size === 1 && onlyWidth !== undefined && onlyWidth > 0 ? onlyWidth : 0;
  const index = { codes, labels, digitWidth };
  indexes.set(list, index);
  return index;
}

function findCode(index: ListIndex, text: string): string | undefined {
  const key = matchKey(text);
  const exact = index.codes.get(key);
  if (exact !== undefined) return exact;
  if (index.digitWidth > key.length && /^\d+$/.test(key)) return index.codes.get(key.padStart(index.digitWidth, '0'));
  return undefined;
}

/** Whether `value` is exactly one of the list's codes (what validation of stored data uses). */
export function isCode<const L extends CodeList>(list: L, value: string): value is CodeOf<L> {
  return list.some((entry) => entry.code === value);
}

/**
 * The label of a code, tolerant of spaces, full-width characters, lower case
 * and leading zeros that Excel dropped (`1` for 民族 `01`); undefined when the
 * list has no such code.
 */
export function labelOf<const L extends CodeList>(list: L, code: string): L[number]['label'] | undefined {
  const found = findCode(indexOf(list), code);
  return list.find((entry) => entry.code === found)?.label;
}

/**
 * The code for what a clerk or a spreadsheet wrote: the code itself, the
 * label, an alias, or "code-label"; tolerant as `labelOf`. Undefined when
 * nothing matches or the text names more than one entry (e.g. 其他 in the
 * combined 入学方式 list).
 */
export function codeOf<const L extends CodeList>(list: L, labelOrCode: string): CodeOf<L> | undefined {
  const index = indexOf(list);
  const byCode = findCode(index, labelOrCode);
  if (byCode !== undefined) return byCode;
  const matches = index.labels.get(matchKey(labelOrCode));
  if (!matches || matches.size !== 1) return undefined;
  const [code] = matches;
  return code;
}

// ---------------------------------------------------------------------------
// Identity

/**
 * 性别 (GB/T 2261.1). The standard also has 0 未知的性别 and 9 未说明的性别;
 * the student template uses only 1 and 2.
 */
export const sexes = [
  { code: '1', label: '男', aliases: ['男性'] },
  { code: '2', label: '女', aliases: ['女性'] },
] as const satisfies CodeList;

export type SexCode = CodeOf<typeof sexes>;

/** 民族 (GB 3304-1991, two-digit numeric codes), the 56 ethnic groups in standard order, then 97 and 98. */
export const ethnicities = [
  { code: '01', label: '汉族' },
  { code: '02', label: '蒙古族' },
  { code: '03', label: '回族' },
  { code: '04', label: '藏族' },
  { code: '05', label: '维吾尔族' },
  { code: '06', label: '苗族' },
  { code: '07', label: '彝族' },
  { code: '08', label: '壮族' },
  { code: '09', label: '布依族' },
  { code: '10', label: '朝鲜族' },
  { code: '11', label: '满族' },
  { code: '12', label: '侗族' },
  { code: '13', label: '瑶族' },
  { code: '14', label: '白族' },
  { code: '15', label: '土家族' },
  { code: '16', label: '哈尼族' },
  { code: '17', label: '哈萨克族' },
  { code: '18', label: '傣族' },
  { code: '19', label: '黎族' },
  { code: '20', label: '傈僳族' },
  { code: '21', label: '佤族' },
  { code: '22', label: '畲族' },
  { code: '23', label: '高山族' },
  { code: '24', label: '拉祜族' },
  { code: '25', label: '水族' },
  { code: '26', label: '东乡族' },
  { code: '27', label: '纳西族' },
  { code: '28', label: '景颇族' },
  { code: '29', label: '柯尔克孜族' },
  { code: '30', label: '土族' },
  { code: '31', label: '达斡尔族' },
  { code: '32', label: '仫佬族' },
  { code: '33', label: '羌族' },
  { code: '34', label: '布朗族' },
  { code: '35', label: '撒拉族' },
  { code: '36', label: '毛南族' },
  { code: '37', label: '仡佬族' },
  { code: '38', label: '锡伯族' },
  { code: '39', label: '阿昌族' },
  { code: '40', label: '普米族' },
  { code: '41', label: '塔吉克族' },
  { code: '42', label: '怒族' },
  { code: '43', label: '乌孜别克族' },
  { code: '44', label: '俄罗斯族' },
  { code: '45', label: '鄂温克族' },
  { code: '46', label: '德昂族' },
  { code: '47', label: '保安族' },
  { code: '48', label: '裕固族' },
  { code: '49', label: '京族' },
  { code: '50', label: '塔塔尔族' },
  { code: '51', label: '独龙族' },
  { code: '52', label: '鄂伦春族' },
  { code: '53', label: '赫哲族' },
  { code: '54', label: '门巴族' },
  { code: '55', label: '珞巴族' },
  { code: '56', label: '基诺族' },
  { code: '97', label: '其他' },
  { code: '98', label: '外国血统中国籍人士' },
] as const satisfies CodeList;

/**
 * 国籍/地区 (GB/T 2659, which follows ISO 3166-1 alpha-3), labels as the
 * student template writes them. Not the full list of 249: China and its
 * regions plus the countries a Shanxi school plausibly meets; extend here
 * when a school needs another.
 */
export const nationalities = [
  { code: 'CHN', label: '中国', aliases: ['中华人民共和国'] },
  { code: 'HKG', label: '中国香港', aliases: ['香港', '中国香港特别行政区'] },
  { code: 'MAC', label: '中国澳门', aliases: ['澳门', '中国澳门特别行政区'] },
  { code: 'TWN', label: '中国台湾', aliases: ['台湾'] },
  // Asia
  { code: 'JPN', label: '日本' },
  { code: 'KOR', label: '韩国', aliases: ['大韩民国'] },
  { code: 'PRK', label: '朝鲜' },
  { code: 'MNG', label: '蒙古', aliases: ['蒙古国'] },
  { code: 'RUS', label: '俄罗斯', aliases: ['俄罗斯联邦'] },
  { code: 'KAZ', label: '哈萨克斯坦' },
  { code: 'KGZ', label: '吉尔吉斯斯坦' },
  { code: 'TJK', label: '塔吉克斯坦' },
  { code: 'UZB', label: '乌兹别克斯坦' },
  { code: 'TKM', label: '土库曼斯坦' },
  { code: 'AFG', label: '阿富汗' },
  { code: 'PAK', label: '巴基斯坦' },
  { code: 'IND', label: '印度' },
  { code: 'NPL', label: '尼泊尔' },
  { code: 'BTN', label: '不丹' },
  { code: 'BGD', label: '孟加拉国' },
  { code: 'LKA', label: '斯里兰卡' },
  { code: 'MDV', label: '马尔代夫' },
  { code: 'MMR', label: '缅甸' },
  { code: 'LAO', label: '老挝' },
  { code: 'VNM', label: '越南' },
  { code: 'KHM', label: '柬埔寨' },
  { code: 'THA', label: '泰国' },
  { code: 'MYS', label: '马来西亚' },
  { code: 'SGP', label: '新加坡' },
  { code: 'IDN', label: '印度尼西亚' },
  { code: 'PHL', label: '菲律宾' },
  { code: 'BRN', label: '文莱' },
  { code: 'TLS', label: '东帝汶' },
  { code: 'IRN', label: '伊朗' },
  { code: 'IRQ', label: '伊拉克' },
  { code: 'SYR', label: '叙利亚' },
  { code: 'JOR', label: '约旦' },
  { code: 'LBN', label: '黎巴嫩' },
  { code: 'ISR', label: '以色列' },
  { code: 'PSE', label: '巴勒斯坦' },
  { code: 'SAU', label: '沙特阿拉伯' },
  { code: 'ARE', label: '阿联酋', aliases: ['阿拉伯联合酋长国'] },
  { code: 'QAT', label: '卡塔尔' },
  { code: 'KWT', label: '科威特' },
  { code: 'OMN', label: '阿曼' },
  { code: 'YEM', label: '也门' },
  { code: 'TUR', label: '土耳其' },
  { code: 'AZE', label: '阿塞拜疆' },
  { code: 'GEO', label: '格鲁吉亚' },
  { code: 'ARM', label: '亚美尼亚' },
  // Europe
  { code: 'GBR', label: '英国' },
  { code: 'IRL', label: '爱尔兰' },
  { code: 'FRA', label: '法国' },
  { code: 'DEU', label: '德国' },
  { code: 'ITA', label: '意大利' },
  { code: 'ESP', label: '西班牙' },
  { code: 'PRT', label: '葡萄牙' },
  { code: 'NLD', label: '荷兰' },
  { code: 'BEL', label: '比利时' },
  { code: 'LUX', label: '卢森堡' },
  { code: 'CHE', label: '瑞士' },
  { code: 'AUT', label: '奥地利' },
  { code: 'SWE', label: '瑞典' },
  { code: 'NOR', label: '挪威' },
  { code: 'DNK', label: '丹麦' },
  { code: 'FIN', label: '芬兰' },
  { code: 'ISL', label: '冰岛' },
  { code: 'POL', label: '波兰' },
  { code: 'CZE', label: '捷克' },
  { code: 'SVK', label: '斯洛伐克' },
  { code: 'HUN', label: '匈牙利' },
  { code: 'ROU', label: '罗马尼亚' },
  { code: 'BGR', label: '保加利亚' },
  { code: 'GRC', label: '希腊' },
  { code: 'SRB', label: '塞尔维亚' },
  { code: 'HRV', label: '克罗地亚' },
  { code: 'UKR', label: '乌克兰' },
  { code: 'BLR', label: '白俄罗斯' },
  // Americas
  { code: 'USA', label: '美国', aliases: ['美利坚合众国'] },
  { code: 'CAN', label: '加拿大' },
  { code: 'MEX', label: '墨西哥' },
  { code: 'CUB', label: '古巴' },
  { code: 'BRA', label: '巴西' },
  { code: 'ARG', label: '阿根廷' },
  { code: 'CHL', label: '智利' },
  { code: 'PER', label: '秘鲁' },
  { code: 'COL', label: '哥伦比亚' },
  { code: 'VEN', label: '委内瑞拉' },
  // Oceania
  { code: 'AUS', label: '澳大利亚' },
  { code: 'NZL', label: '新西兰' },
  { code: 'FJI', label: '斐济' },
  { code: 'PNG', label: '巴布亚新几内亚' },
  // Africa
  { code: 'EGY', label: '埃及' },
  { code: 'DZA', label: '阿尔及利亚' },
  { code: 'MAR', label: '摩洛哥' },
  { code: 'SDN', label: '苏丹' },
  { code: 'ETH', label: '埃塞俄比亚' },
  { code: 'KEN', label: '肯尼亚' },
  { code: 'TZA', label: '坦桑尼亚' },
  { code: 'UGA', label: '乌干达' },
  { code: 'NGA', label: '尼日利亚' },
  { code: 'GHA', label: '加纳' },
  { code: 'SEN', label: '塞内加尔' },
  { code: 'CMR', label: '喀麦隆' },
  { code: 'AGO', label: '安哥拉' },
  { code: 'ZMB', label: '赞比亚' },
  { code: 'ZWE', label: '津巴布韦' },
  { code: 'MDG', label: '马达加斯加' },
  { code: 'ZAF', label: '南非' },
] as const satisfies CodeList;

/**
 * 身份证件类型, as DOMAIN.md lists them. The Ministry's list also has 2 军官证,
 * 3 士兵证, 4 文职干部证 and 5 部队离退休证 (unconfirmed for the student
 * template; military documents are not issued to pupils), so they are left out.
 */
export const idDocumentTypes = [
  { code: '1', label: '居民身份证', aliases: ['身份证'] },
  { code: '6', label: '香港特区护照/身份证明' },
  { code: '7', label: '澳门特区护照/身份证明' },
  { code: '8', label: '台湾居民来往大陆通行证', aliases: ['台胞证'] },
  { code: '9', label: '境外永久居住证' },
  { code: 'A', label: '护照' },
  { code: 'Z', label: '其他' },
] as const satisfies CodeList;

export type IdDocumentType = CodeOf<typeof idDocumentTypes>;

/** 港澳台侨外 (whether the student is from Hong Kong, Macao, Taiwan, overseas Chinese or foreign). */
export const overseasStatuses = [
  { code: '00', label: '否' },
  { code: '01', label: '香港同胞' },
  { code: '02', label: '香港同胞亲属' },
  { code: '03', label: '澳门同胞' },
  { code: '04', label: '澳门同胞亲属' },
  { code: '05', label: '台湾同胞' },
  { code: '06', label: '台湾同胞亲属' },
  { code: '11', label: '华侨' },
  { code: '12', label: '侨眷' },
  { code: '13', label: '归侨' },
  { code: '14', label: '归侨子女' },
  { code: '21', label: '归国留学人员' },
  { code: '31', label: '非华裔中国人' },
  { code: '41', label: '外籍华裔人' },
  { code: '51', label: '外国人' },
  { code: '99', label: '其他' },
] as const satisfies CodeList;

/**
 * 政治面貌 (GB/T 4762), with the short labels the student template uses and
 * the standard's full names as aliases. 少先队员 is not in the standard.
 */
export const politicalAffiliations = [
  { code: '01', label: '中共党员', aliases: ['中国共产党党员'] },
  { code: '02', label: '中共预备党员', aliases: ['中国共产党预备党员'] },
  { code: '03', label: '共青团员', aliases: ['中国共产主义青年团团员'] },
  { code: '04', label: '民革会员', aliases: ['中国国民党革命委员会会员', '民革党员'] },
  { code: '05', label: '民盟盟员', aliases: ['中国民主同盟盟员'] },
  { code: '06', label: '民建会员', aliases: ['中国民主建国会会员'] },
  { code: '07', label: '民进会员', aliases: ['中国民主促进会会员'] },
  { code: '08', label: '农工党党员', aliases: ['中国农工民主党党员'] },
  { code: '09', label: '致公党党员', aliases: ['中国致公党党员'] },
  { code: '10', label: '九三学社社员' },
  { code: '11', label: '台盟盟员', aliases: ['台湾民主自治同盟盟员'] },
  { code: '12', label: '无党派人士', aliases: ['无党派民主人士'] },
  { code: '13', label: '群众' },
] as const satisfies CodeList;

/** 健康状况, as the student template codes it (two digits; GB/T 2261.3 uses other codes). */
export const healthStatuses = [
  { code: '10', label: '健康或良好', aliases: ['健康', '良好'] },
  { code: '20', label: '一般或较弱', aliases: ['一般', '较弱'] },
  { code: '30', label: '有慢性病' },
  { code: '40', label: '有生理缺陷' },
  { code: '50', label: '残疾' },
] as const satisfies CodeList;

/**
 * 户口性质. Since the 2014 household-registration reform many places issue
 * 居民户口; whether the national template has a code for it is unconfirmed,
 * so only the two codes DOMAIN.md names are here.
 */
export const householdTypes = [
  { code: '1', label: '农业户口', aliases: ['农业'] },
  { code: '2', label: '非农业户口', aliases: ['非农业'] },
] as const satisfies CodeList;

/** 入学方式 for compulsory education (小学, 初中). */
export const compulsoryEnrollmentMethods = [
  { code: '11', label: '就近入学' },
  { code: '12', label: '其他' },
] as const satisfies CodeList;

/** 入学方式 for senior high (普通高中); whether 中职 uses the same codes is unconfirmed. */
export const seniorEnrollmentMethods = [
  { code: '21', label: '统招' },
  { code: '22', label: '体育特招' },
  { code: '23', label: '艺术特招' },
  { code: '99', label: '其他' },
] as const satisfies CodeList;

/** Both 入学方式 lists: codes are unique, but 其他 is in both, so look labels up in the stage's own list. */
export const enrollmentMethods = [
  ...compulsoryEnrollmentMethods,
  ...seniorEnrollmentMethods,
] as const satisfies CodeList;

/** 就读方式. */
export const boardingTypes = [
  { code: '1', label: '走读' },
  { code: '2', label: '住校', aliases: ['寄宿'] },
] as const satisfies CodeList;

/** 学生来源, as DOMAIN.md lists it; whether the national list has further codes (e.g. 借读) is unconfirmed. */
export const studentSources = [
  { code: '1', label: '正常入学' },
  { code: '9', label: '其他' },
] as const satisfies CodeList;

/** 是否, for every yes/no field (是否独生子女, 是否监护人 …). */
export const yesNo = [
  { code: '1', label: '是', aliases: ['Y', 'YES', 'TRUE', '√'] },
  { code: '0', label: '否', aliases: ['N', 'NO', 'FALSE', '×'] },
] as const satisfies CodeList;

export type YesNo = CodeOf<typeof yesNo>;

/** 是否留守儿童. */
export const leftBehindStatuses = [
  { code: '0', label: '非留守儿童', aliases: ['否', '非留守'] },
  { code: '1', label: '单亲留守儿童', aliases: ['单亲留守'] },
  { code: '2', label: '双亲留守儿童', aliases: ['双亲留守'] },
] as const satisfies CodeList;

/** 残疾类型 (the six categories of GB/T 26341 plus 多重 and 其他). */
export const disabilityTypes = [
  { code: '0', label: '无残疾', aliases: ['无'] },
  { code: '1', label: '视力残疾' },
  { code: '2', label: '听力残疾' },
  { code: '3', label: '言语残疾', aliases: ['语言残疾'] },
  { code: '4', label: '肢体残疾' },
  { code: '5', label: '智力残疾' },
  { code: '6', label: '精神残疾' },
  { code: '7', label: '多重残疾' },
  { code: '9', label: '其他残疾' },
] as const satisfies CodeList;

/**
 * 上下学交通方式. Labels follow the student template's wording; the codes
 * (in particular 9 for 其他) are unconfirmed, so import must match by label.
 */
export const commuteModes = [
  { code: '1', label: '步行' },
  { code: '2', label: '自行车（含电动自行车）', aliases: ['自行车', '电动自行车'] },
  { code: '3', label: '公共交通（含城市公交、农村客运、地铁）', aliases: ['公共交通', '公交'] },
  { code: '4', label: '家长自行接送', aliases: ['家长接送'] },
  { code: '5', label: '校车' },
  { code: '9', label: '其他' },
] as const satisfies CodeList;

/**
 * 家庭成员关系, with codes of GB/T 4761-2008 家庭关系代码 (the student template
 * lists the relations by name; whether it stores these codes is unconfirmed).
 * 哥哥 is the standard's 71 兄; 其他 is its 99 非亲属.
 */
export const familyRelations = [
  { code: '51', label: '父亲', aliases: ['父', '爸爸'] },
  { code: '52', label: '母亲', aliases: ['母', '妈妈'] },
  { code: '57', label: '继父或养父', aliases: ['继父', '养父'] },
  { code: '58', label: '继母或养母', aliases: ['继母', '养母'] },
  { code: '61', label: '祖父', aliases: ['爷爷'] },
  { code: '62', label: '祖母', aliases: ['奶奶'] },
  { code: '63', label: '外祖父', aliases: ['外公', '姥爷'] },
  { code: '64', label: '外祖母', aliases: ['外婆', '姥姥'] },
  { code: '71', label: '哥哥', aliases: ['兄'] },
  { code: '75', label: '姐姐', aliases: ['姐'] },
  { code: '97', label: '其他亲属' },
  { code: '99', label: '其他', aliases: ['非亲属'] },
] as const satisfies CodeList;

// ---------------------------------------------------------------------------
// School

/**
 * 学校类型, codes of the education statistics list 学校(机构)类别. That list
 * splits 中职 into 361 中等技术学校, 363 成人中等专业学校, 364 职业高中学校,
 * 365 技工学校 and others; '360' for all of them is our code, not an official one.
 */
export const schoolTypes = [
  { code: '211', label: '小学' },
  { code: '311', label: '初中', aliases: ['初级中学'] },
  { code: '312', label: '九年一贯制学校' },
  { code: '341', label: '完全中学' },
  { code: '342', label: '高级中学', aliases: ['普通高中'] },
  { code: '345', label: '十二年一贯制学校' },
  { code: '360', label: '中等职业学校', aliases: ['中职'] },
] as const satisfies CodeList;

/** 办学类型 (public or private); our codes, the statistics list's 办别 codes are finer-grained. */
export const schoolOwnerships = [
  { code: '1', label: '公办' },
  { code: '2', label: '民办' },
] as const satisfies CodeList;

/** 学习形式 for 中职 (rule VOC-5 restricts 弹性学习); our codes. */
export const studyModes = [
  { code: '1', label: '全日制' },
  { code: '2', label: '弹性学习' },
] as const satisfies CodeList;

// ---------------------------------------------------------------------------
// Status and movements (DOMAIN.md "Status values"). Values are ours, in English;
// the state machine between them comes with the changes issue.

interface StatusEntry extends CodeEntry {
  /** Only 中等职业学校 use it. */
  readonly vocationalOnly?: boolean;
}

/** 学籍状态. */
export const studentStatuses = [
  { code: 'enrolled', label: '在读', aliases: ['在校'] },
  { code: 'suspended', label: '休学' },
  { code: 'transferredOut', label: '转出' },
  { code: 'droppedOut', label: '退学' },
  { code: 'expelled', label: '开除' },
  { code: 'deceased', label: '死亡' },
  { code: 'missing', label: '失踪' },
  { code: 'abroad', label: '出国' },
  { code: 'leftOther', label: '其他离校' },
  { code: 'graduated', label: '毕业' },
  { code: 'completed', label: '结业' },
  { code: 'incomplete', label: '肄业' },
  { code: 'cancelled', label: '注销', vocationalOnly: true },
] as const satisfies readonly StatusEntry[];

export type StudentStatus = CodeOf<typeof studentStatuses>;

/** 学籍异动 and other movements of a record. */
export const movementTypes = [
  { code: 'transferIn', label: '转入' },
  { code: 'transferOut', label: '转出' },
  { code: 'suspension', label: '休学' },
  { code: 'resumption', label: '复学' },
  { code: 'dropout', label: '退学' },
  { code: 'death', label: '死亡' },
  { code: 'goingAbroad', label: '出国' },
  { code: 'repeatGrade', label: '留级' },
  { code: 'changeMajor', label: '转专业', vocationalOnly: true },
  { code: 'cancellation', label: '注销', vocationalOnly: true },
  { code: 'classChange', label: '调班' },
  { code: 'promotion', label: '升级' },
] as const satisfies readonly StatusEntry[];

export type MovementType = CodeOf<typeof movementTypes>;
