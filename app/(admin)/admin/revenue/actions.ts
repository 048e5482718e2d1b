"use server";

import { ActionError, actorOf, platformAction } from "@/lib/auth/action";
import { findMerchantBySlug } from "@/lib/data/revenue-rules";
import { previewRuleSchema, ruleIdSchema, scheduleRuleSchema } from "@/lib/validation/revenue";
import { cancelStep, previewStep, scheduleStep } from "@/app/(merchant)/m/[merchant]/revenue/rule-action-steps";

// The platform admin's side of the rules (the platform is a party to the agreement): the same
// steps as the merchant's own actions, authorized by the admin:revenue platform permission; the
// merchant is named by the form's `merchant` slug.

async function merchantOf(formData: FormData) {
  const slug = formData.get("merchant");
  const merchant = typeof slug === "string" && slug ? await findMerchantBySlug(slug) : null;
  if (!merchant) throw new ActionError("auth.errors.notFound");
  return merchant;
}

const here = (slug: string) => `/admin/revenue/${encodeURIComponent(slug)}`;

export const adminPreviewRevenueRuleAction = platformAction("admin:revenue", previewRuleSchema, async (input, _user, formData) => previewStep(input, await merchantOf(formData)));

export const adminScheduleRevenueRuleAction = platformAction("admin:revenue", scheduleRuleSchema, async (input, user, formData) => {
  const merchant = await merchantOf(formData);
  return scheduleStep(input, merchant, await actorOf(user), here(merchant.slug));
});

export const adminCancelRevenueRuleAction = platformAction("admin:revenue", ruleIdSchema, async ({ ruleId }, user, formData) => {
  const merchant = await merchantOf(formData);
  return cancelStep(ruleId, merchant, await actorOf(user), here(merchant.slug));
});
