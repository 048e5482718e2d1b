import "server-only";
import { db } from "@/lib/db";
import type { CommentSide } from "@/lib/generated/prisma/enums";
import { invalidatePolicy } from "@/lib/policy-runtime/policy-runtime";
import { announce } from "@/lib/review/announce";
import { ReviewError } from "@/lib/review/errors";
import { checkDecision, type Decision } from "@/lib/review/reason-codes";
import { compareRisk, rollbackIsImmediate, type RiskComparison } from "@/lib/review/risk";
import { assertTransition, IllegalTransitionError } from "@/lib/review/state-machine";
import { recordAudit } from "./audit";
import { operationFromRow } from "./integrations";
import type { Actor } from "./users";
import { applyTransition, auditActorOf, findVersionHead, makeLive, type Tx } from "./version-transitions";

// The review workflow's writes. Merchant-side functions take the merchantId (another merchant's
// version reads as not found); reviewer-side functions act across merchants and are only called
// from actions that checked the review permission. Every change goes through the state machine
// (applyTransition) and writes its audit event and announcement in the same transaction.

const merchantBy = (actor: Actor) => ({ as: "merchant" as const, actor });
const reviewerBy = (actor: Actor) => ({ as: "reviewer" as const, actor });

/** The validation gate of a submission: a finished, error-free run of the version as it is now. */
async function checkSubmittable(tx: Tx, { merchantId, versionId, note }: { merchantId: string; versionId: string; note: string }) {
  const run = await tx.checkRun.findFirst({
    where: { versionId, merchantId },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, errorCount: true, warningCount: true, createdAt: true },
  });
  if (!run) throw new ReviewError("checkMissing");
  if (run.status === "QUEUED" || run.status === "RUNNING") throw new ReviewError("checkRunning");
  if (run.status === "FAILED" || run.errorCount > 0) throw new ReviewError("checkFailed");
  const editedSince = await tx.auditEvent.count({
    where: { objectType: "integration_version", objectId: versionId, action: "version.updated", createdAt: { gt: run.createdAt } },
  });
  if (editedSince > 0) throw new ReviewError("checkStale");
  if (run.warningCount > 0 && !note) throw new ReviewError("noteRequired");
  return run;
}

/** DRAFT → SUBMITTED, with the note to the reviewer (required when the check has warnings). */
export async function submitVersion({ merchantId, actor, versionId, note }: { merchantId: string; actor: Actor; versionId: string; note: string }) {
  const trimmed = note.trim();
  return db.$transaction(async (tx) => {
    const head = await findVersionHead(tx, { merchantId, versionId });
    assertTransition(head.status, "submit", "merchant");
    const run = await checkSubmittable(tx, { merchantId, versionId: head.id, note: trimmed });
    const step = await applyTransition(tx, {
      merchantId,
      versionId: head.id,
      event: "submit",
      by: merchantBy(actor),
      data: { submittedAt: new Date(), submittedNote: trimmed || null, claimedById: null, claimedAt: null, decidedAt: null },
      audit: { after: { note: trimmed || null, checkRunId: run.id, warnings: run.warningCount } },
    });
    await announce(tx, { type: "integration.version.submitted", merchantId, integrationId: head.integrationId, versionId: head.id, versionNumber: head.number, data: { note: trimmed || null } });
    return step;
  });
}

/** SUBMITTED | IN_REVIEW → WITHDRAWN, by the merchant, before a decision. */
export async function withdrawVersion({ merchantId, actor, versionId }: { merchantId: string; actor: Actor; versionId: string }) {
  return db.$transaction(async (tx) => {
    const step = await applyTransition(tx, { merchantId, versionId, event: "withdraw", by: merchantBy(actor), data: { claimedById: null, claimedAt: null } });
    await announce(tx, { type: "integration.version.withdrawn", merchantId: step.version.merchantId, integrationId: step.version.integrationId, versionId, versionNumber: step.version.number });
    return step;
  });
}

/** Separation of duties: a platform user who is also a member of the merchant never reviews it. */
async function refuseOwnMerchant(tx: Tx, reviewer: Actor, merchantId: string) {
  const membership = await tx.membership.findFirst({ where: { merchantId, userId: reviewer.userId }, select: { id: true } });
  if (membership) throw new ReviewError("ownMerchant");
}

