import type { getFormatter } from "next-intl/server";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** A duration as one rounded unit (minutes under 2 h, hours under 2 days, else days). */
export function formatDuration(format: Formatter, ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 120) return format.number(Math.max(1, Math.round(minutes)), { style: "unit", unit: "minute", unitDisplay: "short" });
  const hours = minutes / 60;
  if (hours < 48) return format.number(Math.round(hours), { style: "unit", unit: "hour", unitDisplay: "short" });
  return format.number(Math.round((hours / 24) * 10) / 10, { style: "unit", unit: "day", unitDisplay: "short" });
}

export const dateTime = (format: Formatter, d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
