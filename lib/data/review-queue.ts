import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IntegrationKind, MerchantCategory } from "@/lib/generated/prisma/enums";
import { compareRisk, rollbackIsImmediate } from "@/lib/review/risk";
import { medianDurationMs } from "@/lib/review/sla";
import { pendingStatuses } from "@/lib/review/state-machine";
import { listAuditEvents } from "./audit";
import { getCheckRun } from "./check-runs";
import { operationFromRow } from "./integrations";

// The review workflow's reads. Reviewer reads span merchants (callers checked review:read);
// merchant reads take the merchantId in the where clause.

export type QueueFilters = {
  kind?: IntegrationKind;
  category?: MerchantCategory;
  risk?: "destructive" | "movesMoney";
  claim?: "mine" | "unclaimed";
};

async function userNames(ids: Array<string | null>) {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (unique.length === 0) return new Map<string, { name: string; email: string }>();
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((u) => [u.id, { name: u.name, email: u.email }]));
}

/** Pending submissions, oldest first, with the facts a reviewer triages by. */
export async function listReviewQueue({ reviewerId, filters }: { reviewerId: string; filters: QueueFilters }) {
  const where: Prisma.IntegrationVersionWhereInput = {
    status: { in: [...pendingStatuses] },
    ...((filters.kind || filters.category) && { integration: { ...(filters.kind && { kind: filters.kind }), ...(filters.category && { category: filters.category }) } }),
    ...(filters.risk === "destructive" && { operations: { some: { destructive: true } } }),
    ...(filters.risk === "movesMoney" && { operations: { some: { movesMoney: true } } }),
    ...(filters.claim === "mine" && { claimedById: reviewerId }),
    ...(filters.claim === "unclaimed" && { claimedById: null }),
  };
  const rows = await db.integrationVersion.findMany({
    where,
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      number: true,
      status: true,
      submittedAt: true,
      submittedNote: true,
      claimedById: true,
      claimedAt: true,
      integration: { select: { id: true, name: true, kind: true, category: true, liveVersionId: true, merchant: { select: { name: true, slug: true } } } },
      operations: { select: { destructive: true, movesMoney: true } },
      checkRuns: { orderBy: { createdAt: "desc" }, take: 1, select: { errorCount: true, warningCount: true } },
      _count: { select: { comments: true } },
    },
  });
  const names = await userNames(rows.map((r) => r.claimedById));
  return rows.map(({ operations, checkRuns, _count, ...row }) => ({
    ...row,
    operationCount: operations.length,
    destructiveCount: operations.filter((o) => o.destructive === true).length,
    movesMoneyCount: operations.filter((o) => o.movesMoney === true).length,
    latestRun: checkRuns[0] ?? null,
    commentCount: _count.comments,
    claimedBy: row.claimedById ? (names.get(row.claimedById) ?? null) : null,
    isUpdate: row.integration.liveVersionId !== null,
  }));
}
export type QueueRow = Awaited<ReturnType<typeof listReviewQueue>>[number];

/** 1-based place among all pending submissions (older ones first), or null when not pending. */
export async function getQueuePosition({ merchantId, versionId }: { merchantId: string; versionId: string }) {
  const version = await db.integrationVersion.findFirst({ where: { id: versionId, merchantId }, select: { status: true, submittedAt: true, id: true } });
  if (!version?.submittedAt || !pendingStatuses.includes(version.status)) return null;
  const ahead = await db.integrationVersion.count({
    where: {
      status: { in: [...pendingStatuses] },
      OR: [{ submittedAt: { lt: version.submittedAt } }, { submittedAt: version.submittedAt, id: { lt: version.id } }],
    },
  });
  const total = await db.integrationVersion.count({ where: { status: { in: [...pendingStatuses] } } });
  return { position: ahead + 1, total };
}

