"use server";

import { getTranslations } from "next-intl/server";
import { ActionError, actorOf, merchantAction } from "@/lib/auth/action";
import { StatementError, verifyStatement } from "@/lib/data/statements";
import { merchantHref } from "@/lib/navigation";
import { periodSchema, previewRuleSchema, ruleIdSchema, scheduleRuleSchema } from "@/lib/validation/revenue";
import { cancelStep, previewStep, scheduleStep } from "./rule-action-steps";

export const previewRevenueRuleAction = merchantAction("revenue:read", previewRuleSchema, async (input, ctx) => previewStep(input, ctx.merchant));

export const scheduleRevenueRuleAction = merchantAction("revenue:manage", scheduleRuleSchema, async (input, ctx) =>
  scheduleStep(input, ctx.merchant, await actorOf(ctx.user), merchantHref(ctx.merchant.slug, "revenue")),
);

export const cancelRevenueRuleAction = merchantAction("revenue:manage", ruleIdSchema, async ({ ruleId }, ctx) =>
  cancelStep(ruleId, ctx.merchant, await actorOf(ctx.user), merchantHref(ctx.merchant.slug, "revenue")),
);

export const verifyStatementAction = merchantAction("statements:read", periodSchema, async ({ period }, ctx) => {
  const result = await verifyStatement({ merchantId: ctx.merchant.id, period }).catch((error: unknown) => {
    if (error instanceof StatementError) throw new ActionError(`revenue.errors.${error.code}`);
    throw error;
  });
  const t = await getTranslations("statements.verify");
  return { ok: true as const, message: result.matches ? t("matches") : t("differs", { count: result.differences.length }), matches: result.matches, differences: result.differences.slice(0, 20).map((d) => ({ where: d.where, field: d.field, stored: d.stored.toString(), recomputed: d.recomputed.toString() })) };
});
