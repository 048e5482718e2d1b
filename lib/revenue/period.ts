// Statement periods: calendar months in Asia/Shanghai, written "YYYY-MM". Pure.
import { addMonths, shanghaiDateOf, shanghaiDayStart } from "../attribution/shanghai-time";

const periodPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(value: string): boolean {
  return periodPattern.test(value);
}

/** The Shanghai calendar month an instant falls in. */
export function periodOf(at: Date): string {
  return shanghaiDateOf(at).slice(0, 7);
}

/** [start, end) of the month as UTC instants. */
export function periodRange(period: string): { start: Date; end: Date } {
  if (!isPeriod(period)) throw new Error(`not a YYYY-MM period: ${period}`);
  const first = `${period}-01`;
  return { start: shanghaiDayStart(first), end: shanghaiDayStart(addMonths(first, 1)) };
}

export function addPeriods(period: string, months: number): string {
  return addMonths(`${period}-01`, months).slice(0, 7);
}

/** True once the whole month lies in the past. */
export function periodHasEnded(period: string, now: Date): boolean {
  return periodRange(period).end.getTime() <= now.getTime();
}

/** The `count` most recent periods up to and including the one `now` is in, newest first. */
export function recentPeriods(now: Date, count: number): string[] {
  const current = periodOf(now);
  return Array.from({ length: count }, (_, i) => addPeriods(current, -i));
}
