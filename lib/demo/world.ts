// Everything except the high-volume activity: merchants, people, agents, integrations with their
// versions, checks and reviews, visibility policies, revenue rules and the demo API keys.
// Pure and deterministic: (seed, window, password hash) → the same rows.
import type { Channel, CheckLevel, VersionStatus } from "../generated/prisma/enums";
import { apiKeyPrefix, hashApiKeySecret } from "../api-keys/secret";
import type { RuleVersion } from "../revenue/fee";
import {
  demoAgents,
  demoApiKeys,
  demoMerchants,
  demoUsers,
  type AgentSlug,
  type DemoMerchant,
  type MerchantSlug,
} from "./catalogue";
import { toolListHash as hashToolList } from "../checks/hash";
import { finding } from "../checks/catalogue";
import { mcpToolToOperation } from "../checks/mcp-tool-to-operation";
import { checkMcpEndpoint } from "../checks/mcp-rules";
import { checkSkillEndpoint } from "../checks/run-skill-checks";
import { checkOperations } from "../checks/tool-rules";
import type { CheckFinding } from "../checks/types";
import type { OperationDefinition } from "../integrations/definition";
import { demoId } from "./ids";
import { demoIntegrations, operationsOfVersion, type DemoIntegration, type DemoOperation } from "./integration-catalogue";
import { json, type Row } from "./rows";
import { DAY_MS, HOUR_MS, windowDay, type DemoWindow } from "./window";

/** Tables in an order that satisfies their foreign keys. */
export const worldTables = [
  "User",
  "Merchant",
  "Membership",
  "Agent",
  "Integration",
  "IntegrationVersion",
  "IntegrationOperation",
  "CheckRun",
  "CheckResult",
  "Review",
  "ReviewComment",
  "IntegrationAgentAccess",
  "VisibilityPolicy",
  "VisibilityRule",
  "VisibilityPolicyRevision",
  "RevenueShareRule",
  "ApiKey",
  "AuditEvent",
] as const;
export type WorldTable = (typeof worldTables)[number];

export type DemoRule = RuleVersion & { merchantId: string };

export type OrderTarget = { integrationId: string; operationName: string };

export type DemoWorld = {
  seed: number;
  window: DemoWindow;
  tables: Record<WorldTable, Row[]>;
  /** Integration.liveVersionId, set after the versions exist (the two tables reference each other). */
  liveVersionLinks: { integrationId: string; liveVersionId: string }[];
  merchants: (DemoMerchant & { id: string })[];
  agentIds: Record<AgentSlug, string>;
  userIds: Record<string, string>;
  rulesByMerchant: Record<MerchantSlug, DemoRule[]>;
  /** Live, money-moving, non-destructive operations AI_SKILL orders go through. */
  orderTargets: Record<MerchantSlug, OrderTarget[]>;
};

type RuleSpec = { channel: Channel; rateBps: number; fixedFeeFen?: bigint; day: number; agent?: AgentSlug; cancelledDay?: number };

// Each merchant: AI rules from the window start, a change on day 45, ORGANIC never charged.
// Lumen also has the one agent override (the platform's own assistant), a scheduled change that
// was called off, and a change scheduled after `now`.
const revenueRules: Record<MerchantSlug, RuleSpec[]> = {
  "lumen-coffee": [
    { channel: "AI_SKILL", rateBps: 500, day: 0 },
    { channel: "AI_SCREEN_READ", rateBps: 300, day: 0 },
    { channel: "AI_SKILL", rateBps: 200, day: 0, agent: "aurora" },
    { channel: "AI_SKILL", rateBps: 350, day: 45 },
    { channel: "AI_SCREEN_READ", rateBps: 250, day: 60, cancelledDay: 50 },
    { channel: "AI_SKILL", rateBps: 300, day: 104 },
  ],
  swiftride: [
    { channel: "AI_SKILL", rateBps: 600, day: 0 },
    { channel: "AI_SCREEN_READ", rateBps: 400, day: 0 },
    { channel: "AI_SKILL", rateBps: 500, day: 45 },
  ],
  railgo: [
    { channel: "AI_SKILL", rateBps: 300, day: 0 },
    // Screen-read ticket sales cost the platform more to support: a fixed fee per order on top.
    { channel: "AI_SCREEN_READ", rateBps: 200, fixedFeeFen: 50n, day: 0 },
    { channel: "AI_SKILL", rateBps: 320, day: 45 },
  ],
  daymart: [
    { channel: "AI_SKILL", rateBps: 450, day: 0 },
    { channel: "AI_SCREEN_READ", rateBps: 300, day: 0 },
    { channel: "AI_SKILL", rateBps: 350, day: 45 },
  ],
};

