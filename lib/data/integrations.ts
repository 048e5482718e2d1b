import "server-only";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { HttpMethod as DbHttpMethod, IntegrationKind, MerchantCategory } from "@/lib/generated/prisma/enums";
import type { IntegrationDefinition, OperationDefinition } from "@/lib/integrations/definition";
import type { CreateIntegrationInput, SaveOperationInput, UpdateMcpDraftInput } from "@/lib/validation/integrations";
import { recordAudit } from "./audit";
import type { Actor } from "./users";

// The integration registry. Every read and write names the merchant in its `where` clause, so
// another merchant's id reads as "not found". A version is editable only while it is a DRAFT:
// writes re-check the status on the row itself inside the transaction (an update that matches
// no DRAFT row changes nothing), so a submission racing an edit cannot be modified afterwards.
// Any change to a submitted version goes through `createDraftFrom` (copy-on-write).

export type IntegrationErrorCode = "notFound" | "nameTaken" | "notDraft" | "operationNameTaken";

export class IntegrationError extends Error {
  constructor(readonly code: IntegrationErrorCode) {
    super(code);
    this.name = "IntegrationError";
  }
}

type Tx = Prisma.TransactionClient;

const auditActor = (actor: Actor) => ({ id: actor.userId, label: actor.email, ip: actor.ip });

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

const json = (value: unknown) => (value === undefined || value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue));

// ───────────────────────────── reads ─────────────────────────────

/** The registry list: each integration with its newest version, live version and last run. */
export async function listIntegrations({ merchantId }: { merchantId: string }) {
  const rows = await db.integration.findMany({
    where: { merchantId },
    orderBy: [{ updatedAt: "desc" }, { name: "asc" }],
    select: {
      id: true,
      kind: true,
      name: true,
      description: true,
      category: true,
      visibility: true,
      updatedAt: true,
      liveVersion: { select: { number: true } },
      versions: {
        orderBy: { number: "desc" },
        take: 1,
        select: {
          id: true,
          number: true,
          status: true,
          checkRuns: { orderBy: { createdAt: "desc" }, take: 1, select: { status: true, errorCount: true, warningCount: true } },
        },
      },
    },
  });
  return rows.map(({ versions, ...row }) => {
    const latest = versions[0] ?? null;
    return {
      ...row,
      latestVersion: latest && { id: latest.id, number: latest.number, status: latest.status },
      latestRun: latest?.checkRuns[0] ?? null,
    };
  });
}

export async function getIntegration({ merchantId, integrationId }: { merchantId: string; integrationId: string }) {
  return db.integration.findFirst({
    where: { id: integrationId, merchantId },
    select: {
      id: true,
      kind: true,
      name: true,
      description: true,
      category: true,
      visibility: true,
      liveVersionId: true,
      createdAt: true,
      updatedAt: true,
      versions: {
        orderBy: { number: "desc" },
        select: { id: true, number: true, status: true, basedOnVersionId: true, createdAt: true, submittedAt: true, toolListHash: true },
      },
    },
  });
}

/** One version for the editor and report. The bearer secret never leaves: only whether one is set. */
export async function getVersion({ merchantId, versionId }: { merchantId: string; versionId: string }) {
  const version = await db.integrationVersion.findFirst({
    where: { id: versionId, merchantId },
    select: {
      id: true,
      integrationId: true,
      number: true,
      status: true,
      endpointUrl: true,
      transport: true,
      authType: true,
      authSecretEnc: true,
      toolListHash: true,
      serverInfo: true,
      capabilities: true,
      protocolVersion: true,
      metadata: true,
      basedOnVersionId: true,
      createdAt: true,
      updatedAt: true,
      operations: { orderBy: { position: "asc" } },
    },
  });
  if (!version) return null;
  const { authSecretEnc, ...rest } = version;
  return { ...rest, hasSecret: authSecretEnc !== null };
}

export type VersionDetail = NonNullable<Awaited<ReturnType<typeof getVersion>>>;
export type OperationRow = VersionDetail["operations"][number];

