import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { OperationDefinition } from "@/lib/integrations/definition";
import { diffVersions } from "@/lib/review/diff";
import { ReviewError } from "@/lib/review/errors";
import { IllegalTransitionError } from "@/lib/review/state-machine";
import { saveOperationSchema } from "@/lib/validation/integrations";
import { createRegistryMerchant, ensureEncryptionKey, type RegistryMerchant } from "@/tests/support/registry-fixtures";
import { createDraftFrom, createIntegrationFromDefinition, saveOperation } from "./integrations";
import { getMedianReviewTime, getMerchantReview, getQueuePosition, getReviewDetail, listReviewHistory, listReviewQueue } from "./review-queue";
import { addComment, claimVersion, decideVersion, reinstateVersion, releaseVersion, rollbackToVersion, submitVersion, withdrawVersion } from "./reviews";
import { suspendLiveVersion } from "./version-transitions";

let a: RegistryMerchant;
let b: RegistryMerchant;
let reviewer: { userId: string; email: string; ip: string };
let reviewer2: { userId: string; email: string; ip: string };

async function createReviewer() {
  const tag = randomBytes(4).toString("hex");
  const user = await db.user.create({ data: { email: `rev-${tag}@test.local`, name: `Reviewer ${tag}`, passwordHash: "x", platformRole: "REVIEWER" } });
  return { userId: user.id, email: user.email, ip: "127.0.0.2" };
}

beforeAll(async () => {
  ensureEncryptionKey();
  a = await createRegistryMerchant("rva");
  b = await createRegistryMerchant("rvb");
  reviewer = await createReviewer();
  reviewer2 = await createReviewer();
});

const operation = (name: string, annotations: OperationDefinition["annotations"] = { readOnly: true, destructive: false, idempotent: true }): OperationDefinition => ({
  name,
  title: name,
  description: `Operation ${name} used by the review tests`,
  inputSchema: { type: "object", properties: { q: { type: "string", description: "query" } } },
  httpMethod: "GET",
  url: `https://shop.example.com/${name}`,
  annotations,
  examplePrompts: [],
});

async function newSkill(m: RegistryMerchant, operations: OperationDefinition[] = [operation("menu")]) {
  const name = `Skill ${randomBytes(3).toString("hex")}`;
  return createIntegrationFromDefinition({
    merchantId: m.merchant.id,
    actor: m.actor,
    category: "FOOD",
    source: "mcp-tools",
    definition: { kind: "SKILL", name, description: "", category: "food", merchant: { slug: m.merchant.slug, name: m.merchant.name }, version: 1, operations },
  });
}

/** A finished validation run (the validation job itself is tested in lib/jobs). */
async function finishedRun(m: RegistryMerchant, versionId: string, counts: { errors?: number; warnings?: number; status?: "SUCCEEDED" | "FAILED" | "RUNNING" } = {}) {
  const status = counts.status ?? "SUCCEEDED";
  await db.checkRun.create({
    data: { merchantId: m.merchant.id, versionId, status, errorCount: counts.errors ?? 0, warningCount: counts.warnings ?? 0, finishedAt: status === "RUNNING" ? null : new Date() },
  });
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (e: unknown) => (e instanceof ReviewError ? e.code : e instanceof IllegalTransitionError ? `illegal:${e.from}:${e.allowed.join(",")}` : String(e)),
  );

const statusOf = async (versionId: string) => (await db.integrationVersion.findUniqueOrThrow({ where: { id: versionId }, select: { status: true } })).status;
const auditActions = async (versionId: string) =>
  (await db.auditEvent.findMany({ where: { objectType: "integration_version", objectId: versionId }, orderBy: { id: "asc" }, select: { action: true } })).map((e) => e.action);

/** Submitted, claimed and approved: the integration's live version. */
async function goLive(m: RegistryMerchant, versionId: string) {
  await finishedRun(m, versionId);
  await submitVersion({ merchantId: m.merchant.id, actor: m.actor, versionId, note: "" });
  await claimVersion({ reviewer, versionId });
  await decideVersion({ reviewer, versionId, decision: "APPROVED", reasonCodes: [], message: "" });
}