/** SUBMITTED → IN_REVIEW, claimed by this reviewer. Of two reviewers claiming at once, one wins. */
export async function claimVersion({ reviewer, versionId }: { reviewer: Actor; versionId: string }) {
  return db.$transaction(async (tx) => {
    const head = await findVersionHead(tx, { versionId });
    await refuseOwnMerchant(tx, reviewer, head.merchantId);
    if (head.status === "IN_REVIEW") {
      if (head.claimedById === reviewer.userId) return { versionId: head.id, merchantId: head.merchantId, claimed: false };
      throw new ReviewError("claimedByOther");
    }
    try {
      const step = await applyTransition(tx, {
        versionId,
        event: "claim",
        by: reviewerBy(reviewer),
        data: { claimedById: reviewer.userId, claimedAt: new Date() },
      });
      return { versionId: step.version.id, merchantId: step.version.merchantId, claimed: true };
    } catch (error) {
      // Lost the race: someone else's claim committed between our read and our update.
      if (error instanceof IllegalTransitionError && error.from === "IN_REVIEW") throw new ReviewError("claimedByOther");
      throw error;
    }
  });
}

/** IN_REVIEW → SUBMITTED: gives the version back to the queue. Only the claiming reviewer can. */
export async function releaseVersion({ reviewer, versionId }: { reviewer: Actor; versionId: string }) {
  return db.$transaction(async (tx) => {
    const head = await findVersionHead(tx, { versionId });
    if (head.status === "IN_REVIEW" && head.claimedById !== reviewer.userId) throw new ReviewError("claimedByOther");
    return applyTransition(tx, {
      versionId,
      event: "release",
      by: reviewerBy(reviewer),
      data: { claimedById: null, claimedAt: null },
      guard: { claimedById: reviewer.userId },
      guardError: new ReviewError("claimedByOther"),
    });
  });
}

const decisionEvent = { APPROVED: "approve", CHANGES_REQUESTED: "requestChanges", REJECTED: "reject" } as const;
const decisionAnnouncement = {
  APPROVED: "integration.version.approved",
  CHANGES_REQUESTED: "integration.version.changes_requested",
  REJECTED: "integration.version.rejected",
} as const;

/**
 * The reviewer's decision on a version they claimed. A change request or rejection needs at least
 * one reason code. Approval makes the version live (the previous live one becomes SUPERSEDED),
 * bound to the tool-list hash it was validated with, and refreshes the merchant's policy cache.
 */
export async function decideVersion({
  reviewer,
  versionId,
  decision,
  reasonCodes,
  message,
}: {
  reviewer: Actor;
  versionId: string;
  decision: Decision;
  reasonCodes: string[];
  message: string;
}) {
  const checked = checkDecision(decision, reasonCodes, message);
  if (!checked.ok) throw new ReviewError(checked.error);
  const result = await db.$transaction(async (tx) => {
    const head = await findVersionHead(tx, { versionId });
    const event = decisionEvent[decision];
    assertTransition(head.status, event, "reviewer");
    if (head.claimedById !== reviewer.userId) throw new ReviewError("claimedByOther");
    const decidedAt = new Date();
    const review = await tx.review.create({
      data: { merchantId: head.merchantId, versionId: head.id, reviewerId: reviewer.userId, decision, reasonCodes: checked.reasonCodes, message: checked.message, createdAt: decidedAt },
      select: { id: true },
    });
    const step = await applyTransition(tx, {
      versionId: head.id,
      event,
      by: reviewerBy(reviewer),
      data: { decidedAt },
      guard: { claimedById: reviewer.userId },
      guardError: new ReviewError("claimedByOther"),
      audit: { after: { reviewId: review.id, reasonCodes: checked.reasonCodes, message: checked.message, toolListHash: head.toolListHash } },
    });
    await announce(tx, {
      type: decisionAnnouncement[decision],
      merchantId: head.merchantId,
      integrationId: head.integrationId,
      versionId: head.id,
      versionNumber: head.number,
      data: { reasonCodes: checked.reasonCodes, message: checked.message },
    });
    if (decision === "APPROVED") await makeLive(tx, { versionId: head.id, event: "goLive", by: { as: "system", actor: reviewer } });
    return { ...step, reviewId: review.id };
  });
  if (decision === "APPROVED") invalidatePolicy(result.version.merchantId);
  return result;
}

/** SUSPENDED → LIVE after a reviewer looked at it again. */
export async function reinstateVersion({ reviewer, versionId, message }: { reviewer: Actor; versionId: string; message: string }) {
  const result = await db.$transaction(async (tx) => {
    await refuseOwnMerchant(tx, reviewer, (await findVersionHead(tx, { versionId })).merchantId);
    return makeLive(tx, { versionId, event: "reinstate", by: reviewerBy(reviewer), audit: { after: { message: message.trim() } } });
  });
  invalidatePolicy(result.version.merchantId);
  return result;
}

