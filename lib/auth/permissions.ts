// Who may do what (PRODUCT.md, "Roles"). Pure: used by the authorization helper on the server
// and by the shell to decide which navigation to show.
import type { MerchantRole, PlatformRole } from "@/lib/generated/prisma/enums";

export const merchantPermissions = [
  "analytics:read",
  "orders:export",
  "statements:read",
  "integrations:read",
  "integrations:write",
  "visibility:read",
  "visibility:manage",
  "revenue:read",
  "revenue:manage",
  "apiKeys:manage",
  "webhooks:manage",
  "members:manage",
  "settings:manage",
] as const;
export type MerchantPermission = (typeof merchantPermissions)[number];

const everything = new Set<MerchantPermission>(merchantPermissions);

const byRole: Record<MerchantRole, ReadonlySet<MerchantPermission>> = {
  OWNER: everything,
  ADMIN: everything,
  DEVELOPER: new Set<MerchantPermission>([
    "analytics:read",
    "integrations:read",
    "integrations:write",
    "visibility:read",
    "apiKeys:manage",
  ]),
  ANALYST: new Set<MerchantPermission>(["analytics:read", "orders:export", "statements:read", "revenue:read"]),
};

export function merchantRoleCan(role: MerchantRole, permission: MerchantPermission): boolean {
  return byRole[role].has(permission);
}

export type PlatformPermission = "review:read" | "review:decide" | "admin:agents" | "admin:reviewers" | "admin:suspend" | "admin:audit" | "admin:statements" | "admin:revenue";

const platformByRole: Record<PlatformRole, ReadonlySet<PlatformPermission>> = {
  NONE: new Set(),
  REVIEWER: new Set<PlatformPermission>(["review:read", "review:decide"]),
  ADMIN: new Set<PlatformPermission>([
    "review:read",
    "admin:agents",
    "admin:reviewers",
    "admin:suspend",
    "admin:audit",
    // Close monthly statements ahead of the schedule (the platform's side of the settlement).
    "admin:statements",
    // Change a merchant's revenue-share rules (the platform's side of the agreement).
    "admin:revenue",
  ]),
};

export function platformRoleCan(role: PlatformRole, permission: PlatformPermission): boolean {
  return platformByRole[role].has(permission);
}