describe("submitting a version", () => {
  it("needs a finished error-free run of the version as it is, and a note when there are warnings", async () => {
    const { versionId } = await newSkill(a);
    const submit = (note = "") => submitVersion({ merchantId: a.merchant.id, actor: a.actor, versionId, note });
    expect(await codeOf(submit())).toBe("checkMissing");
    await finishedRun(a, versionId, { status: "RUNNING" });
    expect(await codeOf(submit())).toBe("checkRunning");
    await finishedRun(a, versionId, { errors: 2, warnings: 1 });
    expect(await codeOf(submit("please"))).toBe("checkFailed");
    await finishedRun(a, versionId, { warnings: 1 });
    expect(await codeOf(submit("   "))).toBe("noteRequired");
    // Edited after the run: validate again first.
    await new Promise((r) => setTimeout(r, 5));
    await saveOperation({ merchantId: a.merchant.id, actor: a.actor, input: saveOperationSchema.parse({ versionId, name: "extra", description: "Another operation for the tests", inputSchema: '{"type":"object"}' }) });
    expect(await codeOf(submit("note"))).toBe("checkStale");
    await finishedRun(a, versionId, { warnings: 1 });
    expect(await codeOf(submit("The warning is about a property description we add next week."))).toBe("ok");

    const row = await db.integrationVersion.findUniqueOrThrow({ where: { id: versionId } });
    expect(row).toMatchObject({ status: "SUBMITTED", submittedNote: "The warning is about a property description we add next week." });
    expect(row.submittedAt).toBeInstanceOf(Date);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { objectId: versionId, action: "version.submitted" } });
    expect(audit).toMatchObject({ merchantId: a.merchant.id, actorId: a.actor.userId, ip: "127.0.0.1", before: { status: "DRAFT" }, after: { status: "SUBMITTED", warnings: 1 } });
    // A second submit is an illegal transition that names what the merchant may do instead.
    expect(await codeOf(submit("again"))).toBe("illegal:SUBMITTED:withdraw");
  });

  it("another merchant's version is not found, for every merchant-side action", async () => {
    const { versionId } = await newSkill(a);
    await finishedRun(a, versionId);
    const asB = { merchantId: b.merchant.id, actor: b.actor, versionId };
    expect(await codeOf(submitVersion({ ...asB, note: "" }))).toBe("notFound");
    await submitVersion({ merchantId: a.merchant.id, actor: a.actor, versionId, note: "" });
    expect(await codeOf(withdrawVersion(asB))).toBe("notFound");
    expect(await codeOf(addComment({ side: "MERCHANT", actor: b.actor, merchantId: b.merchant.id, versionId, body: "hi" }))).toBe("notFound");
    expect(await codeOf(rollbackToVersion({ ...asB, note: "" }))).toBe("notFound");
    expect(await getQueuePosition({ merchantId: b.merchant.id, versionId })).toBeNull();
    expect(await getMerchantReview({ merchantId: b.merchant.id, versionId })).toEqual({ comments: [], reviews: [] });
    expect(await statusOf(versionId)).toBe("SUBMITTED");
  });
});

