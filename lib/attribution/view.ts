// The attribution view: what the page, the overview and the analytics API ask for. Dates are
// Shanghai calendar days, `to` inclusive; the instants are [start, end).
import { addDays, daysBetween, shanghaiDayStart } from "./shanghai-time";

export const intervals = ["hour", "day", "week", "month"] as const;
export type Interval = (typeof intervals)[number];

export const groupBys = ["channel", "agent", "integration", "payment_method"] as const;
export type GroupBy = (typeof groupBys)[number];

export type AttributionView = {
  from: string;
  to: string;
  interval: Interval;
  groupBy: GroupBy;
  includeVerification: boolean;
  compare: boolean;
};

export type TimeRange = { start: Date; end: Date };

export function viewRange(view: Pick<AttributionView, "from" | "to">): TimeRange {
  return { start: shanghaiDayStart(view.from), end: shanghaiDayStart(addDays(view.to, 1)) };
}

/** Number of calendar days in the view, both ends included. */
export function viewDays(view: Pick<AttributionView, "from" | "to">): number {
  return daysBetween(view.from, view.to) + 1;
}

/**
 * The period just before, of the same number of days (so "last 30 days" compares with the 30
 * days before them, and a calendar month with the same number of days before its first day).
 */
export function previousPeriod<V extends Pick<AttributionView, "from" | "to">>(view: V): V {
  const days = viewDays(view);
  const to = addDays(view.from, -1);
  return { ...view, from: addDays(to, -(days - 1)), to };
}
