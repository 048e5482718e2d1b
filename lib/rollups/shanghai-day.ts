// Asia/Shanghai calendar days, the grain of the daily rollups. The SQL expression and the JS
// function must agree (tests check both against the same instants); Shanghai has had no daylight
// saving since 1991, so a day is always the 24 UTC hours from 16:00 the day before.

const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** SQL: the Shanghai calendar day of a `timestamp(3)` column that stores UTC wall time. */
export function shanghaiDaySql(column: string): string {
  return `((${column} AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date`;
}

/** SQL: the UTC wall-clock start of the Shanghai day given as a `date` parameter. */
export function shanghaiDayStartSql(dateParam: string): string {
  return `((${dateParam}::date::timestamp AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'UTC')`;
}

/** "YYYY-MM-DD": the Shanghai calendar day of an instant. */
export function shanghaiDay(at: Date): string {
  return new Date(Math.floor((at.getTime() + OFFSET_MS) / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC hour an instant falls in, as an ISO string (the hourly rollup's key). */
export function utcHour(at: Date): string {
  return new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000).toISOString();
}