describe("claiming and deciding", () => {
  it("of two reviewers claiming at once exactly one wins", async () => {
    const { versionId } = await newSkill(a);
    await finishedRun(a, versionId);
    await submitVersion({ merchantId: a.merchant.id, actor: a.actor, versionId, note: "" });
    const results = await Promise.all([codeOf(claimVersion({ reviewer, versionId })), codeOf(claimVersion({ reviewer: reviewer2, versionId }))]);
    expect(results.sort()).toEqual(["claimedByOther", "ok"]);
    const row = await db.integrationVersion.findUniqueOrThrow({ where: { id: versionId } });
    expect(row.status).toBe("IN_REVIEW");
    expect([reviewer.userId, reviewer2.userId]).toContain(row.claimedById);
    expect((await auditActions(versionId)).filter((a) => a === "version.claimed")).toHaveLength(1);
  });

  it("refuses a reviewer who is a member of the version's merchant (nobody reviews their own submission)", async () => {
    const insider = await createReviewer();
    await db.membership.create({ data: { merchantId: a.merchant.id, userId: insider.userId, role: "DEVELOPER" } });
    const { versionId } = await newSkill(a);
    await finishedRun(a, versionId);
    await submitVersion({ merchantId: a.merchant.id, actor: a.actor, versionId, note: "" });
    expect(await codeOf(claimVersion({ reviewer: insider, versionId }))).toBe("ownMerchant");
    expect(await statusOf(versionId)).toBe("SUBMITTED");
    expect(await codeOf(claimVersion({ reviewer, versionId }))).toBe("ok");
  });

  it("refuses a change request without a reason, and a decision by someone who did not claim it", async () => {
    const { versionId } = await newSkill(a);
    await finishedRun(a, versionId);
    await submitVersion({ merchantId: a.merchant.id, actor: a.actor, versionId, note: "" });
    // Not claimed yet: deciding is an illegal transition from SUBMITTED (only claim is allowed).
    expect(await codeOf(decideVersion({ reviewer, versionId, decision: "APPROVED", reasonCodes: [], message: "" }))).toBe("illegal:SUBMITTED:claim");
    await claimVersion({ reviewer, versionId });
    expect(await codeOf(decideVersion({ reviewer, versionId, decision: "CHANGES_REQUESTED", reasonCodes: [], message: "Fix it" }))).toBe("reasonRequired");
    expect(await codeOf(decideVersion({ reviewer, versionId, decision: "REJECTED", reasonCodes: ["NOT_A_CODE"], message: "" }))).toBe("unknownReason");
    expect(await codeOf(decideVersion({ reviewer: reviewer2, versionId, decision: "REJECTED", reasonCodes: ["SCOPE_MISMATCH"], message: "" }))).toBe("claimedByOther");
    expect(await codeOf(releaseVersion({ reviewer: reviewer2, versionId }))).toBe("claimedByOther");
    expect(await statusOf(versionId)).toBe("IN_REVIEW");
    expect(await db.review.count({ where: { versionId } })).toBe(0);

    // Released, the other reviewer can take it.
    await releaseVersion({ reviewer, versionId });
    expect(await db.integrationVersion.findUniqueOrThrow({ where: { id: versionId } })).toMatchObject({ status: "SUBMITTED", claimedById: null });
    await claimVersion({ reviewer: reviewer2, versionId });
    await decideVersion({ reviewer: reviewer2, versionId, decision: "CHANGES_REQUESTED", reasonCodes: ["ANNOTATIONS_MISSING"], message: "Declare read-only on menu." });
    expect(await statusOf(versionId)).toBe("CHANGES_REQUESTED");
    expect(await getMerchantReview({ merchantId: a.merchant.id, versionId })).toMatchObject({
      reviews: [{ decision: "CHANGES_REQUESTED", reasonCodes: ["ANNOTATIONS_MISSING"], message: "Declare read-only on menu." }],
    });
    expect(await auditActions(versionId)).toEqual(["version.submitted", "version.claimed", "version.released", "version.claimed", "version.changes_requested"]);

    // Copy-on-write: a new draft based on the submitted one; the merchant cannot withdraw after a decision.
    const draft = await createDraftFrom({ merchantId: a.merchant.id, actor: a.actor, versionId });
    expect(await db.integrationVersion.findUniqueOrThrow({ where: { id: draft.versionId } })).toMatchObject({ status: "DRAFT", basedOnVersionId: versionId, number: 2 });
    expect(await codeOf(withdrawVersion({ merchantId: a.merchant.id, actor: a.actor, versionId }))).toBe("illegal:CHANGES_REQUESTED:");
  });

  it("approving makes the version live and the previous live version SUPERSEDED, in one step", async () => {
    const { integrationId, versionId: v1 } = await newSkill(a);
    await goLive(a, v1);
    expect(await db.integration.findUniqueOrThrow({ where: { id: integrationId } })).toMatchObject({ liveVersionId: v1 });
    expect(await db.integrationVersion.findUniqueOrThrow({ where: { id: v1 } })).toMatchObject({ status: "LIVE" });

    const { versionId: v2 } = await createDraftFrom({ merchantId: a.merchant.id, actor: a.actor, versionId: v1 });
    await goLive(a, v2);
    expect(await db.integration.findUniqueOrThrow({ where: { id: integrationId } })).toMatchObject({ liveVersionId: v2 });
    expect(await statusOf(v1)).toBe("SUPERSEDED");
    const live = await db.integrationVersion.findUniqueOrThrow({ where: { id: v2 } });
    expect(live.status).toBe("LIVE");
    expect(live.liveAt).toBeInstanceOf(Date);
    expect(live.decidedAt).toBeInstanceOf(Date);
    expect(await auditActions(v2)).toEqual(["version.draft_created", "version.submitted", "version.claimed", "version.approved", "version.live"]);
    expect(await auditActions(v1)).toContain("version.superseded");
    expect(await db.review.findFirstOrThrow({ where: { versionId: v2 } })).toMatchObject({ decision: "APPROVED", reviewerId: reviewer.userId, reasonCodes: [] });
    const median = await getMedianReviewTime();
    expect(median.decisions).toBeGreaterThanOrEqual(2);
    expect(median.medianMs).not.toBeNull();
  });
});

