"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { locales } from "@/lib/i18n/config";
import { setLocaleAction } from "@/lib/i18n/actions";

const labelKeys = { "zh-CN": "languages.zhCN", en: "languages.en" } as const;

export function LanguageSwitch() {
  const t = useTranslations("shell");
  const locale = useLocale();
  const id = useId();
  return (
    // Keyed by locale: React resets a form after its action, and the select must then show the new language.
    <form key={locale} action={setLocaleAction} className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only text-sm text-slate-600 sm:not-sr-only">
        {t("language")}
      </label>
      <select
        id={id}
        name="locale"
        defaultValue={locale}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="rounded-md border-0 bg-white py-1.5 pl-2 pr-7 text-sm text-slate-800 ring-1 ring-inset ring-slate-300 focus:outline-none focus:ring-2 focus:ring-indigo-600"
      >
        {locales.map((value) => (
          <option key={value} value={value} lang={value}>
            {t(labelKeys[value])}
          </option>
        ))}
      </select>
    </form>
  );
}