const visibility: Record<MerchantSlug, { pathRules: [effect: "ALLOW" | "DENY", pattern: string][]; screenReadDeny: AgentSlug[]; dataSharing: "NONE" | "ORDER_STATUS" | "ORDER_DETAILS" }> = {
  "lumen-coffee": { pathRules: [["ALLOW", "/menu/**"]], screenReadDeny: ["sandbox-tester"], dataSharing: "ORDER_DETAILS" },
  swiftride: { pathRules: [["DENY", "/wallet/**"]], screenReadDeny: [], dataSharing: "ORDER_STATUS" },
  railgo: { pathRules: [["ALLOW", "/search/**"]], screenReadDeny: [], dataSharing: "ORDER_STATUS" },
  daymart: { pathRules: [["DENY", "/checkout/**"], ["ALLOW", "/shelf/**"]], screenReadDeny: [], dataSharing: "ORDER_STATUS" },
};

const decided = new Set<VersionStatus>(["APPROVED", "CHANGES_REQUESTED", "REJECTED", "LIVE", "SUPERSEDED", "SUSPENDED"]);
const approved = new Set<VersionStatus>(["APPROVED", "LIVE", "SUPERSEDED", "SUSPENDED"]);

/** When each version happened, relative to the window: live ones went live before it started. */
function versionTimeline(window: DemoWindow, status: VersionStatus, index: number) {
  const at = (days: number) => windowDay(window, days);
  const ago = (days: number) => new Date(window.end.getTime() - days * DAY_MS);
  switch (status) {
    case "SUPERSEDED":
      return { created: at(-70), submitted: at(-68), claimed: at(-67), decided: at(-66), live: at(-65) };
    case "LIVE":
      return { created: at(-20), submitted: at(-18), claimed: at(-17.5), decided: at(-16), live: at(-15) };
    case "SUSPENDED":
      return { created: at(-40), submitted: at(-39), claimed: at(-38), decided: at(-37), live: at(-36) };
    case "APPROVED":
      return { created: ago(9), submitted: ago(8), claimed: ago(7), decided: ago(6), live: null };
    case "CHANGES_REQUESTED":
    case "REJECTED":
      return { created: ago(14 + index), submitted: ago(12 + index), claimed: ago(11 + index), decided: ago(10 + index), live: null };
    case "WITHDRAWN":
      return { created: ago(30), submitted: ago(29), claimed: null, decided: null, live: null };
    case "IN_REVIEW":
      return { created: ago(5), submitted: ago(3), claimed: ago(1), decided: null, live: null };
    case "SUBMITTED":
      return { created: ago(4 + index), submitted: ago(1.5 + index * 0.5), claimed: null, decided: null, live: null };
    case "DRAFT":
      return { created: ago(2 + index), submitted: null, claimed: null, decided: null, live: null };
  }
}

function mcpTool(op: DemoOperation) {
  const { readOnly, destructive, idempotent } = op.annotations;
  return {
    name: op.name,
    title: op.title,
    description: op.description,
    inputSchema: op.inputSchema,
    ...(op.outputSchema ? { outputSchema: op.outputSchema } : {}),
    annotations: { readOnlyHint: readOnly, destructiveHint: destructive, idempotentHint: idempotent, openWorldHint: true },
  };
}

/** Connection facts a live run would record; the demo cannot connect, so they stand as passed. */
const demoConnectionRules = ["SG-MCP-003", "SG-MCP-005", "SG-MCP-006", "SG-MCP-007", "SG-MCP-008", "SG-MCP-009", "SG-MCP-012"] as const;

/** The report a submitted version gets: the real validation rules over its real operations. */
function checksFor(integration: DemoIntegration, ops: DemoOperation[]): CheckFinding[] {
  if (integration.kind === "MCP_SERVER") {
    return [
      ...checkMcpEndpoint(integration.baseUrl, []),
      ...demoConnectionRules.map((rule) => finding(rule, true)),
      ...checkOperations(ops.map((op) => mcpToolToOperation(mcpTool(op)))),
    ];
  }
  const operations: OperationDefinition[] = ops.map(({ path, since: _since, ...op }) => ({ ...op, url: integration.baseUrl + path }));
  return [
    finding("SG-SKILL-001", operations.length > 0),
    ...operations.flatMap((op) => checkSkillEndpoint(op, []).findings),
    ...checkOperations(operations),
  ];
}

