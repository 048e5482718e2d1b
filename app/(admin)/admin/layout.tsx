import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/shell/app-shell";
import { requirePlatform } from "@/lib/auth/session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requirePlatform("admin:agents");
  const [nav, shell, revenue] = await Promise.all([getTranslations("nav"), getTranslations("shell"), getTranslations("revenue.admin")]);
  const items = [
    { href: "/admin", label: nav("agents") },
    { href: "/admin/users", label: nav("users") },
    { href: "/admin/audit", label: nav("audit") },
    { href: "/admin/revenue", label: revenue("rulesNav") },
    { href: "/admin/statements", label: revenue("nav") },
  ];
  const heading = <p className="text-sm font-semibold text-slate-900">{shell("areas.admin")}</p>;
  return (
    <AppShell user={user} sidebar={{ heading, label: shell("areaNav.admin"), items }}>
      {children}
    </AppShell>
  );
}
