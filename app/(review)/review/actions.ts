"use server";

import { revalidatePath } from "next/cache";
import { ActionError, actorOf, platformAction } from "@/lib/auth/action";
import { findVersionForSuspension } from "@/lib/data/review-queue";
import { addComment, claimVersion, decideVersion, reinstateVersion, releaseVersion } from "@/lib/data/reviews";
import { suspendLiveVersion } from "@/lib/data/version-transitions";
import { refuseReview } from "@/lib/review/action-errors";
import { commentSchema, decideSchema, reinstateSchema, reviewVersionSchema, suspendSchema } from "@/lib/validation/review";

// The reviewer console's actions. Authorization: review:decide (platformAction); who holds the
// claim and which transitions are legal is enforced in lib/data/reviews.ts.

function refresh(versionId: string) {
  revalidatePath("/review");
  revalidatePath(`/review/${encodeURIComponent(versionId)}`);
  revalidatePath("/review/history");
}

export const claimAction = platformAction("review:decide", reviewVersionSchema, async ({ versionId }, user) => {
  await claimVersion({ reviewer: await actorOf(user), versionId }).catch(refuseReview);
  refresh(versionId);
  return { ok: true, message: "claimed" };
});

export const releaseAction = platformAction("review:decide", reviewVersionSchema, async ({ versionId }, user) => {
  await releaseVersion({ reviewer: await actorOf(user), versionId }).catch(refuseReview);
  refresh(versionId);
  return { ok: true, message: "released" };
});

export const decideAction = platformAction("review:decide", decideSchema, async (input, user) => {
  await decideVersion({ reviewer: await actorOf(user), ...input }).catch(refuseReview);
  refresh(input.versionId);
  return { ok: true, message: input.decision as string };
});

export const reviewerCommentAction = platformAction("review:decide", commentSchema, async (input, user) => {
  await addComment({ side: "REVIEWER", actor: await actorOf(user), versionId: input.versionId, body: input.body }).catch(refuseReview);
  refresh(input.versionId);
  return { ok: true, message: "commented" };
});

export const reinstateAction = platformAction("review:decide", reinstateSchema, async (input, user) => {
  await reinstateVersion({ reviewer: await actorOf(user), versionId: input.versionId, message: input.message }).catch(refuseReview);
  refresh(input.versionId);
  return { ok: true, message: "reinstated" };
});

/** An admin takes a live version out (LIVE → SUSPENDED); a reviewer reinstates it after review. */
export const suspendAction = platformAction("admin:suspend", suspendSchema, async (input, user) => {
  const version = await findVersionForSuspension({ versionId: input.versionId });
  if (!version) throw new ActionError("review.errors.notFound");
  await suspendLiveVersion({ merchantId: version.merchantId, integrationId: version.integrationId, by: { as: "admin", actor: await actorOf(user) }, reason: input.reason }).catch(refuseReview);
  refresh(input.versionId);
  return { ok: true, message: "suspended" };
});
