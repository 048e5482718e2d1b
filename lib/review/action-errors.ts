import "server-only";
import { getTranslations } from "next-intl/server";
import { ActionError } from "@/lib/auth/action";
import { ReviewError } from "./errors";
import { IllegalTransitionError } from "./state-machine";

/**
 * Turns a refusal of the review workflow into an ActionError the form shows: an illegal
 * transition names the version's status and what is allowed from it (the 409 of the API).
 */
export async function refuseReview(error: unknown): Promise<never> {
  if (error instanceof ReviewError) throw new ActionError(`review.errors.${error.code}`);
  if (error instanceof IllegalTransitionError) {
    const t = await getTranslations("review");
    const allowed = error.allowed.map((event) => t(`events.${event}`)).join(t("listSeparator"));
    throw new ActionError(
      t("errors.illegalTransition", { event: t(`events.${error.event}`), status: t(`status.${error.from}`), allowed: allowed || t("errors.nothingAllowed") }),
    );
  }
  throw error;
}
