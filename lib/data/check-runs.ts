import "server-only";
import type { McpCapture } from "@/lib/checks/mcp-connect";
import type { CheckFinding } from "@/lib/checks/types";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OperationDefinition } from "@/lib/integrations/definition";
import { recordAudit } from "./audit";
import { operationFromRow } from "./integrations";
import type { Actor } from "./users";

// Validation runs. Merchant-facing functions take the merchantId (tenancy in the where clause);
// the worker functions are called by the validate-version job with ids it got from a run the
// merchant created, and only ever move a run forward (QUEUED → RUNNING → SUCCEEDED | FAILED).

const json = (value: unknown) => (value === undefined || value === null ? Prisma.DbNull : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue));

export class CheckRunError extends Error {
  constructor(readonly code: "notFound") {
    super(code);
    this.name = "CheckRunError";
  }
}

/**
 * Queues a run for a version, or returns the one already queued or running for it (a second
 * click does not start a second run).
 */
export async function createCheckRun({ merchantId, actor, versionId }: { merchantId: string; actor: Actor; versionId: string }) {
  return db.$transaction(async (tx) => {
    const version = await tx.integrationVersion.findFirst({ where: { id: versionId, merchantId }, select: { id: true, integrationId: true, number: true } });
    if (!version) throw new CheckRunError("notFound");
    await tx.$queryRaw`SELECT id FROM "IntegrationVersion" WHERE id = ${version.id} FOR UPDATE`;
    const active = await tx.checkRun.findFirst({ where: { versionId, merchantId, status: { in: ["QUEUED", "RUNNING"] } }, select: { id: true } });
    if (active) return { runId: active.id, created: false };
    const run = await tx.checkRun.create({ data: { merchantId, versionId, createdById: actor.userId, trigger: "manual" }, select: { id: true } });
    await recordAudit(
      {
        merchantId,
        actor: { id: actor.userId, label: actor.email, ip: actor.ip },
        action: "checkrun.started",
        objectType: "check_run",
        objectId: run.id,
        after: { versionId, integrationId: version.integrationId, number: version.number },
      },
      tx,
    );
    return { runId: run.id, created: true };
  });
}

/** What the progress poller needs, scoped to the merchant and the integration in the URL. */
export async function getCheckRunProgress({ merchantId, integrationId, runId }: { merchantId: string; integrationId: string; runId: string }) {
  return db.checkRun.findFirst({
    where: { id: runId, merchantId, version: { integrationId } },
    select: { status: true, progress: true, progressLabel: true, failureReason: true },
  });
}

export async function getCheckRun({ merchantId, runId }: { merchantId: string; runId: string }) {
  return db.checkRun.findFirst({
    where: { id: runId, merchantId },
    include: { results: { orderBy: { position: "asc" } }, version: { select: { id: true, number: true, integrationId: true } } },
  });
}

export async function listCheckRuns({ merchantId, versionId, take = 10 }: { merchantId: string; versionId: string; take?: number }) {
  return db.checkRun.findMany({
    where: { merchantId, versionId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, status: true, progress: true, errorCount: true, warningCount: true, infoCount: true, durationMs: true, createdAt: true, finishedAt: true, failureReason: true },
  });
}

// ───────────────────────────── worker side ─────────────────────────────

/** The run and what to validate. The encrypted secret goes only to the worker, which decrypts it. */
export async function loadRunTarget({ runId }: { runId: string }) {
  const run = await db.checkRun.findUnique({
    where: { id: runId },
    select: {
      id: true,
      merchantId: true,
      status: true,
      version: {
        select: {
          id: true,
          status: true,
          endpointUrl: true,
          authType: true,
          authSecretEnc: true,
          integration: { select: { kind: true } },
          operations: { orderBy: { position: "asc" } },
        },
      },
    },
  });
  if (!run) return null;
  const kind = run.version.integration.kind;
  return {
    runId: run.id,
    merchantId: run.merchantId,
    status: run.status,
    kind,
    versionId: run.version.id,
    versionStatus: run.version.status,
    endpointUrl: run.version.endpointUrl,
    authSecretEnc: run.version.authType === "BEARER" ? run.version.authSecretEnc : null,
    operations: run.version.operations.map((row) => operationFromRow(row, kind)),
  };
}

/** QUEUED (or RUNNING, on a retry after a crash) → RUNNING from 0 %. False when already finished. */
export async function startRun({ runId }: { runId: string }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const updated = await tx.checkRun.updateMany({
      where: { id: runId, status: { in: ["QUEUED", "RUNNING"] } },
      data: { status: "RUNNING", progress: 0, progressLabel: "start", startedAt: new Date(), failureReason: null },
    });
    if (updated.count === 0) return false;
    await tx.checkResult.deleteMany({ where: { checkRunId: runId } });
    return true;
  });
}

export async function reportProgress({ runId, progress, label }: { runId: string; progress: number; label: string }) {
  await db.checkRun.updateMany({
    where: { id: runId, status: "RUNNING" },
    data: { progress: Math.max(0, Math.min(99, Math.round(progress))), progressLabel: label.slice(0, 200) },
  });
}

