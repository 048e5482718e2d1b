"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { ActionError, actorOf, merchantAction } from "@/lib/auth/action";
import type { MerchantContext } from "@/lib/auth/session";
import {
  addAgentRule,
  addPathRule,
  findAgentById,
  getPolicySnapshot,
  removeRule,
  setIntegrationVisibility,
  updateSettings,
  VisibilityError,
} from "@/lib/data/visibility";
import { merchantHref } from "@/lib/navigation";
import { compilePolicy } from "@/lib/policy/compile";
import { decide } from "@/lib/policy/decide";
import { decisionBody, toDecisionRequest, type DecisionBody } from "@/lib/policy-runtime/decision-request";
import { invalidatePolicy } from "@/lib/policy-runtime/policy-runtime";
import { agentRuleInputSchema, integrationVisibilitySchema, pathRuleInputSchema, policySettingsSchema } from "@/lib/validation/policy";
import { removeRuleSchema, simulateDecisionSchema } from "@/lib/validation/visibility-forms";

/** Refusals from the data layer become messages; anything else is a real failure. */
function refused(error: unknown): never {
  if (error instanceof VisibilityError) throw new ActionError(`visibility.errors.${error.code}`);
  throw error;
}

/**
 * After a committed change: this process's decision cache forgets the merchant at once (so the
 * decision API denies on the next request); other instances follow within a second.
 */
async function changed(ctx: MerchantContext, messageKey: string, version: number) {
  invalidatePolicy(ctx.merchant.id);
  revalidatePath(merchantHref(ctx.merchant.slug, "visibility"));
  const t = await getTranslations("visibility.saved");
  return { ok: true as const, message: t(messageKey, { version }) };
}

export const updateSettingsAction = merchantAction("visibility:manage", policySettingsSchema, async (input, ctx) => {
  const { version } = await updateSettings({ merchantId: ctx.merchant.id, actor: await actorOf(ctx.user), ...input }).catch(refused);
  return changed(ctx, "settings", version);
});

export const addPathRuleAction = merchantAction("visibility:manage", pathRuleInputSchema, async (input, ctx) => {
  const { version } = await addPathRule({ merchantId: ctx.merchant.id, actor: await actorOf(ctx.user), ...input }).catch(refused);
  return changed(ctx, "ruleAdded", version);
});

export const addAgentRuleAction = merchantAction("visibility:manage", agentRuleInputSchema, async (input, ctx) => {
  const { version } = await addAgentRule({ merchantId: ctx.merchant.id, actor: await actorOf(ctx.user), ...input }).catch(refused);
  return changed(ctx, "ruleAdded", version);
});

export const removeRuleAction = merchantAction("visibility:manage", removeRuleSchema, async ({ ruleId }, ctx) => {
  const { version } = await removeRule({ merchantId: ctx.merchant.id, actor: await actorOf(ctx.user), ruleId }).catch(refused);
  return changed(ctx, "ruleRemoved", version);
});

export const setIntegrationVisibilityAction = merchantAction("visibility:manage", integrationVisibilitySchema, async (input, ctx) => {
  const { version } = await setIntegrationVisibility({ merchantId: ctx.merchant.id, actor: await actorOf(ctx.user), ...input }).catch(refused);
  return changed(ctx, "integration", version);
});

/**
 * "Would agent X be allowed to …?" — the decision API's engine on the same snapshot loader, read
 * fresh (not from a cache), so the page shows what the stored policy says right now.
 */
export const simulateDecisionAction = merchantAction<typeof simulateDecisionSchema, { decision: DecisionBody }>(
  "visibility:read",
  simulateDecisionSchema,
  async (question, ctx) => {
    const [agent, snapshot] = await Promise.all([findAgentById({ id: question.agentId }), getPolicySnapshot({ merchantId: ctx.merchant.id })]);
    if (!agent) throw new ActionError("visibility.errors.agentNotFound");
    if (agent.status !== "ACTIVE") throw new ActionError("visibility.errors.agentDisabled");
    if (!snapshot) throw new ActionError("auth.errors.notFound");
    const decision = decide(compilePolicy(snapshot), toDecisionRequest(question, { id: agent.id, isTest: agent.isTest }));
    return { ok: true, decision: decisionBody(decision, ctx.merchant.slug, agent.slug) };
  },
);
