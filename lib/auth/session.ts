import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import type { Locale, MerchantCategory, MerchantRole, MerchantStatus, PlatformRole } from "@/lib/generated/prisma/enums";
import { getMembership } from "@/lib/data/memberships";
import { signInPath } from "./callback-url";
import { authOptions } from "./options";
import { loadSessionAccount } from "./session-account";
import { merchantRoleCan, platformRoleCan, type MerchantPermission, type PlatformPermission } from "./permissions";

export type SessionUser = { id: string; email: string; name: string; platformRole: PlatformRole; locale: Locale };

export type MerchantContext = {
  user: SessionUser;
  merchant: { id: string; slug: string; name: string; category: MerchantCategory; status: MerchantStatus };
  role: MerchantRole;
};

/**
 * The signed-in user, re-checked against the database on every request: a disabled account,
 * or a token minted before the last password/role change (sessionVersion), reads as signed out.
 * Cached per request.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.userId || typeof session.sessionVersion !== "number") return null;
  const user = await loadSessionAccount(session.userId);
  if (!user || user.status !== "ACTIVE" || user.sessionVersion !== session.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, platformRole: user.platformRole, locale: user.locale };
});

/** Redirects to sign-in (and back here afterwards) when nobody is signed in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (user) return user;
  // proxy.ts forwards the requested path in this header; without it, sign-in returns to "/".
  const here = (await headers()).get("x-pathname") ?? undefined;
  redirect(signInPath(here));
}

const membershipFor = cache((userId: string, merchantSlug: string) => getMembership({ userId, merchantSlug }));

/** The user's membership in the merchant; not-found when absent (never reveals that the merchant exists). */
export async function requireMerchant(slug: string, permission?: MerchantPermission): Promise<MerchantContext> {
  const user = await requireUser();
  const membership = await membershipFor(user.id, slug);
  if (!membership) notFound();
  if (permission && !merchantRoleCan(membership.role, permission)) forbidden();
  return { user, merchant: membership.merchant, role: membership.role };
}

export async function requirePlatform(permission: PlatformPermission): Promise<SessionUser> {
  const user = await requireUser();
  if (!platformRoleCan(user.platformRole, permission)) forbidden();
  return user;
}

/** For actions: resolves the membership without interrupting, so the caller can return an error. */
export async function findMerchantContext(slug: string): Promise<MerchantContext | null> {
  const user = await getSessionUser();
  if (!user) return null;
  const membership = await membershipFor(user.id, slug);
  return membership ? { user, merchant: membership.merchant, role: membership.role } : null;
}
