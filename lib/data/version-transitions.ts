import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { invalidatePolicy } from "@/lib/policy-runtime/policy-runtime";
import { announce } from "@/lib/review/announce";
import { ReviewError } from "@/lib/review/errors";
import { allowedEvents, assertTransition, IllegalTransitionError, type Transition, type TransitionActor, type VersionEvent } from "@/lib/review/state-machine";
import { recordAudit } from "./audit";
import type { Actor } from "./users";

// Applies state-machine transitions to IntegrationVersion rows. Every status change goes through
// `applyTransition`: the next status comes from lib/review/state-machine.ts, the row is updated
// with a guarded `updateMany({ where: { id, merchantId, status: from } })` (two concurrent
// transitions of the same version cannot both match), and the audit event is written in the
// same transaction.

export type Tx = Prisma.TransactionClient;

/** Who causes a transition: a person (merchant member, reviewer, admin) or the system (drift). */
export type TransitionBy = { as: TransitionActor; actor: Actor | null; label?: string };

export const auditActorOf = (by: TransitionBy) =>
  by.actor ? { id: by.actor.userId, label: by.actor.email, ip: by.actor.ip } : { id: null, label: by.label ?? "system" };

/** The audit action of each event, in the past tense. */
export const transitionAction: Record<VersionEvent, string> = {
  submit: "version.submitted",
  withdraw: "version.withdrawn",
  claim: "version.claimed",
  release: "version.released",
  approve: "version.approved",
  requestChanges: "version.changes_requested",
  reject: "version.rejected",
  goLive: "version.live",
  supersede: "version.superseded",
  suspend: "version.suspended",
  reinstate: "version.reinstated",
  restore: "version.restored",
  resubmit: "version.resubmitted",
};

const versionHead = { id: true, merchantId: true, integrationId: true, number: true, status: true, claimedById: true, toolListHash: true } as const;
export type VersionHead = Prisma.IntegrationVersionGetPayload<{ select: typeof versionHead }>;

export async function findVersionHead(tx: Tx, { versionId, merchantId }: { versionId: string; merchantId?: string }): Promise<VersionHead> {
  const version = await tx.integrationVersion.findFirst({ where: { id: versionId, ...(merchantId !== undefined && { merchantId }) }, select: versionHead });
  if (!version) throw new ReviewError("notFound");
  return version;
}

export type ApplyTransition = {
  versionId: string;
  /** The tenant, for merchant-side calls; reviewers and the system act across merchants. */
  merchantId?: string;
  event: VersionEvent;
  by: TransitionBy;
  /** Other columns to set with the status. */
  data?: Prisma.IntegrationVersionUncheckedUpdateManyInput;
  /** Extra guard on the row (e.g. the claim must be this reviewer's). */
  guard?: Prisma.IntegrationVersionWhereInput;
  /** Refusal when the guard (not the status) made the update miss. */
  guardError?: ReviewError;
  audit?: { before?: Record<string, unknown>; after?: Record<string, unknown> };
};

export async function applyTransition(tx: Tx, args: ApplyTransition): Promise<Transition & { version: VersionHead }> {
  const version = await findVersionHead(tx, args);
  const step = assertTransition(version.status, args.event, args.by.as);
  const updated = await tx.integrationVersion.updateMany({
    where: { id: version.id, merchantId: version.merchantId, status: step.from, ...args.guard },
    data: { ...args.data, status: step.to },
  });
  if (updated.count !== 1) {
    // Someone else changed the row between our read and our update: report what it is now.
    const now = await findVersionHead(tx, { versionId: version.id });
    if (now.status === step.from && args.guardError) throw args.guardError;
    throw new IllegalTransitionError({ from: now.status, event: args.event, actor: args.by.as, allowed: allowedEvents(now.status, args.by.as) });
  }
  await recordAudit(
    {
      merchantId: version.merchantId,
      actor: auditActorOf(args.by),
      action: transitionAction[args.event],
      objectType: "integration_version",
      objectId: version.id,
      before: { status: step.from, ...args.audit?.before },
      after: { status: step.to, integrationId: version.integrationId, number: version.number, ...args.audit?.after },
    },
    tx,
  );
  return { ...step, version: { ...version, status: step.to } };
}

