/** Small, locale-fixed formatters for values shown to the clerk. */

const byteUnits = ['KB', 'MB', 'GB', 'TB'] as const;

/** 1536 → "1.5 KB"; binary multiples, one decimal below 10, the exact count in bytes under 1 KB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < byteUnits.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${byteUnits[unit]}`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A moment in local time as "2026-09-01 08:00:00": unambiguous, sorts, and reads the same to support staff. */
export function formatDateTime(moment: Date | string): string {
  const date = typeof moment === 'string' ? new Date(moment) : moment;
  if (Number.isNaN(date.getTime())) return String(moment);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

/** A moment to the minute, "2026-09-01 08:00": enough for tables of accounts. */
export function formatDateMinute(moment: Date | string): string {
  const full = formatDateTime(moment);
  return /:\d\d:\d\d$/.test(full) ? full.slice(0, -3) : full;
}

const platformNames: Readonly<Record<string, string>> = { win32: 'Windows', darwin: 'macOS', linux: 'Linux' };

/** Node's "win32 10.0.19045" as "Windows 10.0.19045". */
export function formatPlatform(platform: string): string {
  const [name = '', ...rest] = platform.split(' ');
  return [platformNames[name] ?? name, ...rest].join(' ');
}
