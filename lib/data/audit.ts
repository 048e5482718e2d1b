import "server-only";
import { db } from "@/lib/db";
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

export async function listAuditEvents({
  merchantId,
  objectType,
  objectId,
  action,
  before,
  take = 50,
}: {
  /** `undefined` = platform-wide (admin audit search); a string scopes to one merchant. */
  merchantId?: string;
  objectType?: string;
  objectId?: string;
  action?: string;
  /** Keyset cursor: events with a smaller id. */
  before?: bigint;
  take?: number;
}) {
  return db.auditEvent.findMany({
    where: {
      ...(merchantId !== undefined && { merchantId }),
      ...(objectType && { objectType }),
      ...(objectId && { objectId }),
      ...(action && { action: { startsWith: action } }),
      ...(before !== undefined && { id: { lt: before } }),
    },
    orderBy: { id: "desc" },
    take,
  });
}