/** Serialises live-version changes of one integration (approve, rollback, suspension). */
async function lockIntegration(tx: Tx, integrationId: string) {
  await tx.$queryRaw`SELECT id FROM "Integration" WHERE id = ${integrationId} FOR UPDATE`;
  return tx.integration.findUniqueOrThrow({ where: { id: integrationId }, select: { id: true, merchantId: true, liveVersionId: true } });
}

/**
 * Makes `versionId` the integration's live version through `event` (goLive after approval,
 * restore for an immediate rollback, reinstate after a suspension review), superseding the
 * previous live (or suspended) version, all in the caller's transaction. The caller invalidates
 * the policy cache after commit (`invalidatePolicy(merchantId)`).
 */
export async function makeLive(
  tx: Tx,
  { versionId, merchantId, event, by, audit }: { versionId: string; merchantId?: string; event: "goLive" | "restore" | "reinstate"; by: TransitionBy; audit?: ApplyTransition["audit"] },
) {
  const head = await findVersionHead(tx, { versionId, merchantId });
  const integration = await lockIntegration(tx, head.integrationId);
  let previous: { id: string; number: number } | null = null;
  if (integration.liveVersionId && integration.liveVersionId !== head.id) {
    const superseded = await applyTransition(tx, {
      versionId: integration.liveVersionId,
      merchantId: integration.merchantId,
      event: "supersede",
      by: { ...by, as: "system" },
      audit: { after: { supersededBy: { id: head.id, number: head.number } } },
    });
    previous = { id: superseded.version.id, number: superseded.version.number };
  }
  const now = new Date();
  const live = await applyTransition(tx, {
    versionId: head.id,
    merchantId: integration.merchantId,
    event,
    by,
    data: { liveAt: now },
    audit: { ...audit, after: { ...audit?.after, toolListHash: head.toolListHash, previousLive: previous } },
  });
  await tx.integration.update({ where: { id: integration.id }, data: { liveVersionId: head.id, driftDetectedAt: null } });
  await announce(tx, { type: "integration.version.live", merchantId: integration.merchantId, integrationId: integration.id, versionId: head.id, versionNumber: head.number, data: { previousVersionId: previous?.id ?? null, toolListHash: head.toolListHash } });
  return { ...live, previous };
}

export type SuspendArgs = {
  merchantId: string;
  integrationId: string;
  /** `system` for drift detection (actor null, label e.g. "system:drift"); `admin` for a person. */
  by: TransitionBy & { as: "admin" | "system" };
  /** Why, in words (shown to the merchant) — e.g. "new destructive tool refund_all". */
  reason: string;
  /** Structured detail for the audit log (drifted hash, new tools, …). */
  details?: Record<string, unknown>;
};

async function suspendIn(tx: Tx, args: SuspendArgs) {
  const integration = await tx.integration.findFirst({ where: { id: args.integrationId, merchantId: args.merchantId }, select: { id: true } });
  if (!integration) throw new ReviewError("notFound");
  const locked = await lockIntegration(tx, integration.id);
  if (!locked.liveVersionId) throw new ReviewError("notLive");
  const suspended = await applyTransition(tx, {
    versionId: locked.liveVersionId,
    merchantId: args.merchantId,
    event: "suspend",
    by: args.by,
    audit: { after: { reason: args.reason, ...args.details } },
  });
  await tx.integration.update({ where: { id: integration.id }, data: { updatedAt: new Date() } });
  await announce(tx, {
    type: "integration.suspended",
    merchantId: args.merchantId,
    integrationId: integration.id,
    versionId: suspended.version.id,
    versionNumber: suspended.version.number,
    data: { reason: args.reason, ...args.details },
  });
  return { versionId: suspended.version.id, number: suspended.version.number };
}

/**
 * Suspends the integration's live version (LIVE → SUSPENDED): it stops being offered to agents
 * until a reviewer reinstates it. Throws ReviewError("notLive") when nothing is live and
 * IllegalTransitionError when the live version is already suspended.
 *
 * Pass `tx` to suspend inside your own transaction (drift detection); then call
 * `invalidatePolicy(merchantId)` after your commit. Without `tx` it commits and invalidates.
 */
export async function suspendLiveVersion(args: SuspendArgs, tx?: Tx) {
  if (tx) return suspendIn(tx, args);
  const result = await db.$transaction((own) => suspendIn(own, args));
  invalidatePolicy(args.merchantId);
  return result;
}
