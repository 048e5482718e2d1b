// The app speaks BCP 47 tags ("zh-CN"); the User.locale enum cannot hold a hyphen ("zh_CN").
import type { Locale } from "@/lib/generated/prisma/enums";
import type { AppLocale } from "./config";

export function toUserLocale(locale: AppLocale): Locale {
  return locale === "zh-CN" ? "zh_CN" : "en";
}

export function fromUserLocale(locale: Locale): AppLocale {
  return locale === "zh_CN" ? "zh-CN" : "en";
}