describe("the review page's data", () => {
  it("hides drafts from reviewers and diffs a submission against the live version", async () => {
    const { versionId: v1 } = await newSkill(a, [operation("menu"), operation("order_status")]);
    expect(await getReviewDetail({ versionId: v1 })).toBeNull();
    await goLive(a, v1);
    const { versionId: v2 } = await createDraftFrom({ merchantId: a.merchant.id, actor: a.actor, versionId: v1 });
    await saveOperation({
      merchantId: a.merchant.id,
      actor: a.actor,
      input: saveOperationSchema.parse({ versionId: v2, name: "refund_all", description: "Refunds every order of the day at once", inputSchema: '{"type":"object"}', destructive: "true", movesMoney: "true", readOnly: "false" }),
    });
    await finishedRun(a, v2);
    await submitVersion({ merchantId: a.merchant.id, actor: a.actor, versionId: v2, note: "" });
    const detail = await getReviewDetail({ versionId: v2 });
    expect(detail?.live?.id).toBe(v1);
    const diff = diffVersions(detail!.live!.definition, detail!.version.definition);
    expect(diff.operations).toEqual([expect.objectContaining({ kind: "added", name: "refund_all", flags: ["newDestructive", "newMovesMoney"] })]);
    expect(diff.unchanged).toEqual(["menu", "order_status"]);
    const history = await listReviewHistory({ reviewerId: reviewer.userId, take: 5 });
    expect(history[0]).toMatchObject({ decision: "APPROVED", version: { id: v1 } });
  });
});

describe("withdraw, queue, comments", () => {
  it("the merchant withdraws before a decision; the queue and position follow", async () => {
    const { versionId: first } = await newSkill(a);
    const { versionId: second } = await newSkill(a, [operation("refund", { destructive: true, movesMoney: true })]);
    for (const id of [first, second]) {
      await finishedRun(a, id);
      await submitVersion({ merchantId: a.merchant.id, actor: a.actor, versionId: id, note: "" });
    }
    const p1 = await getQueuePosition({ merchantId: a.merchant.id, versionId: first });
    const p2 = await getQueuePosition({ merchantId: a.merchant.id, versionId: second });
    expect(p2!.position).toBe(p1!.position + 1);

    const risky = await listReviewQueue({ reviewerId: reviewer.userId, filters: { risk: "movesMoney" } });
    expect(risky.map((r) => r.id)).toContain(second);
    expect(risky.map((r) => r.id)).not.toContain(first);
    await claimVersion({ reviewer, versionId: second });
    expect((await listReviewQueue({ reviewerId: reviewer.userId, filters: { claim: "mine" } })).map((r) => r.id)).toContain(second);
    expect((await listReviewQueue({ reviewerId: reviewer.userId, filters: { claim: "unclaimed" } })).map((r) => r.id)).not.toContain(second);

    await addComment({ side: "REVIEWER", actor: reviewer, versionId: second, body: "Why does refund move money without confirmation?" });
    await addComment({ side: "MERCHANT", actor: a.actor, merchantId: a.merchant.id, versionId: second, body: "Withdrawing to add it." });
    await withdrawVersion({ merchantId: a.merchant.id, actor: a.actor, versionId: second });
    expect(await db.integrationVersion.findUniqueOrThrow({ where: { id: second } })).toMatchObject({ status: "WITHDRAWN", claimedById: null });
    expect(await getQueuePosition({ merchantId: a.merchant.id, versionId: second })).toBeNull();
    const thread = await getMerchantReview({ merchantId: a.merchant.id, versionId: second });
    expect(thread.comments.map((c) => [c.side, c.author])).toEqual([
      ["REVIEWER", null],
      ["MERCHANT", a.developer.name],
    ]);
    expect(await auditActions(second)).toEqual(["version.submitted", "version.claimed", "review.comment_created", "review.comment_created", "version.withdrawn"]);
    // The reviewer hears about the merchant's comment, the merchant's members about the reviewer's.
    expect(await db.notification.count({ where: { userId: reviewer.userId, kind: "reviewCommentCreated" } })).toBeGreaterThanOrEqual(1);
    expect(await db.notification.count({ where: { userId: a.developer.id, kind: "reviewCommentCreated" } })).toBe(1);
  });
});