/** Median submitted → decided time over decisions of the last `days` days, platform-wide. */
export async function getMedianReviewTime({ now = new Date(), days = 30 }: { now?: Date; days?: number } = {}) {
  const since = new Date(now.getTime() - days * 86_400_000);
  const rows = await db.integrationVersion.findMany({
    where: { decidedAt: { gte: since, lte: now }, submittedAt: { not: null } },
    select: { submittedAt: true, decidedAt: true },
  });
  return { medianMs: medianDurationMs(rows), decisions: rows.length };
}

/** A version's thread and decisions, as the merchant sees them (reviewers are not named). */
export async function getMerchantReview({ merchantId, versionId }: { merchantId: string; versionId: string }) {
  const [comments, reviews] = await Promise.all([
    db.reviewComment.findMany({ where: { merchantId, versionId }, orderBy: { createdAt: "asc" }, select: { id: true, side: true, body: true, authorId: true, createdAt: true } }),
    db.review.findMany({ where: { merchantId, versionId }, orderBy: { createdAt: "desc" }, select: { id: true, decision: true, reasonCodes: true, message: true, createdAt: true } }),
  ]);
  const names = await userNames(comments.filter((c) => c.side === "MERCHANT").map((c) => c.authorId));
  return {
    comments: comments.map(({ authorId, ...c }) => ({ ...c, author: c.side === "MERCHANT" ? (names.get(authorId)?.name ?? null) : null })),
    reviews,
  };
}

const operationsOf = { orderBy: { position: "asc" as const } };

/** Everything the review page shows: the version, its live counterpart, the check report, the thread. */
export async function getReviewDetail({ versionId }: { versionId: string }) {
  const version = await db.integrationVersion.findUnique({
    where: { id: versionId },
    select: {
      id: true,
      merchantId: true,
      number: true,
      status: true,
      endpointUrl: true,
      transport: true,
      toolListHash: true,
      basedOnVersionId: true,
      submittedAt: true,
      submittedNote: true,
      claimedById: true,
      claimedAt: true,
      decidedAt: true,
      integration: {
        select: { id: true, name: true, kind: true, category: true, description: true, liveVersionId: true, driftDetectedAt: true, merchant: { select: { id: true, name: true, slug: true } } },
      },
      operations: operationsOf,
    },
  });
  // Drafts are the merchant's own until submitted: reviewers never see them.
  if (!version || version.status === "DRAFT") return null;
  const kind = version.integration.kind;
  const liveId = version.integration.liveVersionId !== version.id ? version.integration.liveVersionId : null;
  const [live, latestRun, comments, reviews] = await Promise.all([
    liveId
      ? db.integrationVersion.findFirst({ where: { id: liveId, merchantId: version.merchantId }, select: { id: true, number: true, status: true, endpointUrl: true, toolListHash: true, operations: operationsOf } })
      : null,
    db.checkRun.findFirst({ where: { versionId, merchantId: version.merchantId, status: { in: ["SUCCEEDED", "FAILED"] } }, orderBy: { createdAt: "desc" }, select: { id: true } }),
    db.reviewComment.findMany({ where: { versionId, merchantId: version.merchantId }, orderBy: { createdAt: "asc" }, select: { id: true, side: true, body: true, authorId: true, createdAt: true } }),
    db.review.findMany({ where: { versionId, merchantId: version.merchantId }, orderBy: { createdAt: "desc" }, select: { id: true, decision: true, reasonCodes: true, message: true, reviewerId: true, createdAt: true } }),
  ]);
  const run = latestRun ? await getCheckRun({ merchantId: version.merchantId, runId: latestRun.id }) : null;
  const names = await userNames([version.claimedById, ...comments.map((c) => c.authorId), ...reviews.map((r) => r.reviewerId)]);
  return {
    version: { ...version, definition: { endpointUrl: version.endpointUrl, operations: version.operations.map((row) => operationFromRow(row, kind)) } },
    live: live && { ...live, definition: { endpointUrl: live.endpointUrl, operations: live.operations.map((row) => operationFromRow(row, kind)) } },
    run,
    comments: comments.map(({ authorId, ...c }) => ({ ...c, author: names.get(authorId)?.name ?? null })),
    reviews: reviews.map(({ reviewerId, ...r }) => ({ ...r, reviewer: names.get(reviewerId)?.name ?? null })),
    claimedBy: version.claimedById ? (names.get(version.claimedById) ?? null) : null,
  };
}
export type ReviewDetail = NonNullable<Awaited<ReturnType<typeof getReviewDetail>>>;

