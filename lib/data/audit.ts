import "server-only";
import { db } from "@/lib/db";
import { maskStaffActors } from "@/lib/audit/staff-mask";
import type { Prisma } from "@/lib/generated/prisma/client";

// Append-only: this module only inserts and reads AuditEvent rows. Write the event in the same
// transaction as the change it describes (pass `tx`), so neither exists without the other.

export type AuditActor = { id: string | null; label: string; ip?: string | null };

export type AuditEntry = {
  merchantId: string | null;
  actor: AuditActor;
  action: string;
  objectType: string;
  objectId: string;
  before?: unknown;
  after?: unknown;
};

type Writer = Pick<Prisma.TransactionClient, "auditEvent">;

/** JSON columns cannot hold bigint; audit snapshots keep them as decimal strings. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v)));
}

export async function recordAudit(entry: AuditEntry, tx: Writer = db): Promise<void> {
  await tx.auditEvent.create({
    data: {
      merchantId: entry.merchantId,
      actorId: entry.actor.id,
      actorLabel: entry.actor.label,
      ip: entry.actor.ip ?? null,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}

export type AuditFilters = {
  /** `undefined` = platform-wide (admin audit search); a string scopes to one merchant. */
  merchantId?: string;
  /** Part of the actor's label (an email, or "system"), case-insensitive. */
  actor?: string;
  objectType?: string;
  objectId?: string;
  /** Action prefix, e.g. "version." or "webhook.endpoint". */
  action?: string;
  /** createdAt >= from and < to (UTC). */
  from?: Date;
  to?: Date;
};

export async function listAuditEvents({
  merchantId,
  actor,
  objectType,
  objectId,
  action,
  from,
  to,
  before,
  take = 50,
  excludeActorIds,
}: AuditFilters & {
  /** Keyset cursor: events with a smaller id. */
  before?: bigint;
  take?: number;
  /** Events by these actors are left out (system events, with no actor id, stay). */
  excludeActorIds?: string[];
}) {
  return db.auditEvent.findMany({
    where: {
      ...(merchantId !== undefined && { merchantId }),
      ...(actor && { actorLabel: { contains: actor, mode: "insensitive" as const } }),
      ...(objectType && { objectType }),
      ...(objectId && { objectId }),
      ...(action && { action: { startsWith: action } }),
      ...((from || to) && { createdAt: { ...(from && { gte: from }), ...(to && { lt: to }) } }),
      ...(before !== undefined && { id: { lt: before } }),
      ...(excludeActorIds?.length && { OR: [{ actorId: null }, { actorId: { notIn: excludeActorIds } }] }),
    },
    orderBy: { id: "desc" },
    take,
  });
}

export type AuditEventRow = Awaited<ReturnType<typeof listAuditEvents>>[number];

/** One page of events, newest first, with the cursor of the next page and the merchants' names. */
export async function pageAuditEvents(filters: Parameters<typeof listAuditEvents>[0]) {
  const take = filters.take ?? 50;
  const rows = await listAuditEvents({ ...filters, take: take + 1 });
  const events = rows.slice(0, take);
  const merchantIds = [...new Set(events.map((e) => e.merchantId).filter((id): id is string => id !== null))];
  const merchants = merchantIds.length
    ? await db.merchant.findMany({ where: { id: { in: merchantIds } }, select: { id: true, slug: true, name: true } })
    : [];
  return {
    events,
    merchants: new Map(merchants.map((m) => [m.id, m])),
    next: rows.length > take ? events.at(-1)!.id : null,
  };
}

/**
 * One page of a merchant's own audit log, as its owners see it: platform staff who are not members
 * of the merchant appear as `staffLabel`, without their email or IP, and the actor filter finds
 * members and system actors only, so it cannot be used to probe staff emails.
 */
export async function pageMerchantAuditEvents(filters: AuditFilters & { merchantId: string; before?: bigint; take?: number; staffLabel: string }) {
  const { staffLabel, ...rest } = filters;
  const staff = await db.user.findMany({
    where: { platformRole: { not: "NONE" }, memberships: { none: { merchantId: rest.merchantId } } },
    select: { id: true },
  });
  const staffIds = new Set(staff.map((u) => u.id));
  const page = await pageAuditEvents({ ...rest, ...(rest.actor && staffIds.size > 0 && { excludeActorIds: [...staffIds] }) });
  return { events: maskStaffActors(page.events, staffIds, staffLabel), next: page.next };
}

/** The merchant named by a slug in the admin audit filter (null when there is none). */
export async function findAuditMerchant({ slug }: { slug: string }) {
  return db.merchant.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
}