/** A stored operation row as the shared definition shape. */
export function operationFromRow(row: {
  name: string;
  title: string;
  description: string;
  inputSchema: unknown;
  outputSchema: unknown;
  httpMethod: DbHttpMethod;
  url: string;
  readOnly: boolean | null;
  destructive: boolean | null;
  idempotent: boolean | null;
  movesMoney: boolean | null;
  needsConfirmation: boolean | null;
  examplePrompts: string[];
  metadata: unknown;
}, kind: IntegrationKind): OperationDefinition {
  const op: OperationDefinition = {
    name: row.name,
    title: row.title,
    description: row.description,
    inputSchema: (row.inputSchema ?? {}) as OperationDefinition["inputSchema"],
    annotations: {
      readOnly: row.readOnly ?? undefined,
      destructive: row.destructive ?? undefined,
      idempotent: row.idempotent ?? undefined,
      movesMoney: row.movesMoney ?? undefined,
      needsConfirmation: row.needsConfirmation ?? undefined,
    },
    examplePrompts: row.examplePrompts,
  };
  if (row.outputSchema !== null && row.outputSchema !== undefined) op.outputSchema = row.outputSchema as OperationDefinition["inputSchema"];
  // MCP tools have no HTTP endpoint of their own; a Skill operation without a URL has none yet.
  if (kind === "SKILL" && row.url) {
    op.httpMethod = row.httpMethod;
    op.url = row.url;
  }
  if (row.metadata && typeof row.metadata === "object") op.metadata = row.metadata as Record<string, unknown>;
  return op;
}

function operationData(op: OperationDefinition, position: number) {
  return {
    position,
    name: op.name,
    title: op.title,
    description: op.description,
    inputSchema: json(op.inputSchema) as Prisma.InputJsonValue,
    outputSchema: json(op.outputSchema),
    httpMethod: op.httpMethod ?? "POST",
    url: op.url ?? "",
    readOnly: op.annotations.readOnly ?? null,
    destructive: op.annotations.destructive ?? null,
    idempotent: op.annotations.idempotent ?? null,
    movesMoney: op.annotations.movesMoney ?? null,
    needsConfirmation: op.annotations.needsConfirmation ?? null,
    examplePrompts: op.examplePrompts,
    metadata: json(op.metadata),
  };
}

/**
 * The definition of one version, for export and for validation. `versionId` omitted: the live
 * version. MCP versions validated before operations were stored fall back to the captured
 * tool list.
 */
export async function loadDefinition({
  integrationId,
  merchantId,
  versionId,
  versionNumber,
}: {
  integrationId: string;
  /** Omitted only by callers that authorize afterwards on the returned merchantId (the export API). */
  merchantId?: string;
  versionId?: string;
  versionNumber?: number;
}) {
  const integration = await db.integration.findFirst({
    where: { id: integrationId, ...(merchantId !== undefined && { merchantId }) },
    select: {
      id: true,
      merchantId: true,
      kind: true,
      name: true,
      description: true,
      category: true,
      visibility: true,
      liveVersionId: true,
      merchant: { select: { slug: true, name: true, status: true } },
    },
  });
  if (!integration) return null;
  const target = versionNumber !== undefined ? { number: versionNumber } : { id: versionId ?? integration.liveVersionId ?? "" };
  if (!target.number && !target.id) return { integration, version: null, definition: null };
  const version = await db.integrationVersion.findFirst({
    where: { ...target, integrationId: integration.id, merchantId: integration.merchantId },
    select: { id: true, number: true, status: true, endpointUrl: true, transport: true, toolList: true, metadata: true, operations: { orderBy: { position: "asc" } } },
  });
  if (!version) return { integration, version: null, definition: null };
  let operations = version.operations.map((row) => operationFromRow(row, integration.kind));
  if (operations.length === 0 && integration.kind === "MCP_SERVER" && Array.isArray(version.toolList)) {
    const { mcpToolToOperation } = await import("@/lib/checks/mcp-tool-to-operation");
    operations = (version.toolList as Record<string, unknown>[]).map(mcpToolToOperation);
  }
  const definition: IntegrationDefinition = {
    kind: integration.kind,
    name: integration.name,
    description: integration.description,
    category: integration.category.toLowerCase(),
    merchant: { slug: integration.merchant.slug, name: integration.merchant.name },
    version: version.number,
    operations,
    ...(integration.kind === "MCP_SERVER" && {
      endpointUrl: version.endpointUrl ?? undefined,
      transport: version.transport ?? undefined,
    }),
    ...(version.metadata && typeof version.metadata === "object" && { metadata: version.metadata as Record<string, unknown> }),
  };
  return { integration, version: { id: version.id, number: version.number, status: version.status }, definition };
}

