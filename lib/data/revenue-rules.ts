import "server-only";
import { db } from "@/lib/db";
import type { Channel } from "@/lib/generated/prisma/enums";
import { canCancel, checkEffectiveDate, ruleStates, scopeIsValid, type RuleState } from "@/lib/revenue/rules";
import { recordAudit } from "./audit";
import { invalidateRevenueRules } from "./ingest-revenue-rules";
import type { Actor } from "./users";

// A merchant's revenue-share rule versions: the page's list and the two changes it allows. Both
// changes are one transaction with their audit event; afterwards the ingest rule cache of this
// instance is dropped (other instances refresh within its TTL, lib/data/ingest-revenue-rules.ts),
// so the next order ingested is priced with the new versions.

export class RevenueRuleError extends Error {
  constructor(readonly code: "pastDate" | "invalidDate" | "organicOverride" | "agentNotFound" | "sameDate" | "ruleNotFound" | "alreadyStarted" | "alreadyCancelled") {
    super(code);
    this.name = "RevenueRuleError";
  }
}

export type RevenueRuleItem = {
  id: string;
  channel: Channel;
  agentId: string | null;
  agentName: string | null;
  rateBps: number;
  fixedFeeFen: bigint;
  effectiveFrom: Date;
  cancelledAt: Date | null;
  createdAt: Date;
  createdBy: string | null;
  state: RuleState;
  cancellable: boolean;
};

export async function listRevenueRules({ merchantId, now = new Date() }: { merchantId: string; now?: Date }): Promise<RevenueRuleItem[]> {
  const rules = await db.revenueShareRule.findMany({ where: { merchantId }, orderBy: [{ effectiveFrom: "desc" }, { createdAt: "desc" }] });
  const agentIds = [...new Set(rules.flatMap((r) => (r.agentId ? [r.agentId] : [])))];
  const userIds = [...new Set(rules.flatMap((r) => (r.createdById ? [r.createdById] : [])))];
  const [agents, users] = await Promise.all([
    agentIds.length ? db.agent.findMany({ where: { id: { in: agentIds } }, select: { id: true, name: true } }) : [],
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }) : [],
  ]);
  const agentName = new Map(agents.map((a) => [a.id, a.name]));
  const userEmail = new Map(users.map((u) => [u.id, u.email]));
  const states = ruleStates(rules, now);
  return rules.map((r) => ({
    id: r.id,
    channel: r.channel,
    agentId: r.agentId,
    agentName: r.agentId ? (agentName.get(r.agentId) ?? r.agentId) : null,
    rateBps: r.rateBps,
    fixedFeeFen: r.fixedFeeFen,
    effectiveFrom: r.effectiveFrom,
    cancelledAt: r.cancelledAt,
    createdAt: r.createdAt,
    createdBy: r.createdById ? (userEmail.get(r.createdById) ?? null) : null,
    state: states.get(r.id)!,
    cancellable: canCancel(r, now),
  }));
}

export type NewRevenueRule = {
  merchantId: string;
  actor: Actor;
  channel: Channel;
  agentId: string | null;
  rateBps: number;
  fixedFeeFen: bigint;
  /** Asia/Shanghai calendar date, YYYY-MM-DD: today or later. */
  effectiveDate: string;
  now?: Date;
};

/** Appends a version effective from the start of `effectiveDate` in Asia/Shanghai. */
export async function scheduleRevenueRule(input: NewRevenueRule): Promise<{ id: string; effectiveFrom: Date }> {
  const { merchantId, actor, channel, agentId, rateBps, fixedFeeFen } = input;
  const date = checkEffectiveDate(input.effectiveDate, input.now ?? new Date());
  if (!date.ok) throw new RevenueRuleError(date.reason === "past" ? "pastDate" : "invalidDate");
  if (!scopeIsValid({ channel, agentId })) throw new RevenueRuleError("organicOverride");
  if (agentId && !(await db.agent.findUnique({ where: { id: agentId }, select: { id: true } }))) throw new RevenueRuleError("agentNotFound");
  const { effectiveFrom } = date;

  const created = await db.$transaction(async (tx) => {
    // Serialize changes of one merchant's rules (the row lock on the merchant), so two people
    // cannot schedule the same scope and date at once.
    await tx.$queryRaw`SELECT 1 FROM "Merchant" WHERE "id" = ${merchantId} FOR UPDATE`;
    const clash = await tx.revenueShareRule.findFirst({ where: { merchantId, channel, agentId, effectiveFrom, cancelledAt: null }, select: { id: true } });
    if (clash) throw new RevenueRuleError("sameDate");
    const rule = await tx.revenueShareRule.create({
      data: { merchantId, channel, agentId, rateBps, fixedFeeFen, effectiveFrom, createdById: actor.userId },
      select: { id: true, effectiveFrom: true },
    });
    await recordAudit(
      {
        merchantId,
        actor: { id: actor.userId, label: actor.email, ip: actor.ip },
        action: "revenueRule.schedule",
        objectType: "RevenueShareRule",
        objectId: rule.id,
        after: { channel, agentId, rateBps, fixedFeeFen, effectiveFrom: effectiveFrom.toISOString() },
      },
      tx,
    );
    return rule;
  });
  invalidateRevenueRules(merchantId);
  return created;
}

/** Cancels a version that has not started yet. */
export async function cancelRevenueRule({ merchantId, actor, ruleId, now = new Date() }: { merchantId: string; actor: Actor; ruleId: string; now?: Date }): Promise<void> {
  await db.$transaction(async (tx) => {
    const rule = await tx.revenueShareRule.findFirst({ where: { id: ruleId, merchantId } });
    if (!rule) throw new RevenueRuleError("ruleNotFound");
    if (rule.cancelledAt) throw new RevenueRuleError("alreadyCancelled");
    if (!canCancel(rule, now)) throw new RevenueRuleError("alreadyStarted");
    // Conditional on the state just checked: a version that started meanwhile is not touched.
    const { count } = await tx.revenueShareRule.updateMany({ where: { id: ruleId, merchantId, cancelledAt: null, effectiveFrom: { gt: now } }, data: { cancelledAt: now } });
    if (count !== 1) throw new RevenueRuleError("alreadyStarted");
    await recordAudit(
      {
        merchantId,
        actor: { id: actor.userId, label: actor.email, ip: actor.ip },
        action: "revenueRule.cancel",
        objectType: "RevenueShareRule",
        objectId: ruleId,
        before: { cancelledAt: null },
        after: { cancelledAt: now.toISOString(), channel: rule.channel, agentId: rule.agentId, rateBps: rule.rateBps, effectiveFrom: rule.effectiveFrom.toISOString() },
      },
      tx,
    );
  });
  invalidateRevenueRules(merchantId);
}

/** For the platform admin's pages, which are not scoped by a membership. */
export async function findMerchantBySlug(slug: string): Promise<{ id: string; slug: string; name: string } | null> {
  return db.merchant.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
}

export async function listMerchantsForRevenue() {
  const [merchants, counts] = await Promise.all([
    db.merchant.findMany({ orderBy: { name: "asc" }, select: { id: true, slug: true, name: true } }),
    db.revenueShareRule.groupBy({ by: ["merchantId"], _count: { _all: true } }),
  ]);
  const byMerchant = new Map(counts.map((c) => [c.merchantId, c._count._all]));
  return merchants.map((m) => ({ ...m, rules: byMerchant.get(m.id) ?? 0 }));
}
