// The values of each attribution dimension that always show (zero or not), and which channels
// count as AI. Agent and integration keys are ids ("" = none) and come from the data.
import type { Channel, PaymentMethod } from "@/lib/generated/prisma/enums";
import type { GroupBy } from "./view";

export const channels = ["ORGANIC", "AI_SKILL", "AI_SCREEN_READ"] as const satisfies readonly Channel[];
export const aiChannels: readonly Channel[] = ["AI_SKILL", "AI_SCREEN_READ"];
export const paymentMethods = ["STANDARD", "AI_WALLET", "TOKEN_PAY"] as const satisfies readonly PaymentMethod[];

/** Keys listed even without orders, in display order. */
export function fixedKeysFor(groupBy: GroupBy): readonly string[] {
  if (groupBy === "channel") return channels;
  if (groupBy === "payment_method") return paymentMethods;
  return [];
}

/** The key that means "no agent" / "no integration" in rollups (organic orders, say). */
export const noneKey = "";
