import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, displayTimeZone, isLocale } from "./config";

// The language comes from the cookie the header switch sets (also written from the user's
// saved setting at sign-in); no locale segment in URLs.
export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get("NEXT_LOCALE")?.value;
  const locale = isLocale(fromCookie) ? fromCookie : defaultLocale;
  const messages = (await import(`./messages/${locale}.json`)).default;
  return { locale, messages, timeZone: displayTimeZone };
});