export type RunOutcome = {
  findings: CheckFinding[];
  toolListHash: string | null;
  durationMs: number;
  /** MCP: what the server answered; stored on the version while it is a draft. */
  capture?: McpCapture;
  operations?: OperationDefinition[];
};

/**
 * Stores every finding and the counts, and marks the run SUCCEEDED. For an MCP draft the
 * captured tools, server info, capabilities and protocol version are written onto the version,
 * and the tools become its operations. A submitted version is never changed.
 */
export async function completeRun({ runId, outcome }: { runId: string; outcome: RunOutcome }) {
  const failed = (level: CheckFinding["level"]) => outcome.findings.filter((f) => !f.passed && f.level === level).length;
  await db.$transaction(async (tx) => {
    const run = await tx.checkRun.findUnique({ where: { id: runId }, select: { merchantId: true, versionId: true, status: true, createdById: true } });
    if (!run || run.status !== "RUNNING") return;
    await tx.checkResult.deleteMany({ where: { checkRunId: runId } });
    await tx.checkResult.createMany({
      data: outcome.findings.map((f, position) => ({
        merchantId: run.merchantId,
        checkRunId: runId,
        position,
        ruleId: f.ruleId,
        level: f.level,
        passed: f.passed,
        messageZh: f.message.zh,
        messageEn: f.message.en,
        fixZh: f.fix.zh,
        fixEn: f.fix.en,
        evidence: json(f.evidence),
        subject: f.subject ?? null,
        durationMs: f.durationMs ?? null,
      })),
    });
    const capture = outcome.capture;
    if (capture && capture.tools.length > 0 && outcome.operations) {
      const touched = await tx.integrationVersion.updateMany({
        where: { id: run.versionId, merchantId: run.merchantId, status: "DRAFT" },
        data: {
          toolList: json(capture.tools),
          toolListHash: outcome.toolListHash,
          serverInfo: json(capture.serverInfo),
          capabilities: json(capture.capabilities),
          protocolVersion: capture.protocolVersion ?? null,
          ...(capture.transport && { transport: capture.transport }),
        },
      });
      if (touched.count === 1) {
        await tx.integrationOperation.deleteMany({ where: { versionId: run.versionId } });
        // Tool names are unique per version; a server listing a name twice keeps the first
        // (the report already flags the duplicate).
        const seen = new Set<string>();
        const ops = outcome.operations.filter((op) => op.name && !seen.has(op.name) && seen.add(op.name));
        await tx.integrationOperation.createMany({
          data: ops.map((op, position) => ({
            merchantId: run.merchantId,
            versionId: run.versionId,
            position,
            name: op.name,
            title: op.title,
            description: op.description,
            inputSchema: json(op.inputSchema ?? {}) as Prisma.InputJsonValue,
            outputSchema: json(op.outputSchema),
            readOnly: op.annotations.readOnly ?? null,
            destructive: op.annotations.destructive ?? null,
            idempotent: op.annotations.idempotent ?? null,
            movesMoney: op.annotations.movesMoney ?? null,
            needsConfirmation: op.annotations.needsConfirmation ?? null,
            examplePrompts: op.examplePrompts,
            metadata: json(op.metadata),
          })),
        });
      }
    }
    await tx.checkRun.update({
      where: { id: runId },
      data: {
        status: "SUCCEEDED",
        progress: 100,
        progressLabel: "done",
        errorCount: failed("ERROR"),
        warningCount: failed("WARNING"),
        infoCount: failed("INFO"),
        toolListHash: outcome.toolListHash,
        durationMs: outcome.durationMs,
        finishedAt: new Date(),
      },
    });
    await recordAudit(
      {
        merchantId: run.merchantId,
        actor: { id: null, label: "system:validate-version" },
        action: "checkrun.finished",
        objectType: "check_run",
        objectId: runId,
        after: { status: "SUCCEEDED", errors: failed("ERROR"), warnings: failed("WARNING"), infos: failed("INFO"), toolListHash: outcome.toolListHash },
      },
      tx,
    );
  });
}

/** Marks an unfinished run FAILED with a reason the merchant reads. */
export async function failRun({ runId, reason }: { runId: string; reason: string }) {
  const updated = await db.checkRun.updateMany({
    where: { id: runId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", failureReason: reason.slice(0, 1000), finishedAt: new Date() },
  });
  return updated.count === 1;
}

/**
 * Runs that can no longer finish: RUNNING without progress for `runningMs` (the worker died
 * mid-run and the job's retries are used up), or QUEUED for `queuedMs` (no worker picked it up).
 */
export async function sweepStaleRuns({ runningMs, queuedMs, now = new Date() }: { runningMs: number; queuedMs: number; now?: Date }) {
  const running = await db.checkRun.updateMany({
    where: { status: "RUNNING", startedAt: { lt: new Date(now.getTime() - runningMs) } },
    data: { status: "FAILED", failureReason: "The validation worker stopped before finishing (interrupted). Run the validation again.", finishedAt: now },
  });
  const queued = await db.checkRun.updateMany({
    where: { status: "QUEUED", createdAt: { lt: new Date(now.getTime() - queuedMs) } },
    data: { status: "FAILED", failureReason: "No validation worker picked this run up in time. Run the validation again.", finishedAt: now },
  });
  return { running: running.count, queued: queued.count };
}
