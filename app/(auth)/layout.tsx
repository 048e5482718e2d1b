import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/shell/language-switch";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations();
  return (
    <div className="flex min-h-screen flex-col items-center justify-center gap-6 px-4 py-12">
      <header className="text-center">
        <p className="text-xl font-semibold tracking-tight text-slate-900">{t("shell.productName")}</p>
        <p className="mt-1 text-sm text-slate-600">{t("auth.layout.tagline")}</p>
      </header>
      <main className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">{children}</main>
      <LanguageSwitch />
    </div>
  );
}
