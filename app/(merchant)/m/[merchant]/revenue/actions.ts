"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { shanghaiDayStart, addDays } from "@/lib/attribution/shanghai-time";
import { ActionError, actorOf, merchantAction } from "@/lib/auth/action";
import { listAgents } from "@/lib/data/agents";
import { getRevenuePreview } from "@/lib/data/revenue-preview";
import { cancelRevenueRule, RevenueRuleError, scheduleRevenueRule } from "@/lib/data/revenue-rules";
import { StatementError, verifyStatement } from "@/lib/data/statements";
import { merchantHref } from "@/lib/navigation";
import { periodSchema, previewRuleSchema, ruleIdSchema, scheduleRuleSchema } from "@/lib/validation/revenue";
import type { PreviewResult } from "./_components/preview-types";

/** Refusals from the data layer become messages (on the field they concern); anything else is a real failure. */
function refused(error: unknown): never {
  if (error instanceof RevenueRuleError) {
    const key = `revenue.errors.${error.code}`;
    const field = error.code === "pastDate" || error.code === "invalidDate" || error.code === "sameDate" ? "effectiveDate" : error.code === "agentNotFound" || error.code === "organicOverride" ? "agentId" : null;
    throw new ActionError(key, field ? { [field]: [key] } : undefined);
  }
  throw error;
}

async function agentIsKnown(agentId: string | null) {
  if (!agentId) return true;
  return (await listAgents()).some((a) => a.id === agentId);
}

export const previewRevenueRuleAction = merchantAction("revenue:read", previewRuleSchema, async (input, ctx) => {
  if (!(await agentIsKnown(input.agentId))) throw new ActionError("revenue.errors.agentNotFound", { agentId: ["revenue.errors.agentNotFound"] });
  const preview = await getRevenuePreview({
    merchantId: ctx.merchant.id,
    start: shanghaiDayStart(input.from),
    end: shanghaiDayStart(addDays(input.to, 1)),
    rule: { channel: input.channel, agentId: input.agentId, rateBps: input.rateBps, fixedFeeFen: input.fixedFeeFen },
  });
  const names = new Map((await listAgents()).map((a) => [a.id, a.name]));
  const text = (f: { orders: bigint; grossFen: bigint; actualFen: bigint; proposedFen: bigint }) => ({ orders: f.orders.toString(), grossFen: f.grossFen.toString(), actualFen: f.actualFen.toString(), proposedFen: f.proposedFen.toString() });
  const result: PreviewResult = {
    from: input.from,
    to: input.to,
    totals: text(preview.totals),
    lines: preview.lines.map((l) => ({ channel: l.channel, agentId: l.agentId, agentName: l.agentId ? (names.get(l.agentId) ?? l.agentId) : "", ...text(l) })),
  };
  return { ok: true as const, preview: result };
});

export const scheduleRevenueRuleAction = merchantAction("revenue:manage", scheduleRuleSchema, async (input, ctx) => {
  const rule = await scheduleRevenueRule({ merchantId: ctx.merchant.id, actor: await actorOf(ctx.user), ...input }).catch(refused);
  revalidatePath(merchantHref(ctx.merchant.slug, "revenue"));
  const t = await getTranslations("revenue.saved");
  return { ok: true as const, message: t("scheduled", { date: input.effectiveDate }), ruleId: rule.id };
});

export const cancelRevenueRuleAction = merchantAction("revenue:manage", ruleIdSchema, async ({ ruleId }, ctx) => {
  await cancelRevenueRule({ merchantId: ctx.merchant.id, actor: await actorOf(ctx.user), ruleId }).catch(refused);
  revalidatePath(merchantHref(ctx.merchant.slug, "revenue"));
  const t = await getTranslations("revenue.saved");
  return { ok: true as const, message: t("cancelled") };
});

export const verifyStatementAction = merchantAction("statements:read", periodSchema, async ({ period }, ctx) => {
  const result = await verifyStatement({ merchantId: ctx.merchant.id, period }).catch((error: unknown) => {
    if (error instanceof StatementError) throw new ActionError(`revenue.errors.${error.code}`);
    throw error;
  });
  const t = await getTranslations("statements.verify");
  return { ok: true as const, message: result.matches ? t("matches") : t("differs", { count: result.differences.length }), matches: result.matches, differences: result.differences.slice(0, 20).map((d) => ({ where: d.where, field: d.field, stored: d.stored.toString(), recomputed: d.recomputed.toString() })) };
});
