// Short labels for bucket keys on chart axes and table rows, in Shanghai time.
import type { AppLocale } from "@/lib/i18n/config";
import { SHANGHAI_OFFSET_MS } from "./shanghai-time";
import type { Interval } from "./view";

export function bucketLabel(bucket: string, interval: Interval, locale: AppLocale): string {
  if (interval === "hour") {
    const local = new Date(new Date(bucket).getTime() + SHANGHAI_OFFSET_MS).toISOString();
    return `${dayLabel(local.slice(0, 10), locale)} ${local.slice(11, 16)}`;
  }
  if (interval === "month") return locale === "zh-CN" ? `${bucket.slice(0, 4)}年${Number(bucket.slice(5, 7))}月` : bucket.slice(0, 7);
  const day = dayLabel(bucket, locale);
  return interval === "week" ? (locale === "zh-CN" ? `${day}起一周` : `wk ${day}`) : day;
}

function dayLabel(date: string, locale: AppLocale): string {
  const [, m, d] = date.split("-");
  return locale === "zh-CN" ? `${Number(m)}月${Number(d)}日` : `${m}-${d}`;
}
