"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { ActionError, actorOf, platformAction } from "@/lib/auth/action";
import { closeStatement, StatementError } from "@/lib/data/statements";
import { periodSchema } from "@/lib/validation/revenue";
import { recordId } from "@/lib/validation/record-id";

const closeSchema = periodSchema.extend({ merchantId: recordId() });

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