// ───────────────────────────── writes ─────────────────────────────

async function createWithFirstVersion(
  tx: Tx,
  args: {
    merchantId: string;
    actor: Actor;
    kind: IntegrationKind;
    name: string;
    description: string;
    category: MerchantCategory;
    version: Omit<Prisma.IntegrationVersionUncheckedCreateInput, "merchantId" | "integrationId" | "number" | "createdById">;
    operations?: OperationDefinition[];
    action: string;
  },
) {
  const integration = await tx.integration.create({
    data: { merchantId: args.merchantId, kind: args.kind, name: args.name, description: args.description, category: args.category },
    select: { id: true },
  });
  const version = await tx.integrationVersion.create({
    data: { ...args.version, merchantId: args.merchantId, integrationId: integration.id, number: 1, createdById: args.actor.userId },
    select: { id: true },
  });
  if (args.operations?.length) {
    await tx.integrationOperation.createMany({
      data: args.operations.map((op, i) => ({ ...operationData(op, i), merchantId: args.merchantId, versionId: version.id })),
    });
  }
  await recordAudit(
    {
      merchantId: args.merchantId,
      actor: auditActor(args.actor),
      action: args.action,
      objectType: "integration",
      objectId: integration.id,
      after: { kind: args.kind, name: args.name, category: args.category, versionId: version.id, operations: args.operations?.length ?? 0 },
    },
    tx,
  );
  return { integrationId: integration.id, versionId: version.id };
}

async function uniqueName<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) throw new IntegrationError("nameTaken");
    throw error;
  }
}

/** A new integration with its first (draft) version. */
export async function createIntegration({ merchantId, actor, input }: { merchantId: string; actor: Actor; input: CreateIntegrationInput }) {
  const version =
    input.kind === "MCP_SERVER"
      ? {
          endpointUrl: input.endpointUrl,
          transport: input.transport,
          authType: input.authType,
          authSecretEnc: input.authType === "BEARER" ? encryptSecret(input.bearerSecret) : null,
        }
      : {};
  return uniqueName(() =>
    db.$transaction((tx) =>
      createWithFirstVersion(tx, {
        merchantId,
        actor,
        kind: input.kind,
        name: input.name,
        description: input.description,
        category: input.category,
        version,
        action: "integration.created",
      }),
    ),
  );
}

/** A new integration whose first draft is an imported definition (WeChat manifest, live tool list). */
export async function createIntegrationFromDefinition({
  merchantId,
  actor,
  definition,
  category,
  source,
}: {
  merchantId: string;
  actor: Actor;
  definition: IntegrationDefinition;
  category: MerchantCategory;
  source: "wechat-mcp-json" | "mcp-tools";
}) {
  return uniqueName(() =>
    db.$transaction((tx) =>
      createWithFirstVersion(tx, {
        merchantId,
        actor,
        kind: definition.kind,
        name: definition.name,
        description: definition.description,
        category,
        version: {
          endpointUrl: definition.endpointUrl ?? null,
          transport: definition.kind === "MCP_SERVER" ? (definition.transport ?? "STREAMABLE_HTTP") : null,
          metadata: json({ ...(definition.metadata ?? {}), importedFrom: source }),
        },
        operations: definition.operations,
        action: "integration.imported",
      }),
    ),
  );
}

