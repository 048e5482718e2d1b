import { displayTimeZone, type AppLocale } from "@/lib/i18n/config";

// Built from Intl parts rather than Intl's whole string so the output does not shift with the
// ICU version's punctuation; the zone is always the display zone (times are stored in UTC).
type Parts = { year: string; month: string; monthShort: string; day: string; hour: string; minute: string };

function partsOf(date: Date): Parts {
  const pick = (options: Intl.DateTimeFormatOptions) => {
    const parts = new Intl.DateTimeFormat("en-US", { timeZone: displayTimeZone, ...options }).formatToParts(date);
    return (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  };
  const numeric = pick({ year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return {
    year: numeric("year"),
    month: numeric("month"),
    monthShort: pick({ month: "short" })("month"),
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
