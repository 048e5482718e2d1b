import "server-only";
import { db } from "@/lib/db";
import type { MerchantRole } from "@/lib/generated/prisma/enums";
import { canAssignRole } from "@/lib/auth/member-rules";
import { createSecretToken, hashToken } from "@/lib/auth/token";
import type { Actor } from "./users";

export const invitationTtlMs = 7 * 24 * 60 * 60_000;

export type InvitationErrorCode = "notFound" | "notAllowed" | "alreadyMember" | "expired" | "revoked" | "accepted" | "wrongEmail";
export class InvitationError extends Error {
  constructor(readonly code: InvitationErrorCode) {
    super(`Invitation refused: ${code}`);
    this.name = "InvitationError";
  }
}

export type InvitationState = "pending" | "accepted" | "revoked" | "expired";

export function invitationState(inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InvitationState {
  if (inv.acceptedAt) return "accepted";
  if (inv.revokedAt) return "revoked";
  return inv.expiresAt.getTime() <= now.getTime() ? "expired" : "pending";
}

/**
 * Creates an invitation and returns its token — the only time it exists in clear; only its
 * SHA-256 is stored. An earlier pending invitation for the same email is revoked.
 */
export async function createInvitation({
  merchantId,
  email,
  role,
  actor,
  now = new Date(),
}: {
  merchantId: string;
  email: string;
  role: MerchantRole;
  actor: Actor & { role: MerchantRole };
  now?: Date;
}) {
  if (!canAssignRole(actor.role, { current: null, next: role })) throw new InvitationError("notAllowed");
  const normalised = email.trim().toLowerCase();
  const token = createSecretToken();
  const invitation = await db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({ where: { merchantId, user: { email: normalised } }, select: { id: true } });
    if (member) throw new InvitationError("alreadyMember");
    await tx.invitation.updateMany({
      where: { merchantId, email: normalised, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const created = await tx.invitation.create({
      data: {
        merchantId,
        email: normalised,
        role,
        tokenHash: hashToken(token),
        invitedById: actor.userId,
        expiresAt: new Date(now.getTime() + invitationTtlMs),
      },
      select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    });
    await tx.auditEvent.create({
      data: {
        merchantId,
        actorId: actor.userId,
        actorLabel: actor.email,
        ip: actor.ip ?? null,
        action: "invitation.created",
        objectType: "Invitation",
        objectId: created.id,
        after: { email: normalised, role },
      },
    });
    return created;
  });
  return { invitation, token };
}

/** Pending invitations (not accepted, revoked or expired), newest first. */
export async function listInvitations({ merchantId, now = new Date() }: { merchantId: string; now?: Date }) {
  return db.invitation.findMany({
    where: { merchantId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
  });
}

export async function revokeInvitation({ merchantId, invitationId, actor, now = new Date() }: { merchantId: string; invitationId: string; actor: Actor; now?: Date }) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, merchantId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count === 0) throw new InvitationError("notFound");
    await tx.auditEvent.create({
      data: {
        merchantId,
        actorId: actor.userId,
        actorLabel: actor.email,
        ip: actor.ip ?? null,
        action: "invitation.revoked",
        objectType: "Invitation",
        objectId: invitationId,
      },
    });
  });
}

/** The invitation behind a link, for the accept page. */
export async function getInvitationByToken({ token, now = new Date() }: { token: string; now?: Date }) {
  const inv = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      merchant: { select: { id: true, slug: true, name: true } },
    },
  });
  return inv ? { ...inv, state: invitationState(inv, now) } : null;
}

/**
 * Accepts an invitation for the signed-in user whose email it was sent to. The conditional
 * update makes a link usable once even when clicked twice at the same moment.
 */
export async function acceptInvitation({ token, userId, now = new Date() }: { token: string; userId: string; now?: Date }) {
  return db.$transaction(async (tx) => {
    const inv = await tx.invitation.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, merchantId: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, merchant: { select: { slug: true } } },
    });
    if (!inv) throw new InvitationError("notFound");
    const state = invitationState(inv, now);
    if (state !== "pending") throw new InvitationError(state);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user || user.email.toLowerCase() !== inv.email.toLowerCase()) throw new InvitationError("wrongEmail");
    const { count } = await tx.invitation.updateMany({
      where: { id: inv.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now, acceptedById: userId },
    });
    if (count === 0) throw new InvitationError("accepted");
    const existing = await tx.membership.findUnique({ where: { merchantId_userId: { merchantId: inv.merchantId, userId } }, select: { id: true } });
    // Someone who joined meanwhile keeps the role they have; the link is simply used up.
    if (!existing) await tx.membership.create({ data: { merchantId: inv.merchantId, userId, role: inv.role } });
    await tx.auditEvent.create({
      data: {
        merchantId: inv.merchantId,
        actorId: userId,
        actorLabel: user.email,
        action: "invitation.accepted",
        objectType: "Invitation",
        objectId: inv.id,
        after: { role: inv.role },
      },
    });
    return { merchantSlug: inv.merchant.slug, role: inv.role, alreadyMember: Boolean(existing) };
  });
}
