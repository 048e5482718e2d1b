"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { actorOf, merchantAction, type ActionResult } from "@/lib/auth/action";
import { recheckIntegration } from "@/lib/drift/recheck";
import { merchantHref } from "@/lib/navigation";
import { recordId } from "@/lib/validation/record-id";

const recheckSchema = z.object({ integrationId: recordId() });

export const recheckDriftAction = merchantAction(
  "integrations:write",
  recheckSchema,
  async ({ integrationId }, ctx): Promise<ActionResult<{ message: string }>> => {
  const result = await recheckIntegration({ integrationId, merchantId: ctx.merchant.id, actor: await actorOf(ctx.user) });
  const t = await getTranslations("drift.result");
  revalidatePath(`${merchantHref(ctx.merchant.slug, "integrations")}/${encodeURIComponent(integrationId)}`);
  switch (result.status) {
    case "notFound":
    case "notLive":
      return { ok: false, error: t(result.status) };
    case "unreachable":
      return { ok: false, error: t("unreachable", { message: result.message }) };
    case "checked": {
      const outcome = result.record.outcome;
      const key = outcome === "flagged" && result.record.suspended ? "flaggedSuspended" : outcome;
      return { ok: true, message: t(key) };
    }
  }
  },
);
