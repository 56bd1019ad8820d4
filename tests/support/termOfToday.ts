/** The term that holds `today`, as a school would set it: 第一学期 from August to January, 第二学期 from February to July. */
export function termOfToday(today = new Date()): { schoolYear: string; semester: 1 | 2; start: string; end: string } {
  const year = today.getFullYear();
  const month = today.getMonth() + 1;
  if (month >= 8)
    return { schoolYear: `${year}-${year + 1}`, semester: 1, start: `${year}-08-01`, end: `${year + 1}-01-31` };
  if (month === 1)
    return { schoolYear: `${year - 1}-${year}`, semester: 1, start: `${year - 1}-08-01`, end: `${year}-01-31` };
  return { schoolYear: `${year - 1}-${year}`, semester: 2, start: `${year}-02-01`, end: `${year}-07-31` };
}