async function sideOf(tx: Tx, versionId: string, merchantId: string) {
  return tx.integrationVersion.findFirst({
    where: { id: versionId, merchantId },
    select: { id: true, integrationId: true, number: true, status: true, endpointUrl: true, integration: { select: { kind: true } }, operations: { orderBy: { position: "asc" } } },
  });
}

const definitionSide = (v: NonNullable<Awaited<ReturnType<typeof sideOf>>>) => ({
  endpointUrl: v.endpointUrl,
  operations: v.operations.map((row) => operationFromRow(row, v.integration.kind)),
});

export type RollbackResult = { mode: "immediate" | "review"; risk: RiskComparison; versionId: string };

/**
 * Roll back to an earlier approved (SUPERSEDED) version. Immediate when it is not riskier than the
 * live version (lib/review/risk.ts); otherwise it is resubmitted and goes through review. While
 * the live version is suspended, a rollback always goes through review.
 */
export async function rollbackToVersion({ merchantId, actor, versionId, note }: { merchantId: string; actor: Actor; versionId: string; note: string }): Promise<RollbackResult> {
  const result = await db.$transaction(async (tx) => {
    const target = await sideOf(tx, versionId, merchantId);
    if (!target) throw new ReviewError("notFound");
    assertTransition(target.status, "restore", "merchant");
    const integration = await tx.integration.findFirstOrThrow({ where: { id: target.integrationId, merchantId }, select: { liveVersionId: true } });
    const live = integration.liveVersionId ? await sideOf(tx, integration.liveVersionId, merchantId) : null;
    if (!live) throw new ReviewError("noLiveVersion");
    const risk = compareRisk(definitionSide(live), definitionSide(target));
    const mode: RollbackResult["mode"] = rollbackIsImmediate(risk, live.status) ? "immediate" : "review";
    const audit = { after: { rollbackFrom: { id: live.id, number: live.number, status: live.status }, riskReasons: risk.reasons } };
    if (mode === "immediate") {
      await makeLive(tx, { versionId: target.id, merchantId, event: "restore", by: merchantBy(actor), audit });
      await announce(tx, { type: "integration.rolled_back", merchantId, integrationId: target.integrationId, versionId: target.id, versionNumber: target.number, data: { fromVersionId: live.id, fromVersionNumber: live.number } });
    } else {
      const trimmed = note.trim();
      await applyTransition(tx, {
        merchantId,
        versionId: target.id,
        event: "resubmit",
        by: merchantBy(actor),
        data: { submittedAt: new Date(), submittedNote: trimmed || null, claimedById: null, claimedAt: null, decidedAt: null },
        audit: { after: { ...audit.after, note: trimmed || null } },
      });
      await announce(tx, { type: "integration.version.submitted", merchantId, integrationId: target.integrationId, versionId: target.id, versionNumber: target.number, data: { rollback: true, riskReasons: risk.reasons } });
    }
    return { mode, risk, versionId: target.id };
  });
  if (result.mode === "immediate") invalidatePolicy(merchantId);
  return result;
}

/** A message in a version's review thread. Merchants comment on their own submitted versions. */
export async function addComment({
  side,
  actor,
  versionId,
  merchantId,
  body,
}: {
  side: CommentSide;
  actor: Actor;
  versionId: string;
  /** Required for the merchant side (tenant scope). */
  merchantId?: string;
  body: string;
}) {
  const text = body.trim();
  if (!text) throw new ReviewError("messageRequired");
  if (side === "MERCHANT" && !merchantId) throw new ReviewError("notFound");
  return db.$transaction(async (tx) => {
    const head = await findVersionHead(tx, { versionId, merchantId });
    if (head.status === "DRAFT") throw new ReviewError("notFound");
    const comment = await tx.reviewComment.create({
      data: { merchantId: head.merchantId, versionId: head.id, authorId: actor.userId, side, body: text },
      select: { id: true, createdAt: true },
    });
    await recordAudit(
      {
        merchantId: head.merchantId,
        actor: auditActorOf({ as: side === "MERCHANT" ? "merchant" : "reviewer", actor }),
        action: "review.comment_created",
        objectType: "integration_version",
        objectId: head.id,
        after: { commentId: comment.id, side, length: text.length, status: head.status },
      },
      tx,
    );
    await announce(tx, { type: "review.comment.created", merchantId: head.merchantId, integrationId: head.integrationId, versionId: head.id, versionNumber: head.number, side, data: { commentId: comment.id, side } });
    return comment;
  });
}