/** Locks the version row if it is still a draft of this merchant; refuses otherwise. */
async function lockDraft(tx: Tx, merchantId: string, versionId: string) {
  const touched = await tx.integrationVersion.updateMany({ where: { id: versionId, merchantId, status: "DRAFT" }, data: { updatedAt: new Date() } });
  if (touched.count === 1) {
    return tx.integrationVersion.findFirstOrThrow({ where: { id: versionId }, select: { id: true, integrationId: true, number: true } });
  }
  const exists = await tx.integrationVersion.count({ where: { id: versionId, merchantId } });
  throw new IntegrationError(exists ? "notDraft" : "notFound");
}

async function touchIntegration(tx: Tx, integrationId: string) {
  await tx.integration.update({ where: { id: integrationId }, data: { updatedAt: new Date() } });
}

/** Endpoint, transport and auth of an MCP draft. An empty secret keeps the stored one. */
export async function updateMcpDraft({ merchantId, actor, input }: { merchantId: string; actor: Actor; input: UpdateMcpDraftInput }) {
  return db.$transaction(async (tx) => {
    const version = await lockDraft(tx, merchantId, input.versionId);
    const before = await tx.integrationVersion.findUniqueOrThrow({ where: { id: version.id }, select: { endpointUrl: true, transport: true, authType: true } });
    const secret =
      input.authType === "NONE" ? { authSecretEnc: null } : input.bearerSecret.trim() ? { authSecretEnc: encryptSecret(input.bearerSecret.trim()) } : {};
    await tx.integrationVersion.update({
      where: { id: version.id },
      data: { endpointUrl: input.endpointUrl, transport: input.transport, authType: input.authType, ...secret },
    });
    await touchIntegration(tx, version.integrationId);
    await recordAudit(
      {
        merchantId,
        actor: auditActor(actor),
        action: "version.updated",
        objectType: "integration_version",
        objectId: version.id,
        before,
        after: { endpointUrl: input.endpointUrl, transport: input.transport, authType: input.authType, secretReplaced: "authSecretEnc" in secret && secret.authSecretEnc !== null },
      },
      tx,
    );
    return { versionId: version.id };
  });
}