export function buildDemoWorld(options: { seed: number; window: DemoWindow; passwordHash: string }): DemoWorld {
  const { seed, window, passwordHash } = options;
  const id = (kind: string, key: string) => demoId(seed, kind, key);
  const tables = Object.fromEntries(worldTables.map((t) => [t, [] as Row[]])) as Record<WorldTable, Row[]>;
  const setup = windowDay(window, -120);
  const stamp = (at: Date) => ({ createdAt: at, updatedAt: at });

  const userIds: Record<string, string> = {};
  for (const user of demoUsers) {
    userIds[user.email] = id("user", user.email);
    tables.User.push({
      id: userIds[user.email]!,
      email: user.email,
      name: user.name,
      passwordHash,
      platformRole: user.platformRole,
      status: "ACTIVE",
      locale: user.locale,
      sessionVersion: 1,
      passwordChangedAt: setup,
      ...stamp(setup),
    });
  }
  const reviewerId = userIds["reviewer@skillgate.demo"]!;
  const platformAdminId = userIds["admin@skillgate.demo"]!;

  const merchants = demoMerchants.map((m) => ({ ...m, id: id("merchant", m.slug) }));
  const merchantId = (slug: MerchantSlug) => merchants.find((m) => m.slug === slug)!.id;
  const ownerOf = (slug: MerchantSlug) => userIds[demoUsers.find((u) => u.memberships.some((x) => x.merchant === slug && x.role === "OWNER"))!.email]!;
  const developerOf = (slug: MerchantSlug) =>
    userIds[demoUsers.find((u) => u.memberships.some((x) => x.merchant === slug && x.role === "DEVELOPER"))?.email ?? ""] ?? ownerOf(slug);
  for (const m of merchants) tables.Merchant.push({ id: m.id, slug: m.slug, name: m.name, category: m.category, status: "ACTIVE", ...stamp(setup) });
  for (const user of demoUsers) {
    for (const { merchant, role } of user.memberships) {
      tables.Membership.push({ id: id("membership", `${merchant}:${user.email}`), merchantId: merchantId(merchant), userId: userIds[user.email]!, role, ...stamp(setup) });
    }
  }

  const agentIds = {} as Record<AgentSlug, string>;
  for (const agent of demoAgents) {
    agentIds[agent.slug] = id("agent", agent.slug);
    tables.Agent.push({ id: agentIds[agent.slug], slug: agent.slug, name: agent.name, vendor: agent.vendor, verified: agent.verified, isTest: agent.isTest, status: "ACTIVE", ...stamp(setup) });
  }

  const liveVersionLinks: DemoWorld["liveVersionLinks"] = [];
  const orderTargets = Object.fromEntries(merchants.map((m) => [m.slug, [] as OrderTarget[]])) as Record<MerchantSlug, OrderTarget[]>;
  demoIntegrations.forEach((integration, integrationIndex) => {
    const mId = merchantId(integration.merchant);
    const merchant = merchants.find((m) => m.slug === integration.merchant)!;
    const integrationId = id("integration", integration.name);
    const first = versionTimeline(window, integration.versions[0]!.status, integrationIndex);
    tables.Integration.push({
      id: integrationId,
      merchantId: mId,
      kind: integration.kind,
      name: integration.name,
      description: integration.description,
      category: merchant.category,
      visibility: integration.visibility,
      liveVersionId: null,
      createdAt: first.created,
      updatedAt: windowDay(window, 90 - (integrationIndex % 7)),
    });
    if (integration.visibility === "ALLOWLIST") {
      for (const agent of ["aurora", "openclaw"] as const) tables.IntegrationAgentAccess.push({ merchantId: mId, integrationId, agentId: agentIds[agent] });
    }
    let previousVersionId: string | null = null;
    integration.versions.forEach((version, index) => {
      const number = index + 1;
      const versionId = id("version", `${integration.name}:${number}`);
      const t = versionTimeline(window, version.status, integrationIndex);
      const ops = operationsOfVersion(integration, number);
      const author = developerOf(integration.merchant);
      const isMcp = integration.kind === "MCP_SERVER";
      const toolList = isMcp && version.status !== "DRAFT" ? ops.map(mcpTool) : null;
      const toolListHash = toolList ? hashToolList(toolList) : null;
      const updatedAt = [t.created, t.submitted, t.claimed, t.decided, t.live].filter((d): d is Date => d !== null).at(-1)!;
      tables.IntegrationVersion.push({
        id: versionId,
        merchantId: mId,
        integrationId,
        number,
        status: version.status,
        endpointUrl: isMcp ? integration.baseUrl : null,
        transport: isMcp ? "STREAMABLE_HTTP" : null,
        authType: "NONE",
        toolList: toolList ? json(toolList) : null,
        toolListHash,
        serverInfo: toolList ? json({ name: integration.name.toLowerCase().replace(/\s+/g, "-"), version: `1.${number}.0` }) : null,
        capabilities: toolList ? json({ tools: { listChanged: false } }) : null,
        protocolVersion: toolList ? "2025-06-18" : null,
        basedOnVersionId: previousVersionId,
        createdById: author,
        submittedAt: t.submitted,
        submittedNote: t.submitted ? (version.note ?? null) : null,
        claimedById: t.claimed ? reviewerId : null,
        claimedAt: t.claimed,
        decidedAt: t.decided,
        liveAt: t.live,
        createdAt: t.created,
        updatedAt,
      });
      previousVersionId = versionId;
      // A suspended version stays the integration's live version (not offered to agents) until a
      // reviewer reinstates it or another version goes live.
      if (version.status === "LIVE" || version.status === "SUSPENDED") liveVersionLinks.push({ integrationId, liveVersionId: versionId });
      if (version.status === "LIVE") {
        for (const op of ops) {
          if (op.annotations.movesMoney && !op.annotations.destructive) orderTargets[integration.merchant].push({ integrationId, operationName: op.name });
        }
      }
      if (!isMcp) {
        ops.forEach((op, position) => {
          tables.IntegrationOperation.push({
            id: id("operation", `${versionId}:${op.name}`),
            merchantId: mId,
            versionId,
            position,
            name: op.name,
            title: op.title,
            description: op.description,
            inputSchema: json(op.inputSchema),
            outputSchema: op.outputSchema ? json(op.outputSchema) : null,
            httpMethod: op.httpMethod,
            url: integration.baseUrl + op.path,
            readOnly: op.annotations.readOnly ?? null,
            destructive: op.annotations.destructive ?? null,
            idempotent: op.annotations.idempotent ?? null,
            movesMoney: op.annotations.movesMoney ?? null,
            needsConfirmation: op.annotations.needsConfirmation ?? null,
            examplePrompts: op.examplePrompts,
            metadata: null,
          });
        });
      }
      if (t.submitted) {
        const runId = id("checkrun", versionId);
        const checks = checksFor(integration, ops);
        const started = new Date(t.submitted.getTime() - 5 * 60_000);
        const failedAt = (level: CheckLevel) => checks.filter((c) => !c.passed && c.level === level).length;
        const durations = checks.map((_, i) => 120 + ((integrationIndex * 37 + number * 11 + i * 53) % 900));
        tables.CheckRun.push({
          id: runId,
          merchantId: mId,
          versionId,
          status: "SUCCEEDED",
          progress: 100,
          progressLabel: "done",
          errorCount: failedAt("ERROR"),
          warningCount: failedAt("WARNING"),
          infoCount: failedAt("INFO"),
          toolListHash,
          durationMs: durations.reduce((a, b) => a + b, 0),
          failureReason: null,
          trigger: "manual",
          createdById: author,
          startedAt: started,
          finishedAt: new Date(started.getTime() + 4_000),
          createdAt: started,
        });
        checks.forEach((c, position) => {
          tables.CheckResult.push({
            id: id("checkresult", `${runId}:${position}`),
            merchantId: mId,
            checkRunId: runId,
            position,
            ruleId: c.ruleId,
            level: c.level,
            passed: c.passed,
            messageZh: c.message.zh,
            messageEn: c.message.en,
            fixZh: c.passed ? "" : c.fix.zh,
            fixEn: c.passed ? "" : c.fix.en,
            evidence: c.evidence === undefined ? null : json(c.evidence),
            subject: c.subject ?? null,
            durationMs: durations[position]!,
          });
        });
      }
      if (t.decided && decided.has(version.status)) {
        const decision = approved.has(version.status) ? "APPROVED" : version.status;
        tables.Review.push({
          id: id("review", versionId),
          merchantId: mId,
          versionId,
          reviewerId,
          decision,
          reasonCodes: version.reasonCodes ?? [],
          message: version.reviewMessage ?? (decision === "APPROVED" ? "Looks good. / 审核通过。" : ""),
          createdAt: t.decided,
        });
      }
      (version.comments ?? []).forEach((comment, i) => {
        const base = t.claimed ?? t.submitted ?? t.created;
        tables.ReviewComment.push({
          id: id("comment", `${versionId}:${i}`),
          merchantId: mId,
          versionId,
          authorId: comment.side === "REVIEWER" ? reviewerId : author,
          side: comment.side,
          body: comment.body,
          createdAt: new Date(base.getTime() + (i + 1) * 2 * HOUR_MS),
        });
      });
    });
  });

  for (const m of merchants) {
    const policyId = id("policy", m.slug);
    const spec = visibility[m.slug];
    const owner = ownerOf(m.slug);
    const rules = [
      ...spec.pathRules.map(([effect, pattern]) => ({ kind: "PATH", effect, pattern, agentId: null as string | null })),
      ...spec.screenReadDeny.map((agent) => ({ kind: "AGENT_SCREEN_READ", effect: "DENY", pattern: null as string | null, agentId: agentIds[agent] })),
    ];
    tables.VisibilityPolicy.push({ id: policyId, merchantId: m.id, version: 1, screenReadingAllowed: true, dataSharing: spec.dataSharing, updatedById: owner, updatedAt: setup });
    rules.forEach((rule, i) => tables.VisibilityRule.push({ id: id("visrule", `${m.slug}:${i}`), merchantId: m.id, policyId, ...rule, createdAt: setup }));
    tables.VisibilityPolicyRevision.push({
      id: id("visrev", `${m.slug}:1`),
      merchantId: m.id,
      policyId,
      version: 1,
      snapshot: json({ screenReadingAllowed: true, dataSharing: spec.dataSharing, rules }),
      changedById: owner,
      createdAt: setup,
    });
  }

  const rulesByMerchant = {} as Record<MerchantSlug, DemoRule[]>;
  for (const m of merchants) {
    const owner = ownerOf(m.slug);
    rulesByMerchant[m.slug] = revenueRules[m.slug].map((spec, i) => {
      const effectiveFrom = windowDay(window, spec.day);
      // Scheduled a couple of weeks ahead, as the revenue screen requires.
      const createdAt = new Date(effectiveFrom.getTime() - (spec.day === 0 ? 14 : 15) * DAY_MS);
      return {
        id: id("revrule", `${m.slug}:${i}`),
        merchantId: m.id,
        channel: spec.channel,
        agentId: spec.agent ? agentIds[spec.agent] : null,
        rateBps: spec.rateBps,
        fixedFeeFen: spec.fixedFeeFen ?? 0n,
        effectiveFrom,
        cancelledAt: spec.cancelledDay === undefined ? null : windowDay(window, spec.cancelledDay),
        createdAt,
      };
    });
    for (const rule of rulesByMerchant[m.slug]) {
      tables.RevenueShareRule.push({ ...rule, createdById: owner });
      tables.AuditEvent.push({
        merchantId: m.id,
        actorId: owner,
        actorLabel: demoUsers.find((u) => userIds[u.email] === owner)!.email,
        action: "revenueRule.schedule",
        objectType: "RevenueShareRule",
        objectId: rule.id,
        before: null,
        after: json({ channel: rule.channel, agentId: rule.agentId, rateBps: rule.rateBps, fixedFeeFen: rule.fixedFeeFen.toString(), effectiveFrom: rule.effectiveFrom.toISOString() }),
        ip: "127.0.0.1",
        createdAt: rule.createdAt!,
      });
    }
  }

  for (const key of demoApiKeys) {
    tables.ApiKey.push({
      id: id("apikey", key.name),
      kind: key.kind,
      merchantId: key.merchant ? merchantId(key.merchant) : null,
      agentId: key.agent ? agentIds[key.agent] : null,
      name: key.name,
      prefix: apiKeyPrefix(key.secret),
      hash: hashApiKeySecret(key.secret),
      scopes: key.scopes,
      lastUsedAt: null,
      revokedAt: null,
      createdById: key.merchant ? ownerOf(key.merchant) : platformAdminId,
      createdAt: setup,
    });
  }
  tables.AuditEvent.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime());

  return { seed, window, tables, liveVersionLinks, merchants, agentIds, userIds, rulesByMerchant, orderTargets };
}

