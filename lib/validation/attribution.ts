// The attribution view as URL parameters, shared by the dashboard pages (a GET form) and the
// merchant analytics API. Messages are plain English for API callers; pages translate by field.
import { z } from "zod";
import { addDays, daysBetween, isCalendarDate } from "@/lib/attribution/shanghai-time";
import { groupBys, intervals, type AttributionView } from "@/lib/attribution/view";

/** Longest range per interval, in days: hourly buckets past a month are unreadable and heavy. */
export const maxDaysFor = { hour: 31, day: 732, week: 732, month: 732 } as const;
export const defaultRangeDays = 30;

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

// Reports cover 2000–2099: beyond that, bucket and comparison arithmetic leaves four-digit years.
const earliestDate = "2000-01-01";
const latestDate = "2099-12-31";

const date = (name: string) =>
  optional
    .refine((v) => v === undefined || isCalendarDate(v), { message: `${name} must be a calendar date written YYYY-MM-DD (a day in Asia/Shanghai).`, abort: true })
    .refine((v) => v === undefined || (v >= earliestDate && v <= latestDate), `${name} must be between ${earliestDate} and ${latestDate}.`);

const flag = (name: string) =>
  optional.refine((v) => v === undefined || ["true", "false", "1", "0", "on", "off"].includes(v), `${name} must be true or false.`)
    .transform((v) => v === "true" || v === "1" || v === "on");

export const attributionQuerySchema = z.object({
  from: date("from"),
  to: date("to"),
  interval: optional.pipe(z.enum(intervals, { error: `interval must be one of ${intervals.join(", ")}.` }).optional()),
  groupBy: optional.pipe(z.enum(groupBys, { error: `groupBy must be one of ${groupBys.join(", ")}.` }).optional()),
  includeVerification: flag("includeVerification"),
  compare: flag("compare"),
});

export type AttributionQueryInput = z.input<typeof attributionQuerySchema>;
export type ParamIssue = { path: string; message: string };
export type ParsedView = { ok: true; view: AttributionView } | { ok: false; issues: ParamIssue[]; fallback: AttributionView };

/** Takes the first value of each parameter, as URLSearchParams.get does. */
export function paramsToRecord(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  if (params instanceof URLSearchParams) return Object.fromEntries([...new Set(params.keys())].map((k) => [k, params.get(k) ?? undefined]));
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

export function defaultView(today: string): AttributionView {
  return { from: addDays(today, -(defaultRangeDays - 1)), to: today, interval: "day", groupBy: "channel", includeVerification: false, compare: false };
}

/**
 * Parses and checks a view. Missing dates default to the last 30 days ending `today` (a Shanghai
 * date). On failure the issues name each bad parameter, and `fallback` is the default view.
 */
export function parseAttributionView(params: Record<string, string | undefined>, { today }: { today: string }): ParsedView {
  const fallback = defaultView(today);
  const parsed = attributionQuerySchema.safeParse(params);
  if (!parsed.success) {
    return { ok: false, fallback, issues: parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? ""), message: i.message })) };
  }
  const q = parsed.data;
  const to = q.to ?? (q.from && q.from > today ? q.from : today);
  const from = q.from ?? addDays(to, -(defaultRangeDays - 1));
  const view: AttributionView = {
    from,
    to,
    interval: q.interval ?? "day",
    groupBy: q.groupBy ?? "channel",
    includeVerification: q.includeVerification,
    compare: q.compare,
  };
  const issues: ParamIssue[] = [];
  if (from > to) issues.push({ path: "from", message: `from (${from}) is after to (${to}).` });
  else if (daysBetween(from, to) + 1 > maxDaysFor[view.interval]) {
    issues.push({ path: "to", message: `A ${view.interval} interval covers at most ${maxDaysFor[view.interval]} days; this range has ${daysBetween(from, to) + 1}.` });
  }
  return issues.length ? { ok: false, issues, fallback } : { ok: true, view };
}

/** The view as URL parameters (for links and the form), leaving defaults out where harmless. */
export function viewToSearchParams(view: AttributionView): URLSearchParams {
  const p = new URLSearchParams({ from: view.from, to: view.to, interval: view.interval, groupBy: view.groupBy });
  if (view.includeVerification) p.set("includeVerification", "true");
  if (view.compare) p.set("compare", "true");
  return p;
}
