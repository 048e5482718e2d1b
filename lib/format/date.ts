import { displayTimeZone, type AppLocale } from "@/lib/i18n/config";

// Built from Intl parts rather than Intl's whole string so the output does not shift with the
// ICU version's punctuation; the zone is always the display zone (times are stored in UTC).
type Parts = { year: string; month: string; monthShort: string; day: string; hour: string; minute: string };

// Two formatters built once: constructing an Intl.DateTimeFormat with a time zone costs far more
// than formatting with it, and a page formats hundreds of dates.
const numericFormat = new Intl.DateTimeFormat("en-US", { timeZone: displayTimeZone, year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const monthShortFormat = new Intl.DateTimeFormat("en-US", { timeZone: displayTimeZone, month: "short" });

function partsOf(date: Date): Parts {
  const parts = numericFormat.formatToParts(date);
  const numeric = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    year: numeric("year"),
    month: numeric("month"),
    monthShort: monthShortFormat.formatToParts(date).find((p) => p.type === "month")?.value ?? "",
    day: numeric("day"),
    hour: numeric("hour"),
    minute: numeric("minute"),
  };
}

export function formatDate(date: Date, locale: AppLocale): string {
  const p = partsOf(date);
  return locale === "zh-CN" ? `${p.year}年${p.month}月${p.day}日` : `${p.monthShort} ${p.day}, ${p.year}`;
}

export function formatDateTime(date: Date, locale: AppLocale): string {
  const p = partsOf(date);
  return `${formatDate(date, locale)}${locale === "zh-CN" ? " " : ", "}${p.hour}:${p.minute}`;
}
