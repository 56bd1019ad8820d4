/**
 * Calendar arithmetic on `YYYY-MM-DD` days, for the deadlines and windows of
 * register changes. Pure: days are strings, computed in UTC so that no time
 * zone or daylight-saving rule shifts a day; the caller passes `today`.
 */

const dayMs = 86_400_000;
const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtc(day: string): Date {
  const match = isoDay.exec(day);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== day) throw new RangeError(`Not a YYYY-MM-DD day: ${day}`);
  return date;
}

const fromUtc = (date: Date): string => date.toISOString().slice(0, 10);

/** Whether `text` is a real day written `YYYY-MM-DD`. */
export function isIsoDay(text: string): boolean {
  const match = isoDay.exec(text);
  return (
    match !== null && fromUtc(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))) === text
  );
}

/** `day` moved by `days` (negative: earlier). */
export function addDays(day: string, days: number): string {
  return fromUtc(new Date(toUtc(day).getTime() + days * dayMs));
}

/**
 * `day` moved by whole calendar months, kept on the same day of the month or,
 * where that month is shorter, on its last day (2027-03-31 minus one month is
 * 2027-02-28), as clerks count "一个月".
 */
export function addMonths(day: string, months: number): string {
  const date = toUtc(day);
  const firstOfTarget = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return fromUtc(firstOfTarget);
}

/** Days from `from` to `to`: 0 for the same day, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / dayMs);
}

/** `2026年9月1日`, for messages to the clerk. */
export function chineseDay(day: string): string {
  const date = toUtc(day);
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}
