import type { AppLocale } from "@/lib/i18n/config";
import type { Locale } from "@/lib/generated/prisma/enums";

// The database enum cannot hold a hyphen; the cookie and next-intl use BCP 47 tags.
export function toAppLocale(locale: Locale): AppLocale {
  return locale === "en" ? "en" : "zh-CN";
}

export function toDbLocale(locale: AppLocale): Locale {
  return locale === "en" ? "en" : "zh_CN";
}