describe("rollback and suspension", () => {
  it("rolls back at once when the older version is not riskier, through review when it is", async () => {
    const { integrationId, versionId: v1 } = await newSkill(a, [operation("menu")]);
    await goLive(a, v1);
    const { versionId: v2 } = await createDraftFrom({ merchantId: a.merchant.id, actor: a.actor, versionId: v1 });
    await saveOperation({
      merchantId: a.merchant.id,
      actor: a.actor,
      input: saveOperationSchema.parse({ versionId: v2, name: "cancel_order", description: "Cancels an order the customer placed", inputSchema: '{"type":"object"}', destructive: "true", readOnly: "false", idempotent: "true" }),
    });
    await goLive(a, v2);

    // v1 lacks v2's destructive operation: not riskier → immediate.
    const back = await rollbackToVersion({ merchantId: a.merchant.id, actor: a.actor, versionId: v1, note: "" });
    expect(back).toMatchObject({ mode: "immediate", risk: { riskier: false, reasons: [] } });
    expect(await db.integration.findUniqueOrThrow({ where: { id: integrationId } })).toMatchObject({ liveVersionId: v1 });
    expect(await statusOf(v1)).toBe("LIVE");
    expect(await statusOf(v2)).toBe("SUPERSEDED");
    expect(await auditActions(v1)).toContain("version.restored");

    // Forward again to v2, which has a destructive operation v1 lacks → review.
    const forward = await rollbackToVersion({ merchantId: a.merchant.id, actor: a.actor, versionId: v2, note: "Back to the version with cancellation." });
    expect(forward.mode).toBe("review");
    expect(forward.risk.reasons).toEqual(expect.arrayContaining(["moreOperations", "newDestructive"]));
    expect(await db.integrationVersion.findUniqueOrThrow({ where: { id: v2 } })).toMatchObject({ status: "SUBMITTED", submittedNote: "Back to the version with cancellation." });
    expect(await db.integration.findUniqueOrThrow({ where: { id: integrationId } })).toMatchObject({ liveVersionId: v1 });
    // A draft is not an approved version: no rollback to it.
    const { versionId: draft } = await createDraftFrom({ merchantId: a.merchant.id, actor: a.actor, versionId: v1 });
    expect(await codeOf(rollbackToVersion({ merchantId: a.merchant.id, actor: a.actor, versionId: draft, note: "" }))).toBe("illegal:DRAFT:submit");
  });

  it("suspendLiveVersion takes the live version out (by the system, e.g. drift) and refuses twice", async () => {
    const { integrationId, versionId } = await newSkill(a);
    expect(await codeOf(suspendLiveVersion({ merchantId: a.merchant.id, integrationId, by: { as: "system", actor: null, label: "system:drift" }, reason: "x" }))).toBe("notLive");
    await goLive(a, versionId);
    const args = { merchantId: a.merchant.id, integrationId, by: { as: "system" as const, actor: null, label: "system:drift" }, reason: "New destructive tool wipe_all", details: { newTools: ["wipe_all"] } };
    expect(await codeOf(suspendLiveVersion({ ...args, merchantId: b.merchant.id }))).toBe("notFound");
    await suspendLiveVersion(args);
    expect(await statusOf(versionId)).toBe("SUSPENDED");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { objectId: versionId, action: "version.suspended" } });
    expect(audit).toMatchObject({ actorId: null, actorLabel: "system:drift", after: { status: "SUSPENDED", reason: "New destructive tool wipe_all", newTools: ["wipe_all"] } });
    expect(await codeOf(suspendLiveVersion(args))).toBe("illegal:SUSPENDED:supersede");

    // A reviewer reinstates it after looking again; the drift flag clears.
    await db.integration.update({ where: { id: integrationId }, data: { driftDetectedAt: new Date() } });
    await reinstateVersion({ reviewer, versionId, message: "Checked: the new tool is read-only." });
    expect(await statusOf(versionId)).toBe("LIVE");
    expect(await db.integration.findUniqueOrThrow({ where: { id: integrationId } })).toMatchObject({ liveVersionId: versionId, driftDetectedAt: null });
    expect((await auditActions(versionId)).slice(-2)).toEqual(["version.suspended", "version.reinstated"]);
  });

  it("a new approval replaces a suspended live version (SUSPENDED → SUPERSEDED)", async () => {
    const { integrationId, versionId: v1 } = await newSkill(a);
    await goLive(a, v1);
    await suspendLiveVersion({ merchantId: a.merchant.id, integrationId, by: { as: "admin", actor: reviewer2 }, reason: "Complaint" });
    const { versionId: v2 } = await createDraftFrom({ merchantId: a.merchant.id, actor: a.actor, versionId: v1 });
    await goLive(a, v2);
    expect(await statusOf(v1)).toBe("SUPERSEDED");
    expect(await statusOf(v2)).toBe("LIVE");
    expect(await db.integration.findUniqueOrThrow({ where: { id: integrationId } })).toMatchObject({ liveVersionId: v2 });
  });
});
