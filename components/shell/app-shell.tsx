import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { focusRing } from "@/components/ui/cx";
import type { SessionUser } from "@/lib/auth/session";
import { listMembershipsForUser } from "@/lib/data/memberships";
import { countUnread } from "@/lib/data/notifications";
import { merchantHref, platformAreas } from "@/lib/navigation";
import { AreaLinks } from "./area-links";
import { LanguageSwitch } from "./language-switch";
import { MerchantSwitcher } from "./merchant-switcher";
import { NotificationsBell } from "./notifications-bell";
import { SidebarNav, type NavLink } from "./sidebar-nav";
import { UserMenu } from "./user-menu";

/**
 * The signed-in frame: header (switcher, area links, language, notifications, account) and an
 * optional sidebar. Layouts authorize first and pass what they allowed; this only renders.
 */
export async function AppShell({
  user,
  currentMerchantSlug,
  sidebar,
  children,
}: {
  user: SessionUser;
  currentMerchantSlug?: string;
  sidebar?: { heading: ReactNode; label: string; items: readonly NavLink[] };
  children: ReactNode;
}) {
  const [t, memberships, unread] = await Promise.all([
    getTranslations("shell"),
    listMembershipsForUser({ userId: user.id }),
    countUnread({ userId: user.id }),
  ]);

  const first = memberships[0];
  const areas = [
    ...(first ? [{ href: merchantHref(currentMerchantSlug ?? first.merchant.slug), match: "/m", label: t("areas.merchant") }] : []),
    ...platformAreas(user.platformRole).map((a) => ({ href: a.href, match: a.href, label: t(`areas.${a.area}`) })),
  ];

  return (
    <div className="flex min-h-screen flex-col">
      <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="flex min-h-14 flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 lg:px-6">
          <Link href="/" aria-label={t("home")} className={`rounded text-base font-semibold tracking-tight text-indigo-700 ${focusRing}`}>
            {t("productName")}
          </Link>
          {currentMerchantSlug && memberships.length > 1 ? (
            <MerchantSwitcher
              currentSlug={currentMerchantSlug}
              merchants={memberships.map((m) => ({ slug: m.merchant.slug, name: m.merchant.name, role: m.role }))}
            />
          ) : null}
          {areas.length > 1 ? <AreaLinks label={t("areas.label")} items={areas} /> : null}
          <div className="ml-auto flex items-center gap-3">
            <LanguageSwitch />
            <NotificationsBell userId={user.id} unread={unread} />
            <UserMenu name={user.name} email={user.email} />
          </div>
        </div>
      </header>
      <div className="flex flex-1 flex-col lg:flex-row">
        {sidebar ? (
          <aside className="border-b border-slate-200 bg-white px-3 py-3 lg:w-60 lg:shrink-0 lg:border-b-0 lg:border-r lg:py-5">
            <div className="mb-3 hidden px-3 lg:block">{sidebar.heading}</div>
            <SidebarNav label={sidebar.label} items={sidebar.items} />
          </aside>
        ) : null}
        <main id="main-content" tabIndex={-1} className="flex-1 px-4 py-6 outline-none lg:px-8 lg:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
