import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DriftDecision } from "@/lib/drift/decide";
import { invalidatePolicy } from "@/lib/policy-runtime/policy-runtime";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue";
import { recordAudit } from "./audit";
import { notifyMerchantMembers, notifyReviewers } from "./notifications";
import type { Actor } from "./users";
import { suspendLiveVersion } from "./version-transitions";

// Storage side of drift detection: which integrations to re-check, what the approved live
// version looks like, and what a finding changes (flag, audit, notifications, webhook and — for
// a dangerous drift — the suspension, all in one transaction).

export const DRIFT_AUDIT_ACTION = "integration.drift_detected";
const DRIFT_CLEARED_ACTION = "integration.drift_cleared";

/** Live MCP integrations (the live version not suspended), for the scheduled scan. */
export async function listDriftCandidates(): Promise<Array<{ id: string; merchantId: string }>> {
  return db.integration.findMany({
    where: { kind: "MCP_SERVER", liveVersion: { status: "LIVE" } },
    select: { id: true, merchantId: true },
    orderBy: { id: "asc" },
  });
}

/** The integration and its live version; `merchantId` scopes a merchant's own request. */
export async function loadDriftTarget({ integrationId, merchantId }: { integrationId: string; merchantId?: string }) {
  return db.integration.findFirst({
    where: { id: integrationId, ...(merchantId !== undefined && { merchantId }) },
    select: {
      id: true,
      merchantId: true,
      kind: true,
      name: true,
      driftDetectedAt: true,
      merchant: { select: { slug: true } },
      liveVersion: { select: { id: true, number: true, status: true, endpointUrl: true, authSecretEnc: true, toolList: true, toolListHash: true } },
    },
  });
}
export type DriftTarget = NonNullable<Awaited<ReturnType<typeof loadDriftTarget>>>;

export type DriftRecord = { outcome: "clean" | "cleared" | "flagged" | "alreadyFlagged" | "stale"; suspended: boolean };

type By = { actor: Actor | null };

/**
 * Stores what a re-check found. A drift already flagged with the same listing is not announced
 * again (the scan runs every few hours); a listing back to the approved one clears the flag.
 * `stale` when the live version changed while the server was being checked.
 */
export async function recordDriftResult({ target, decision, by }: { target: DriftTarget; decision: DriftDecision; by: By }): Promise<DriftRecord> {
  const live = target.liveVersion;
  if (!live) return { outcome: "stale", suspended: false };
  const actor = by.actor ? { id: by.actor.userId, label: by.actor.email, ip: by.actor.ip } : { id: null, label: "system:drift" };

  const result = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Integration" WHERE id = ${target.id} FOR UPDATE`;
    const now = await tx.integration.findUniqueOrThrow({
      where: { id: target.id },
      select: { liveVersionId: true, driftDetectedAt: true, liveVersion: { select: { status: true } } },
    });
    if (now.liveVersionId !== live.id || now.liveVersion?.status !== "LIVE") return { outcome: "stale", suspended: false } as const;

    if (!decision.drift) {
      if (!now.driftDetectedAt) return { outcome: "clean", suspended: false } as const;
      await tx.integration.update({ where: { id: target.id }, data: { driftDetectedAt: null } });
      await recordAudit(
        { merchantId: target.merchantId, actor, action: DRIFT_CLEARED_ACTION, objectType: "integration", objectId: target.id, before: { driftDetectedAt: now.driftDetectedAt }, after: { hash: decision.hash } },
        tx,
      );
      return { outcome: "cleared", suspended: false } as const;
    }

    if (now.driftDetectedAt) {
      const last = await latestDriftEvent(tx, target.id);
      if ((last?.after as { hash?: string } | null)?.hash === decision.hash) return { outcome: "alreadyFlagged", suspended: false } as const;
    }
    const { drift: _drift, ...finding } = decision;
    const detectedAt = new Date();
    await tx.integration.update({ where: { id: target.id }, data: { driftDetectedAt: detectedAt } });
    await recordAudit(
      {
        merchantId: target.merchantId,
        actor,
        action: DRIFT_AUDIT_ACTION,
        objectType: "integration",
        objectId: target.id,
        before: { toolListHash: decision.approvedHash, driftDetectedAt: now.driftDetectedAt },
        after: { ...finding, versionId: live.id, versionNumber: live.number, driftDetectedAt: detectedAt },
      },
      tx,
    );
    const params = { integration: target.name, version: live.number, added: decision.added.length, removed: decision.removed.length, changed: decision.changed.length };
    const kind = decision.suspend ? "driftSuspended" : "driftDetected";
    await notifyMerchantMembers(tx, { merchantId: target.merchantId, kind, params, link: `/m/${target.merchant.slug}/integrations/${encodeURIComponent(target.id)}`, roles: ["OWNER", "ADMIN", "DEVELOPER"] });
    await notifyReviewers(tx, { kind, params, link: `/review/${encodeURIComponent(live.id)}` });
    await enqueueWebhookEvent(tx, {
      merchantId: target.merchantId,
      type: "integration.drift_detected",
      payload: {
        integrationId: target.id,
        integrationName: target.name,
        versionId: live.id,
        versionNumber: live.number,
        approvedToolListHash: decision.approvedHash,
        toolListHash: decision.hash,
        added: decision.added,
        removed: decision.removed,
        changed: decision.changed,
        suspended: decision.suspend,
      },
    });
    if (decision.suspend) {
      const tools = decision.risky.map((t) => t.name).join(", ");
      await suspendLiveVersion(
        {
          merchantId: target.merchantId,
          integrationId: target.id,
          by: { as: "system", actor: null, label: "system:drift" },
          reason: `Drift: the MCP server now lists destructive or money-moving tools that were not approved (${tools}).`,
          details: { drift: { toolListHash: decision.hash, approvedToolListHash: decision.approvedHash, risky: decision.risky } },
        },
        tx,
      );
    }
    return { outcome: "flagged", suspended: decision.suspend } as const;
  });
  if (result.suspended) invalidatePolicy(target.merchantId);
  return result;
}

function latestDriftEvent(tx: Pick<Prisma.TransactionClient, "auditEvent">, integrationId: string) {
  return tx.auditEvent.findFirst({
    where: { objectType: "integration", objectId: integrationId, action: DRIFT_AUDIT_ACTION },
    orderBy: { id: "desc" },
    select: { after: true, createdAt: true },
  });
}

export type DriftFinding = { added: string[]; removed: string[]; changed: string[]; risky: Array<{ name: string; destructive: boolean; movesMoney: boolean }>; suspend: boolean; at: Date };

/** The last drift finding of a merchant's integration, for its page. */
export async function getLatestDrift({ merchantId, integrationId }: { merchantId: string; integrationId: string }): Promise<DriftFinding | null> {
  const event = await db.auditEvent.findFirst({
    where: { merchantId, objectType: "integration", objectId: integrationId, action: DRIFT_AUDIT_ACTION },
    orderBy: { id: "desc" },
    select: { after: true, createdAt: true },
  });
  if (!event?.after) return null;
  const after = event.after as Partial<DriftFinding>;
  return { added: after.added ?? [], removed: after.removed ?? [], changed: after.changed ?? [], risky: after.risky ?? [], suspend: after.suspend ?? false, at: event.createdAt };
}
