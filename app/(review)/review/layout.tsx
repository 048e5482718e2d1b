import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/shell/app-shell";
import { requirePlatform } from "@/lib/auth/session";

export default async function ReviewLayout({ children }: { children: ReactNode }) {
  const user = await requirePlatform("review:read");
  const [nav, shell] = await Promise.all([getTranslations("nav"), getTranslations("shell")]);
  const items = [
    { href: "/review", label: nav("reviewQueue") },
    { href: "/review/history", label: nav("reviewHistory") },
  ];
  const heading = <p className="text-sm font-semibold text-slate-900">{shell("areas.review")}</p>;
  return (
    <AppShell user={user} sidebar={{ heading, label: shell("areaNav.review"), items }}>
      {children}
    </AppShell>
  );
}
