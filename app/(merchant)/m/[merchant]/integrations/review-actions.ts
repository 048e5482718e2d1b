"use server";

import { revalidatePath } from "next/cache";
import { actorOf, merchantAction } from "@/lib/auth/action";
import type { MerchantContext } from "@/lib/auth/session";
import { addComment, rollbackToVersion, submitVersion, withdrawVersion } from "@/lib/data/reviews";
import { merchantHref } from "@/lib/navigation";
import { refuseReview } from "@/lib/review/action-errors";
import { commentSchema, rollbackSchema, submitVersionSchema, versionActionSchema } from "@/lib/validation/review";

// The merchant's side of the review workflow. Authorization: integrations:write (merchantAction);
// tenancy and the state machine are enforced in lib/data/reviews.ts.

const integrationHref = (ctx: MerchantContext, integrationId: string) => `${merchantHref(ctx.merchant.slug, "integrations")}/${encodeURIComponent(integrationId)}`;

function refresh(ctx: MerchantContext, integrationId: string) {
  revalidatePath(integrationHref(ctx, integrationId));
  revalidatePath(merchantHref(ctx.merchant.slug, "integrations"));
}

export const submitVersionAction = merchantAction("integrations:write", submitVersionSchema, async (input, ctx) => {
  await submitVersion({ merchantId: ctx.merchant.id, actor: await actorOf(ctx.user), versionId: input.versionId, note: input.note }).catch(refuseReview);
  refresh(ctx, input.integrationId);
  return { ok: true, message: "submitted" };
});

export const withdrawVersionAction = merchantAction("integrations:write", versionActionSchema, async (input, ctx) => {
  await withdrawVersion({ merchantId: ctx.merchant.id, actor: await actorOf(ctx.user), versionId: input.versionId }).catch(refuseReview);
  refresh(ctx, input.integrationId);
  return { ok: true, message: "withdrawn" };
});

export const rollbackAction = merchantAction("integrations:write", rollbackSchema, async (input, ctx) => {
  const result = await rollbackToVersion({ merchantId: ctx.merchant.id, actor: await actorOf(ctx.user), versionId: input.versionId, note: input.note }).catch(refuseReview);
  refresh(ctx, input.integrationId);
  return { ok: true, message: result.mode === "immediate" ? "rolledBack" : "rollbackInReview" };
});

export const merchantCommentAction = merchantAction("integrations:write", commentSchema, async (input, ctx) => {
  await addComment({ side: "MERCHANT", actor: await actorOf(ctx.user), merchantId: ctx.merchant.id, versionId: input.versionId, body: input.body }).catch(refuseReview);
  if (input.integrationId) refresh(ctx, input.integrationId);
  return { ok: true, message: "commented" };
});
