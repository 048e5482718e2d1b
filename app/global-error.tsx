"use client";

import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { useEffect, useState } from "react";
import { defaultLocale, displayTimeZone, isLocale, localeCookie, type AppLocale } from "@/lib/i18n/config";
import { ErrorView } from "./_components/error-view";
import "./globals.css";

// Replaces the root layout when it fails, so there is no provider above it: read the language
// cookie and load that catalogue here (lazily, so it is not in every page's bundle).
function cookieLocale(): AppLocale {
  const value = document.cookie
    .split("; ")
    .find((part) => part.startsWith(`${localeCookie}=`))
    ?.slice(localeCookie.length + 1);
  return isLocale(value) ? value : defaultLocale;
}

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const [catalogue, setCatalogue] = useState<{ locale: AppLocale; messages: AbstractIntlMessages }>();
  useEffect(() => {
    const locale = cookieLocale();
    const load = locale === "en" ? import("@/lib/i18n/messages/en.json") : import("@/lib/i18n/messages/zh-CN.json");
    void load.then((module) => setCatalogue({ locale, messages: module.default }));
  }, []);

  return (
    <html lang={catalogue?.locale ?? defaultLocale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        {catalogue ? (
          <NextIntlClientProvider locale={catalogue.locale} messages={catalogue.messages} timeZone={displayTimeZone}>
            <ErrorView error={error} retry={retry} />
          </NextIntlClientProvider>
        ) : null}
      </body>
    </html>
  );
}
