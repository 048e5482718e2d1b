// Calendar arithmetic in Asia/Shanghai. China has kept UTC+8 without daylight saving since 1991,
// so a Shanghai day is exactly [00:00+08:00, next 00:00+08:00) and plain offset arithmetic is exact.
// Dates travel as "YYYY-MM-DD" strings (a Shanghai calendar day), instants as Date (UTC).

export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written as YYYY-MM-DD (rejects 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = isoDate.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function utcMidnight(date: string): number {
  const m = isoDate.exec(date);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtcMidnight(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The instant a Shanghai calendar day begins. */
export function shanghaiDayStart(date: string): Date {
  return new Date(utcMidnight(date) - SHANGHAI_OFFSET_MS);
}

/** The Shanghai calendar date an instant falls on. */
export function shanghaiDateOf(instant: Date): string {
  return fromUtcMidnight(instant.getTime() + SHANGHAI_OFFSET_MS);
}

export function addDays(date: string, days: number): string {
  return fromUtcMidnight(utcMidnight(date) + days * DAY_MS);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcMidnight(b) - utcMidnight(a)) / DAY_MS);
}

/** Monday of the ISO week containing `date`. */
export function startOfIsoWeek(date: string): string {
  const weekday = new Date(utcMidnight(date)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

export function startOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function addMonths(date: string, months: number): string {
  const d = new Date(utcMidnight(date));
  return fromUtcMidnight(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
}

/** True when the instant is a Shanghai midnight. */
export function isShanghaiMidnight(instant: Date): boolean {
  return (instant.getTime() + SHANGHAI_OFFSET_MS) % DAY_MS === 0;
}
