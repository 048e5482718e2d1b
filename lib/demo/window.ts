// The demo's time window: 90 days ending at `now`. The default `now` is today 00:00 UTC, so two
// runs on the same day produce identical rows.
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const WINDOW_DAYS = 90;

export type DemoWindow = { start: Date; end: Date };

export function startOfUtcDay(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
}

export function demoWindow(now?: Date): DemoWindow {
  const end = now ?? startOfUtcDay(new Date());
  if (Number.isNaN(end.getTime())) throw new Error("demo window: invalid `now`");
  return { start: new Date(end.getTime() - WINDOW_DAYS * DAY_MS), end };
}

/** `days` after the window start (fractions allowed, negative = before it). */
export function windowDay(window: DemoWindow, days: number): Date {
  return new Date(window.start.getTime() + Math.round(days * DAY_MS));
}
