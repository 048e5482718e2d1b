import type { AppLocale } from "@/lib/i18n/config";

/** "2026-10" → "2026年10月" / "Oct 2026". */
export function periodLabel(period: string, locale: AppLocale): string {
  const [year, month] = period.split("-");
  if (locale === "zh-CN") return `${year}年${Number(month)}月`;
  const name = new Intl.DateTimeFormat("en-US", { month: "short", timeZone: "UTC" }).format(new Date(Date.UTC(Number(year), Number(month) - 1, 15)));
  return `${name} ${year}`;
}
