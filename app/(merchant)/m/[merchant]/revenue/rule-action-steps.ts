import "server-only";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { addDays, shanghaiDayStart } from "@/lib/attribution/shanghai-time";
import { ActionError } from "@/lib/auth/action";
import { listAgents } from "@/lib/data/agents";
import { getRevenuePreview } from "@/lib/data/revenue-preview";
import { cancelRevenueRule, RevenueRuleError, scheduleRevenueRule } from "@/lib/data/revenue-rules";
import type { Actor } from "@/lib/data/users";
import type { PreviewRuleInput, ScheduleRuleInput } from "@/lib/validation/revenue";
import type { PreviewResult } from "./_components/preview-types";

// What the rule actions do once the caller is authorized: shared by the merchant's own actions
// (./actions.ts, merchant OWNER/ADMIN) and the platform admin's (app/(admin)/admin/revenue).

type Merchant = { id: string; slug: string };

/** Refusals from the data layer become messages (on the field they concern); anything else is a real failure. */
function refused(error: unknown): never {
  if (error instanceof RevenueRuleError) {
    const key = `revenue.errors.${error.code}`;
    const field = error.code === "pastDate" || error.code === "invalidDate" || error.code === "sameDate" ? "effectiveDate" : error.code === "agentNotFound" || error.code === "organicOverride" ? "agentId" : null;
    throw new ActionError(key, field ? { [field]: [key] } : undefined);
  }
  throw error;
}

export async function previewStep(input: PreviewRuleInput, merchant: Merchant) {
  const agents = await listAgents();
  if (input.agentId && !agents.some((a) => a.id === input.agentId)) throw new ActionError("revenue.errors.agentNotFound", { agentId: ["revenue.errors.agentNotFound"] });
  const preview = await getRevenuePreview({
    merchantId: merchant.id,
    start: shanghaiDayStart(input.from),
    end: shanghaiDayStart(addDays(input.to, 1)),
    rule: { channel: input.channel, agentId: input.agentId, rateBps: input.rateBps, fixedFeeFen: input.fixedFeeFen },
  });
  const names = new Map(agents.map((a) => [a.id, a.name]));
  const text = (f: { orders: bigint; grossFen: bigint; actualFen: bigint; proposedFen: bigint }) => ({ orders: f.orders.toString(), grossFen: f.grossFen.toString(), actualFen: f.actualFen.toString(), proposedFen: f.proposedFen.toString() });
  const result: PreviewResult = {
    from: input.from,
    to: input.to,
    totals: text(preview.totals),
    lines: preview.lines.map((l) => ({ channel: l.channel, agentId: l.agentId, agentName: l.agentId ? (names.get(l.agentId) ?? l.agentId) : "", ...text(l) })),
  };
  return { ok: true as const, preview: result };
}

export async function scheduleStep(input: ScheduleRuleInput, merchant: Merchant, actor: Actor, revalidate: string) {
  const rule = await scheduleRevenueRule({ merchantId: merchant.id, actor, ...input }).catch(refused);
  revalidatePath(revalidate);
  const t = await getTranslations("revenue.saved");
  return { ok: true as const, message: t("scheduled", { date: input.effectiveDate }), ruleId: rule.id };
}

export async function cancelStep(ruleId: string, merchant: Merchant, actor: Actor, revalidate: string) {
  await cancelRevenueRule({ merchantId: merchant.id, actor, ruleId }).catch(refused);
  revalidatePath(revalidate);
  const t = await getTranslations("revenue.saved");
  return { ok: true as const, message: t("cancelled") };
}
