import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MerchantCategory, MerchantRole, MerchantStatus } from "@/lib/generated/prisma/enums";
import { canAssignRole, canRemoveMember } from "@/lib/auth/member-rules";
import type { Actor } from "./users";

export type MembershipMerchant = { id: string; slug: string; name: string; category: MerchantCategory; status: MerchantStatus };

export type MembershipErrorCode = "notFound" | "notAllowed" | "lastOwner";
export class MembershipError extends Error {
  constructor(readonly code: MembershipErrorCode) {
    super(`Membership change refused: ${code}`);
    this.name = "MembershipError";
  }
}

const merchantSelect = { id: true, slug: true, name: true, category: true, status: true } as const;

/** The merchant switcher: every merchant the user belongs to, with the role there. */
export async function listMembershipsForUser({ userId }: { userId: string }): Promise<Array<{ role: MerchantRole; merchant: MembershipMerchant }>> {
  return db.membership.findMany({
    where: { userId },
    // The merchant where the user holds the most responsibility comes first: it is their home.
    orderBy: [{ role: "asc" }, { createdAt: "asc" }, { merchant: { name: "asc" } }],
    select: { role: true, merchant: { select: merchantSelect } },
  });
}

/** The user's membership in the merchant with this slug, or null (also when the merchant does not exist). */
export async function getMembership({ userId, merchantSlug }: { userId: string; merchantSlug: string }) {
  return db.membership.findFirst({
    where: { userId, merchant: { slug: merchantSlug } },
    select: { id: true, role: true, merchant: { select: merchantSelect } },
  });
}

export async function listMembers({ merchantId }: { merchantId: string }) {
  return db.membership.findMany({
    where: { merchantId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      role: true,
      createdAt: true,
      user: { select: { id: true, email: true, name: true, status: true } },
    },
  });
}

/** The owners of a merchant, row-locked so two concurrent demotions cannot both pass the last-owner check. */
async function lockOwners(tx: Prisma.TransactionClient, merchantId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "Membership" WHERE "merchantId" = ${merchantId} AND "role" = 'OWNER' ORDER BY "id" FOR UPDATE`;
  return rows.map((r) => r.id);
}

type ActingMember = Actor & { role: MerchantRole };

const memberSelect = { id: true, role: true, userId: true, user: { select: { name: true } } } as const;

export async function changeMemberRole({
  merchantId,
  membershipId,
  role,
  actor,
}: {
  merchantId: string;
  membershipId: string;
  role: MerchantRole;
  actor: ActingMember;
}) {
  return db.$transaction(async (tx) => {
    const owners = await lockOwners(tx, merchantId);
    const member = await tx.membership.findFirst({ where: { id: membershipId, merchantId }, select: memberSelect });
    if (!member) throw new MembershipError("notFound");
    if (!canAssignRole(actor.role, { current: member.role, next: role })) throw new MembershipError("notAllowed");
    if (member.role === role) return member;
    if (member.role === "OWNER" && owners.length <= 1) throw new MembershipError("lastOwner");
    const updated = await tx.membership.update({ where: { id: member.id }, data: { role }, select: memberSelect });
    // Tokens of that user are re-issued: the new role applies to every open session at once.
    await tx.user.update({ where: { id: member.userId }, data: { sessionVersion: { increment: 1 } } });
    await tx.auditEvent.create({
      data: {
        merchantId,
        actorId: actor.userId,
        actorLabel: actor.email,
        ip: actor.ip ?? null,
        action: "member.roleChanged",
        objectType: "Membership",
        objectId: member.id,
        before: { role: member.role, userId: member.userId },
        after: { role },
      },
    });
    return updated;
  });
}

export async function removeMember({ merchantId, membershipId, actor }: { merchantId: string; membershipId: string; actor: ActingMember }) {
  await db.$transaction(async (tx) => {
    const owners = await lockOwners(tx, merchantId);
    const member = await tx.membership.findFirst({ where: { id: membershipId, merchantId }, select: { id: true, role: true, userId: true } });
    if (!member) throw new MembershipError("notFound");
    if (!canRemoveMember(actor.role, member.role)) throw new MembershipError("notAllowed");
    if (member.role === "OWNER" && owners.length <= 1) throw new MembershipError("lastOwner");
    await tx.membership.delete({ where: { id: member.id } });
    await tx.auditEvent.create({
      data: {
        merchantId,
        actorId: actor.userId,
        actorLabel: actor.email,
        ip: actor.ip ?? null,
        action: "member.removed",
        objectType: "Membership",
        objectId: member.id,
        before: { role: member.role, userId: member.userId },
      },
    });
  });
}
