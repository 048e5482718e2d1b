"use server";

import { revalidatePath } from "next/cache";
import { actorOf, platformAction } from "@/lib/auth/action";
import { addComment, claimVersion, decideVersion, reinstateVersion, releaseVersion } from "@/lib/data/reviews";
import { refuseReview } from "@/lib/review/action-errors";
import { commentSchema, decideSchema, reinstateSchema, reviewVersionSchema } from "@/lib/validation/review";

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
