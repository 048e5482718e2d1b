// Which navigation a user sees, from their role alone. Pure so the rules are unit-tested; the
// pages still authorize on the server, hiding a link is only a convenience.
import { merchantRoleCan, platformRoleCan, type MerchantPermission } from "@/lib/auth/permissions";
import type { MerchantRole, PlatformRole } from "@/lib/generated/prisma/enums";

export type MerchantSection =
  | "overview"
  | "attribution"
  | "orders"
  | "screen-reading"
  | "integrations"
  | "visibility"
  | "revenue"
  | "developers"
  | "settings";

/** `labelKey` names the entry in the `nav` message namespace. */
export type MerchantNavItem = { section: MerchantSection; labelKey: string; permission: MerchantPermission };

const merchantSections: readonly MerchantNavItem[] = [
  { section: "overview", labelKey: "overview", permission: "analytics:read" },
  { section: "attribution", labelKey: "attribution", permission: "analytics:read" },
  { section: "orders", labelKey: "orders", permission: "analytics:read" },
  { section: "screen-reading", labelKey: "screenReading", permission: "analytics:read" },
  { section: "integrations", labelKey: "integrations", permission: "integrations:read" },
  { section: "visibility", labelKey: "visibility", permission: "visibility:read" },
  { section: "revenue", labelKey: "revenue", permission: "revenue:read" },
  { section: "developers", labelKey: "developers", permission: "apiKeys:manage" },
  { section: "settings", labelKey: "settings", permission: "members:manage" },
];

export function merchantNavItems(role: MerchantRole): MerchantNavItem[] {
  return merchantSections.filter((item) => merchantRoleCan(role, item.permission));
}

export function merchantHref(slug: string, section: MerchantSection = "overview"): string {
  return `/m/${encodeURIComponent(slug)}/${section}`;
}

/**
 * Where the merchant switcher goes: the same section of the other merchant when the user's role
 * there allows it, else that merchant's first section. Deeper paths (an order id, an integration)
 * belong to the current merchant, so they are dropped.
 */
export function switchMerchantHref(pathname: string, targetSlug: string, targetRole: MerchantRole): string {
  const allowed = merchantNavItems(targetRole);
  const current = /^\/m\/[^/]+\/([^/?#]+)/.exec(pathname)?.[1];
  const same = allowed.find((item) => item.section === current);
  return merchantHref(targetSlug, (same ?? allowed[0])?.section ?? "overview");
}

/** The nav link for the current page: the longest href that is the path or a parent of it. */
export function activeNavHref(pathname: string, hrefs: readonly string[]): string | undefined {
  return hrefs
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
}

export type PlatformArea = { area: "review" | "admin"; href: string };

/** Links to the platform areas shown in the header, for users who also hold a platform role. */
export function platformAreas(role: PlatformRole): PlatformArea[] {
  const areas: PlatformArea[] = [];
  if (platformRoleCan(role, "review:read")) areas.push({ area: "review", href: "/review" });
  if (platformRoleCan(role, "admin:agents")) areas.push({ area: "admin", href: "/admin" });
  return areas;
}

/** The start page after sign-in; null when the user belongs nowhere yet. */
export function homePath(input: { memberships: ReadonlyArray<{ merchant: { slug: string } }>; platformRole: PlatformRole }): string | null {
  const first = input.memberships[0];
  if (first) return merchantHref(first.merchant.slug);
  if (platformRoleCan(input.platformRole, "admin:agents")) return "/admin";
  if (platformRoleCan(input.platformRole, "review:read")) return "/review";
  return null;
}