/** Past decisions, newest first (keyset on createdAt, id). */
export async function listReviewHistory({ take = 50, before, reviewerId }: { take?: number; before?: { createdAt: Date; id: string }; reviewerId?: string } = {}) {
  const rows = await db.review.findMany({
    where: {
      ...(reviewerId && { reviewerId }),
      ...(before && { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      decision: true,
      reasonCodes: true,
      message: true,
      reviewerId: true,
      createdAt: true,
      version: { select: { id: true, number: true, status: true, submittedAt: true, integration: { select: { name: true, kind: true, merchant: { select: { name: true } } } } } },
    },
  });
  const names = await userNames(rows.map((r) => r.reviewerId));
  return rows.map(({ reviewerId, ...r }) => ({ ...r, reviewer: names.get(reviewerId)?.name ?? null }));
}

/** Every version of a merchant's integration with its review dates, newest first. */
export async function listVersionHistory({ merchantId, integrationId }: { merchantId: string; integrationId: string }) {
  return db.integrationVersion.findMany({
    where: { merchantId, integrationId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, status: true, submittedAt: true, decidedAt: true, liveAt: true, basedOnVersionId: true },
  });
}

/** What a rollback to `versionId` would do: immediate, or through review and why. Null when not possible. */
export async function previewRollback({ merchantId, versionId }: { merchantId: string; versionId: string }) {
  const select = { id: true, number: true, status: true, endpointUrl: true, integration: { select: { kind: true, liveVersionId: true } }, operations: operationsOf } as const;
  const target = await db.integrationVersion.findFirst({ where: { id: versionId, merchantId, status: "SUPERSEDED" }, select });
  const liveId = target?.integration.liveVersionId;
  if (!target || !liveId) return null;
  const live = await db.integrationVersion.findFirst({ where: { id: liveId, merchantId }, select });
  if (!live) return null;
  const side = (v: typeof target) => ({ endpointUrl: v.endpointUrl, operations: v.operations.map((row) => operationFromRow(row, v.integration.kind)) });
  const risk = compareRisk(side(live), side(target));
  return { live: { number: live.number, status: live.status }, risk, immediate: rollbackIsImmediate(risk, live.status) };
}

/** Live versions taken out (by an admin or drift detection), for reviewers to look at again. */
export async function listSuspendedVersions() {
  return db.integrationVersion.findMany({
    where: { status: "SUSPENDED" },
    orderBy: { updatedAt: "asc" },
    take: 100,
    select: { id: true, number: true, updatedAt: true, integration: { select: { name: true, driftDetectedAt: true, merchant: { select: { name: true } } } } },
  });
}

/** The version's audit trail (transitions, claims, decisions, comments), oldest first. */
export async function getVersionActivity({ versionId, merchantId }: { versionId: string; merchantId: string }) {
  const events = await listAuditEvents({ merchantId, objectType: "integration_version", objectId: versionId, take: 200 });
  return events.reverse().map((e) => ({ id: e.id.toString(), action: e.action, actorLabel: e.actorLabel, ip: e.ip, before: e.before, after: e.after, createdAt: e.createdAt }));
}

/** The live version's integration, for an admin suspending it (must still be the live one). */
export async function findVersionForSuspension({ versionId }: { versionId: string }) {
  return db.integrationVersion.findFirst({ where: { id: versionId, liveOf: { isNot: null } }, select: { merchantId: true, integrationId: true } });
}
