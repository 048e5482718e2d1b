import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DataSharingLevel, IntegrationVisibility, RuleEffect, VisibilityRuleKind } from "@/lib/generated/prisma/enums";
import type { PolicySnapshot } from "@/lib/policy/types";
import { recordAudit } from "./audit";
import type { Actor } from "./users";

// A merchant's visibility policy: reads for the decision engine and the page, and the writes
// behind the page's forms. Every write is one transaction that bumps `VisibilityPolicy.version`
// (locking the policy row first, so concurrent writers queue), makes the change, stores a
// `VisibilityPolicyRevision` snapshot of the whole policy at the new version and an audit
// event with before/after. A merchant without a policy row has the defaults at version 0.

export class VisibilityError extends Error {
  constructor(readonly code: "ruleNotFound" | "integrationNotFound" | "agentNotFound" | "duplicateRule" | "tooManyRules") {
    super(code);
    this.name = "VisibilityError";
  }
}

export const MAX_RULES_PER_MERCHANT = 500;

type Tx = Prisma.TransactionClient;

const ruleSelect = { id: true, kind: true, effect: true, pattern: true, agentId: true, createdAt: true } as const;

/** The policy engine's input: settings, rules in (createdAt, id) order, integrations. Null for an unknown merchant. */
export async function getPolicySnapshot({ merchantId }: { merchantId: string }): Promise<PolicySnapshot | null> {
  const merchant = await db.merchant.findUnique({ where: { id: merchantId }, select: { id: true, slug: true } });
  if (!merchant) return null;
  const [policy, rules, integrations] = await Promise.all([
    db.visibilityPolicy.findUnique({ where: { merchantId }, select: { version: true, screenReadingAllowed: true, dataSharing: true } }),
    db.visibilityRule.findMany({ where: { merchantId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: ruleSelect }),
    db.integration.findMany({
      where: { merchantId },
      select: {
        id: true,
        name: true,
        visibility: true,
        liveVersion: { select: { status: true } },
        allowedAgents: { where: { merchantId }, select: { agentId: true } },
      },
    }),
  ]);
  return {
    merchantId,
    merchantSlug: merchant.slug,
    version: policy?.version ?? 0,
    screenReadingAllowed: policy?.screenReadingAllowed ?? true,
    dataSharing: policy?.dataSharing ?? "ORDER_STATUS",
    rules: rules.map(({ createdAt: _createdAt, ...rule }) => rule),
    integrations: integrations.map((i) => ({
      id: i.id,
      name: i.name,
      visibility: i.visibility,
      live: i.liveVersion?.status === "LIVE",
      allowedAgentIds: i.allowedAgents.map((a) => a.agentId),
    })),
  };
}

export type PolicyVersion = {
  version: number;
  /**
   * Changes to integrations made elsewhere (a version going live or suspended) do not bump the
   * policy version; this fingerprint of the merchant's integrations lets caches notice them too.
   */
  integrationsFingerprint: string;
};

/** One indexed round trip: what the decision cache checks once a second per merchant. */
export async function getPolicyVersion({ merchantId }: { merchantId: string }): Promise<PolicyVersion | null> {
  const rows = await db.$queryRaw<{ version: number | null; fingerprint: string }[]>`
    SELECT p."version",
           (SELECT count(*)::text || ':' || coalesce(max(greatest(i."updatedAt", v."updatedAt")), 'epoch')::text
              FROM "Integration" i LEFT JOIN "IntegrationVersion" v ON v."id" = i."liveVersionId"
             WHERE i."merchantId" = m."id") AS "fingerprint"
      FROM "Merchant" m LEFT JOIN "VisibilityPolicy" p ON p."merchantId" = m."id"
     WHERE m."id" = ${merchantId}`;
  const row = rows[0];
  return row ? { version: row.version ?? 0, integrationsFingerprint: row.fingerprint } : null;
}

/** Creates the default policy (version 0, no revision) unless the merchant has one; safe under races. */
export async function createPolicyIfMissing({ merchantId }: { merchantId: string }, tx: Tx = db) {
  await tx.visibilityPolicy.createMany({ data: [{ merchantId, version: 0 }], skipDuplicates: true });
  return tx.visibilityPolicy.findUniqueOrThrow({ where: { merchantId }, select: { id: true, version: true } });
}

// ───────────────────────────── writes ─────────────────────────────

/** What a revision records about the change that produced it, for the history view. */
export type PolicyChange =
  | { action: "settingsUpdated"; screenReadingAllowed: boolean; dataSharing: DataSharingLevel }
  | { action: "pathRuleAdded"; ruleId: string; effect: RuleEffect; pattern: string }
  | { action: "agentRuleAdded"; ruleId: string; kind: VisibilityRuleKind; effect: RuleEffect; agentId: string; agentName: string }
  | {
      action: "ruleRemoved";
      ruleId: string;
      kind: VisibilityRuleKind;
      effect: RuleEffect;
      pattern: string | null;
      agentId: string | null;
      agentName: string | null;
    }
  | {
      action: "integrationVisibilityChanged";
      integrationId: string;
      integrationName: string;
      visibility: IntegrationVisibility;
      allowedAgentIds: string[];
    };

async function readState(tx: Tx, merchantId: string) {
  const [policy, rules, integrations] = await Promise.all([
    tx.visibilityPolicy.findUniqueOrThrow({ where: { merchantId }, select: { screenReadingAllowed: true, dataSharing: true } }),
    tx.visibilityRule.findMany({ where: { merchantId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: ruleSelect }),
    tx.integration.findMany({
      where: { merchantId },
      orderBy: { id: "asc" },
      select: { id: true, visibility: true, allowedAgents: { where: { merchantId }, select: { agentId: true }, orderBy: { agentId: "asc" } } },
    }),
  ]);
  return {
    ...policy,
    rules: rules.map((r) => ({ id: r.id, kind: r.kind, effect: r.effect, pattern: r.pattern, agentId: r.agentId })),
    integrations: integrations.map((i) => ({ id: i.id, visibility: i.visibility, allowedAgentIds: i.allowedAgents.map((a) => a.agentId) })),
  };
}

type ChangeOutcome<T> = { result: T; change: PolicyChange; before: unknown; after: unknown };

async function changePolicy<T>(
  { merchantId, actor }: { merchantId: string; actor: Actor },
  apply: (tx: Tx, policyId: string) => Promise<ChangeOutcome<T>>,
): Promise<T & { version: number }> {
  return db.$transaction(async (tx) => {
    await createPolicyIfMissing({ merchantId }, tx);
    // Bumping first takes the row lock: a concurrent change waits here, then reads our result.
    const policy = await tx.visibilityPolicy.update({
      where: { merchantId },
      data: { version: { increment: 1 }, updatedById: actor.userId },
      select: { id: true, version: true },
    });
    const outcome = await apply(tx, policy.id);
    const state = await readState(tx, merchantId);
    await tx.visibilityPolicyRevision.create({
      data: {
        merchantId,
        policyId: policy.id,
        version: policy.version,
        snapshot: { ...state, change: outcome.change } as Prisma.InputJsonValue,
        changedById: actor.userId,
      },
    });
    await recordAudit(
      {
        merchantId,
        actor: { id: actor.userId, label: actor.email, ip: actor.ip },
        action: `visibility.${outcome.change.action}`,
        objectType: "VisibilityPolicy",
        objectId: policy.id,
        before: outcome.before,
        after: { ...(outcome.after as object), version: policy.version },
      },
      tx,
    );
    return { ...outcome.result, version: policy.version };
  });
}

export async function updateSettings({
  merchantId,
  actor,
  screenReadingAllowed,
  dataSharing,
}: {
  merchantId: string;
  actor: Actor;
  screenReadingAllowed: boolean;
  dataSharing: DataSharingLevel;
}) {
  return changePolicy({ merchantId, actor }, async (tx) => {
    const select = { screenReadingAllowed: true, dataSharing: true } as const;
    const before = await tx.visibilityPolicy.findUniqueOrThrow({ where: { merchantId }, select });
    const after = await tx.visibilityPolicy.update({ where: { merchantId }, data: { screenReadingAllowed, dataSharing }, select });
    return { result: {}, change: { action: "settingsUpdated", ...after }, before, after };
  });
}

async function assertRoomForRule(tx: Tx, merchantId: string) {
  if ((await tx.visibilityRule.count({ where: { merchantId } })) >= MAX_RULES_PER_MERCHANT) throw new VisibilityError("tooManyRules");
}

/** `pattern` must already be canonical (pathPatternSchema); one rule per pattern. */
export async function addPathRule({ merchantId, actor, effect, pattern }: { merchantId: string; actor: Actor; effect: RuleEffect; pattern: string }) {
  return changePolicy({ merchantId, actor }, async (tx, policyId) => {
    await assertRoomForRule(tx, merchantId);
    if (await tx.visibilityRule.findFirst({ where: { merchantId, kind: "PATH", pattern }, select: { id: true } })) {
      throw new VisibilityError("duplicateRule");
    }
    const rule = await tx.visibilityRule.create({ data: { merchantId, policyId, kind: "PATH", effect, pattern }, select: ruleSelect });
    return { result: { ruleId: rule.id }, change: { action: "pathRuleAdded", ruleId: rule.id, effect, pattern }, before: null, after: rule };
  });
}

/** One rule per agent and kind: change an agent's rule by removing it and adding another. */
export async function addAgentRule({
  merchantId,
  actor,
  kind,
  effect,
  agentId,
}: {
  merchantId: string;
  actor: Actor;
  kind: "AGENT_SCREEN_READ" | "AGENT_SKILL_CALL";
  effect: RuleEffect;
  agentId: string;
}) {
  return changePolicy({ merchantId, actor }, async (tx, policyId) => {
    const agent = await tx.agent.findUnique({ where: { id: agentId }, select: { id: true, name: true } });
    if (!agent) throw new VisibilityError("agentNotFound");
    await assertRoomForRule(tx, merchantId);
    if (await tx.visibilityRule.findFirst({ where: { merchantId, kind, agentId }, select: { id: true } })) {
      throw new VisibilityError("duplicateRule");
    }
    const rule = await tx.visibilityRule.create({ data: { merchantId, policyId, kind, effect, agentId }, select: ruleSelect });
    return {
      result: { ruleId: rule.id },
      change: { action: "agentRuleAdded", ruleId: rule.id, kind, effect, agentId, agentName: agent.name },
      before: null,
      after: rule,
    };
  });
}

export async function removeRule({ merchantId, actor, ruleId }: { merchantId: string; actor: Actor; ruleId: string }) {
  return changePolicy({ merchantId, actor }, async (tx) => {
    const rule = await tx.visibilityRule.findFirst({ where: { id: ruleId, merchantId }, select: ruleSelect });
    if (!rule) throw new VisibilityError("ruleNotFound");
    await tx.visibilityRule.deleteMany({ where: { id: ruleId, merchantId } });
    const agent = rule.agentId ? await tx.agent.findUnique({ where: { id: rule.agentId }, select: { name: true } }) : null;
    return {
      result: {},
      change: {
        action: "ruleRemoved",
        ruleId,
        kind: rule.kind,
        effect: rule.effect,
        pattern: rule.pattern,
        agentId: rule.agentId,
        agentName: agent?.name ?? null,
      },
      before: rule,
      after: null,
    };
  });
}

/** The allowlist is kept only for ALLOWLIST; other visibilities clear it. */
export async function setIntegrationVisibility({
  merchantId,
  actor,
  integrationId,
  visibility,
  allowedAgentIds,
}: {
  merchantId: string;
  actor: Actor;
  integrationId: string;
  visibility: IntegrationVisibility;
  allowedAgentIds: string[];
}) {
  return changePolicy({ merchantId, actor }, async (tx) => {
    const integration = await tx.integration.findFirst({
      where: { id: integrationId, merchantId },
      select: { id: true, name: true, visibility: true, allowedAgents: { where: { merchantId }, select: { agentId: true } } },
    });
    if (!integration) throw new VisibilityError("integrationNotFound");
    const wanted = visibility === "ALLOWLIST" ? [...new Set(allowedAgentIds)].sort() : [];
    if (wanted.length > 0) {
      const known = await tx.agent.count({ where: { id: { in: wanted } } });
      if (known !== wanted.length) throw new VisibilityError("agentNotFound");
    }
    await tx.integration.updateMany({ where: { id: integrationId, merchantId }, data: { visibility } });
    await tx.integrationAgentAccess.deleteMany({ where: { integrationId, merchantId } });
    if (wanted.length > 0) {
      await tx.integrationAgentAccess.createMany({ data: wanted.map((agentId) => ({ merchantId, integrationId, agentId })) });
    }
    const before = { visibility: integration.visibility, allowedAgentIds: integration.allowedAgents.map((a) => a.agentId).sort() };
    const after = { visibility, allowedAgentIds: wanted };
    return {
      result: {},
      change: { action: "integrationVisibilityChanged", integrationId, integrationName: integration.name, ...after },
      before: { integrationId, ...before },
      after: { integrationId, ...after },
    };
  });
}

// ───────────────────────────── page reads ─────────────────────────────

/** Everything the visibility page shows, with names resolved. */
export async function getPolicyOverview({ merchantId }: { merchantId: string }) {
  const [policy, rules, integrations, agents] = await Promise.all([
    db.visibilityPolicy.findUnique({ where: { merchantId }, select: { version: true, screenReadingAllowed: true, dataSharing: true, updatedAt: true } }),
    db.visibilityRule.findMany({ where: { merchantId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: ruleSelect }),
    db.integration.findMany({
      where: { merchantId },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        kind: true,
        visibility: true,
        liveVersion: { select: { status: true } },
        allowedAgents: { where: { merchantId }, select: { agentId: true } },
      },
    }),
    listPolicyAgents(),
  ]);
  const agentName = new Map(agents.map((a) => [a.id, a.name]));
  return {
    version: policy?.version ?? 0,
    screenReadingAllowed: policy?.screenReadingAllowed ?? true,
    dataSharing: policy?.dataSharing ?? "ORDER_STATUS",
    pathRules: rules.filter((r) => r.kind === "PATH"),
    agentRules: rules.filter((r) => r.kind !== "PATH").map((r) => ({ ...r, agentName: r.agentId ? (agentName.get(r.agentId) ?? r.agentId) : "" })),
    integrations: integrations.map((i) => ({
      id: i.id,
      name: i.name,
      kind: i.kind,
      visibility: i.visibility,
      live: i.liveVersion?.status === "LIVE",
      allowedAgentIds: i.allowedAgents.map((a) => a.agentId),
    })),
    agents,
  };
}

/** The platform's agent catalogue as rule targets (agents are not tenant-scoped). */
export async function listPolicyAgents() {
  return db.agent.findMany({ orderBy: [{ isTest: "asc" }, { name: "asc" }], select: { id: true, slug: true, name: true, isTest: true, status: true } });
}

export type PolicyRevisionItem = Awaited<ReturnType<typeof listRevisions>>[number];

/** Newest first, with who changed it. */
export async function listRevisions({ merchantId, take = 50 }: { merchantId: string; take?: number }) {
  const revisions = await db.visibilityPolicyRevision.findMany({
    where: { merchantId },
    orderBy: { version: "desc" },
    take,
    select: { id: true, version: true, snapshot: true, changedById: true, createdAt: true },
  });
  const userIds = [...new Set(revisions.flatMap((r) => (r.changedById ? [r.changedById] : [])))];
  const users = userIds.length
    ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } })
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return revisions.map((r) => ({
    id: r.id,
    version: r.version,
    createdAt: r.createdAt,
    changedBy: r.changedById ? (byId.get(r.changedById) ?? null) : null,
    change: changeOf(r.snapshot),
  }));
}

