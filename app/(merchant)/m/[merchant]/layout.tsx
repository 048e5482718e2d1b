import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { requireMerchant } from "@/lib/auth/session";
import { merchantHref, merchantNavItems } from "@/lib/navigation";

export default async function MerchantLayout({ children, params }: { children: ReactNode; params: Promise<{ merchant: string }> }) {
  const { merchant: slug } = await params;
  const { user, merchant, role } = await requireMerchant(slug);
  const [nav, shell] = await Promise.all([getTranslations("nav"), getTranslations("shell")]);

  const heading = (
    <>
      <p className="truncate text-sm font-semibold text-slate-900">{merchant.name}</p>
      <p className="mt-0.5 flex items-center gap-2 text-xs text-slate-500">
        {shell(`roles.${role}`)}
        {merchant.status === "SUSPENDED" ? <Badge tone="danger">{shell("merchantSuspended")}</Badge> : null}
      </p>
    </>
  );
  const items = merchantNavItems(role).map((item) => ({ href: merchantHref(merchant.slug, item.section), label: nav(item.labelKey) }));

  return (
    <AppShell user={user} currentMerchantSlug={merchant.slug} sidebar={{ heading, label: shell("areaNav.merchant"), items }}>
      {children}
    </AppShell>
  );
}