/** Adds or replaces one operation of a Skill draft. */
export async function saveOperation({ merchantId, actor, input }: { merchantId: string; actor: Actor; input: SaveOperationInput }) {
  const op: OperationDefinition = {
    name: input.name,
    title: input.title,
    description: input.description,
    inputSchema: input.inputSchema ?? {},
    ...(input.outputSchema && { outputSchema: input.outputSchema }),
    ...(input.url && { httpMethod: input.httpMethod, url: input.url }),
    annotations: {
      readOnly: input.readOnly,
      destructive: input.destructive,
      idempotent: input.idempotent,
      movesMoney: input.movesMoney,
      needsConfirmation: input.needsConfirmation,
    },
    examplePrompts: input.examplePrompts,
  };
  try {
    return await db.$transaction(async (tx) => {
      const version = await lockDraft(tx, merchantId, input.versionId);
      let operationId: string;
      let before: unknown;
      if (input.operationId) {
        const existing = await tx.integrationOperation.findFirst({ where: { id: input.operationId, versionId: version.id, merchantId } });
        if (!existing) throw new IntegrationError("notFound");
        before = { name: existing.name, title: existing.title };
        const { position: _position, metadata: _metadata, ...data } = operationData(op, existing.position);
        await tx.integrationOperation.update({ where: { id: existing.id }, data });
        operationId = existing.id;
      } else {
        const last = await tx.integrationOperation.aggregate({ where: { versionId: version.id }, _max: { position: true } });
        const created = await tx.integrationOperation.create({
          data: { ...operationData(op, (last._max.position ?? -1) + 1), merchantId, versionId: version.id },
          select: { id: true },
        });
        operationId = created.id;
      }
      await touchIntegration(tx, version.integrationId);
      await recordAudit(
        {
          merchantId,
          actor: auditActor(actor),
          action: "version.updated",
          objectType: "integration_version",
          objectId: version.id,
          before,
          after: { operation: op.name, change: input.operationId ? "operation.updated" : "operation.added" },
        },
        tx,
      );
      return { operationId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new IntegrationError("operationNameTaken");
    throw error;
  }
}

export async function deleteOperation({ merchantId, actor, versionId, operationId }: { merchantId: string; actor: Actor; versionId: string; operationId: string }) {
  return db.$transaction(async (tx) => {
    const version = await lockDraft(tx, merchantId, versionId);
    const existing = await tx.integrationOperation.findFirst({ where: { id: operationId, versionId: version.id, merchantId }, select: { id: true, name: true } });
    if (!existing) throw new IntegrationError("notFound");
    await tx.integrationOperation.delete({ where: { id: existing.id } });
    await touchIntegration(tx, version.integrationId);
    await recordAudit(
      {
        merchantId,
        actor: auditActor(actor),
        action: "version.updated",
        objectType: "integration_version",
        objectId: version.id,
        before: { operation: existing.name },
        after: { operation: existing.name, change: "operation.deleted" },
      },
      tx,
    );
  });
}

/**
 * Copy-on-write: a new DRAFT version copied from `versionId` (endpoint, auth and its encrypted
 * secret, captured tools, metadata, operations). When the integration already has a draft,
 * that draft is returned instead, so there is only ever one to edit.
 */
export async function createDraftFrom({ merchantId, actor, versionId }: { merchantId: string; actor: Actor; versionId: string }) {
  return db.$transaction(async (tx) => {
    const source = await tx.integrationVersion.findFirst({ where: { id: versionId, merchantId }, include: { operations: { orderBy: { position: "asc" } } } });
    if (!source) throw new IntegrationError("notFound");
    // Serialise concurrent "new draft" clicks on the same integration.
    await tx.$queryRaw`SELECT id FROM "Integration" WHERE id = ${source.integrationId} FOR UPDATE`;
    const existing = await tx.integrationVersion.findFirst({ where: { integrationId: source.integrationId, merchantId, status: "DRAFT" }, orderBy: { number: "desc" }, select: { id: true } });
    if (existing) return { versionId: existing.id, reused: true };
    const last = await tx.integrationVersion.aggregate({ where: { integrationId: source.integrationId }, _max: { number: true } });
    const draft = await tx.integrationVersion.create({
      data: {
        merchantId,
        integrationId: source.integrationId,
        number: (last._max.number ?? 0) + 1,
        status: "DRAFT",
        endpointUrl: source.endpointUrl,
        transport: source.transport,
        authType: source.authType,
        authSecretEnc: source.authSecretEnc,
        toolList: json(source.toolList),
        toolListHash: source.toolListHash,
        serverInfo: json(source.serverInfo),
        capabilities: json(source.capabilities),
        protocolVersion: source.protocolVersion,
        metadata: json(source.metadata),
        basedOnVersionId: source.id,
        createdById: actor.userId,
      },
      select: { id: true, number: true },
    });
    if (source.operations.length) {
      await tx.integrationOperation.createMany({
        data: source.operations.map(({ id: _id, versionId: _versionId, ...op }) => ({
          ...op,
          versionId: draft.id,
          inputSchema: op.inputSchema as Prisma.InputJsonValue,
          outputSchema: json(op.outputSchema),
          metadata: json(op.metadata),
        })),
      });
    }
    await touchIntegration(tx, source.integrationId);
    await recordAudit(
      {
        merchantId,
        actor: auditActor(actor),
        action: "version.draft_created",
        objectType: "integration_version",
        objectId: draft.id,
        after: { integrationId: source.integrationId, number: draft.number, basedOn: { id: source.id, number: source.number, status: source.status } },
      },
      tx,
    );
    return { versionId: draft.id, reused: false };
  });
}