function changeOf(snapshot: Prisma.JsonValue): PolicyChange | null {
  if (!snapshot || typeof snapshot !== "object" || Array.isArray(snapshot)) return null;
  const change = (snapshot as Record<string, unknown>).change;
  return change && typeof change === "object" ? (change as PolicyChange) : null;
}

// ───────────────────────────── API lookups ─────────────────────────────

export async function findMerchantBySlug({ slug }: { slug: string }) {
  return db.merchant.findUnique({ where: { slug }, select: { id: true, slug: true, status: true } });
}

export async function findAgentBySlug({ slug }: { slug: string }) {
  return db.agent.findUnique({ where: { slug }, select: { id: true, slug: true, isTest: true, status: true } });
}

export async function findAgentById({ id }: { id: string }) {
  return db.agent.findUnique({ where: { id }, select: { id: true, slug: true, isTest: true, status: true } });
}

/** Slugs for the agents a machine-readable policy names. */
export async function listAgentSlugs({ ids }: { ids: string[] }) {
  if (ids.length === 0) return new Map<string, string>();
  const agents = await db.agent.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true } });
  return new Map(agents.map((a) => [a.id, a.slug]));
}

/** Live integrations of active merchants, for the registry (which then applies each merchant's policy). */
export async function listLiveIntegrations({ take = 1000 }: { take?: number } = {}) {
  return db.integration.findMany({
    where: { liveVersion: { status: "LIVE" }, merchant: { status: "ACTIVE" } },
    orderBy: [{ merchantId: "asc" }, { name: "asc" }],
    take,
    select: {
      id: true,
      merchantId: true,
      kind: true,
      name: true,
      description: true,
      category: true,
      merchant: { select: { slug: true, name: true } },
      liveVersion: { select: { number: true, liveAt: true } },
    },
  });
}
