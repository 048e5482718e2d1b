import "server-only";
import { db } from "@/lib/db";
import { platformRoleCan } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MerchantRole, PlatformRole } from "@/lib/generated/prisma/enums";

// In-app notifications. A row names a message of the `notifications` catalogue namespace
// (`kind`) and its parameters, so each reader sees it in their own language. Write them in the
// transaction of the change they report (pass `tx`).

type Writer = Pick<Prisma.TransactionClient, "notification" | "membership" | "user">;

export type NotificationParams = Record<string, string | number>;

export type NotifyMerchantInput = {
  merchantId: string;
  /** A key of the `notifications.kinds` catalogue, e.g. "versionApproved". */
  kind: string;
  params?: NotificationParams;
  /** An app path, e.g. `/m/lumen-coffee/integrations/…`. */
  link?: string | null;
  /** Only members with these roles (default: every member). */
  roles?: MerchantRole[];
};

export type NotifyReviewersInput = { kind: string; params?: NotificationParams; link?: string | null };

/** One notification per active member of the merchant (optionally only some roles). Returns the count. */
export async function notifyMerchantMembers(tx: Writer, { merchantId, kind, params, link, roles }: NotifyMerchantInput): Promise<number> {
  const members = await tx.membership.findMany({
    where: { merchantId, user: { status: "ACTIVE" }, ...(roles && { role: { in: roles } }) },
    select: { userId: true },
  });
  if (members.length === 0) return 0;
  const { count } = await tx.notification.createMany({
    data: members.map((m) => ({ userId: m.userId, merchantId, kind, params: params ?? undefined, link: link ?? null })),
  });
  return count;
}

const reviewRoles = (["REVIEWER", "ADMIN"] as PlatformRole[]).filter((role) => platformRoleCan(role, "review:read"));

/** One notification per active platform user who can read the review queue. Returns the count. */
export async function notifyReviewers(tx: Writer, { kind, params, link }: NotifyReviewersInput): Promise<number> {
  const reviewers = await tx.user.findMany({
    where: { status: "ACTIVE", platformRole: { in: reviewRoles } },
    select: { id: true },
  });
  if (reviewers.length === 0) return 0;
  const { count } = await tx.notification.createMany({
    data: reviewers.map((u) => ({ userId: u.id, merchantId: null, kind, params: params ?? undefined, link: link ?? null })),
  });
  return count;
}

export async function countUnread({ userId }: { userId: string }): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

export type NotificationItem = {
  id: string;
  kind: string;
  params: NotificationParams;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
};

/** The user's most recent notifications, newest first. */
export async function listNotifications({ userId, take = 20 }: { userId: string; take?: number }): Promise<NotificationItem[]> {
  const rows = await db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, kind: true, params: true, link: true, readAt: true, createdAt: true },
  });
  return rows.map((row) => ({ ...row, params: (row.params ?? {}) as NotificationParams }));
}

/**
 * Marks one of the user's notifications read and returns it (its link), or null when it is not
 * the user's: another user's id changes nothing.
 */
export async function markNotificationRead({ userId, id }: { userId: string; id: string }): Promise<{ link: string | null } | null> {
  await db.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: new Date() } });
  return db.notification.findFirst({ where: { id, userId }, select: { link: true } });
}

export async function markAllNotificationsRead({ userId }: { userId: string }): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return count;
}
