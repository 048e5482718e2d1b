"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { ActionError, actorOf, merchantAction } from "@/lib/auth/action";
import type { MerchantContext } from "@/lib/auth/session";
import { createInvitation, InvitationError, revokeInvitation } from "@/lib/data/invitations";
import { changeMemberRole, MembershipError, removeMember } from "@/lib/data/memberships";
import { merchantHref } from "@/lib/navigation";
import { changeMemberRoleSchema, inviteMemberSchema, removeMemberSchema, revokeInvitationSchema } from "@/lib/validation/members";

async function actingMember(ctx: MerchantContext) {
  return { ...(await actorOf(ctx.user)), role: ctx.role };
}

/** Refusals from the data layer become messages; anything else is a real failure. */
function refused(error: unknown): never {
  if (error instanceof MembershipError || error instanceof InvitationError) throw new ActionError(`members.errors.${error.code}`);
  throw error;
}

/** The site's own origin, for the invitation link (NEXTAUTH_URL when set, else this request's host). */
async function siteOrigin(): Promise<string> {
  if (process.env.NEXTAUTH_URL) return new URL(process.env.NEXTAUTH_URL).origin;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

const settingsPath = (ctx: MerchantContext) => merchantHref(ctx.merchant.slug, "settings");

export const inviteMemberAction = merchantAction("members:manage", inviteMemberSchema, async ({ email, role }, ctx) => {
  const { token } = await createInvitation({ merchantId: ctx.merchant.id, email, role, actor: await actingMember(ctx) }).catch(refused);
  revalidatePath(settingsPath(ctx));
  return { ok: true, email, link: `${await siteOrigin()}/invite/${token}` };
});

export const changeMemberRoleAction = merchantAction("members:manage", changeMemberRoleSchema, async ({ membershipId, role }, ctx) => {
  const updated = await changeMemberRole({ merchantId: ctx.merchant.id, membershipId, role, actor: await actingMember(ctx) }).catch(refused);
  revalidatePath(settingsPath(ctx));
  const t = await getTranslations("members.list");
  return { ok: true, message: t("roleChanged", { name: updated.user.name }) };
});

export const removeMemberAction = merchantAction("members:manage", removeMemberSchema, async ({ membershipId }, ctx) => {
  await removeMember({ merchantId: ctx.merchant.id, membershipId, actor: await actingMember(ctx) }).catch(refused);
  revalidatePath(settingsPath(ctx));
  return { ok: true, message: (await getTranslations("members.list"))("removed") };
});

export const revokeInvitationAction = merchantAction("members:manage", revokeInvitationSchema, async ({ invitationId }, ctx) => {
  await revokeInvitation({ merchantId: ctx.merchant.id, invitationId, actor: await actorOf(ctx.user) }).catch(refused);
  revalidatePath(settingsPath(ctx));
  return { ok: true, message: (await getTranslations("members.pending"))("revoked") };
});
