"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionError, actorOf, platformAction } from "@/lib/auth/action";
import { closeStatement, StatementError } from "@/lib/data/statements";
import { periodSchema } from "@/lib/validation/revenue";

const closeSchema = periodSchema.extend({ merchantId: z.string({ error: "revenue.validation.period" }).min(1).max(64) });

/** A platform admin closes a merchant's ended month ahead of the monthly job. */
export const closeStatementAction = platformAction("admin:statements", closeSchema, async ({ merchantId, period }, user) => {
  const actor = await actorOf(user);
  await closeStatement({ merchantId, period, actor: { id: actor.userId, label: actor.email, ip: actor.ip } }).catch((error: unknown) => {
    if (error instanceof StatementError) throw new ActionError(`revenue.errors.${error.code}`);
    throw error;
  });
  revalidatePath("/admin/statements");
  const t = await getTranslations("revenue.admin");
  return { ok: true as const, message: t("closed", { period }) };
});
