import { noneKey } from "@/lib/attribution/dimensions";
import type { GroupBy } from "@/lib/attribution/view";

type T = (key: string) => string;

/** A group key as people read it: catalogue names for channels and payment methods, names for ids. */
export function keyLabel(t: T, groupBy: GroupBy, key: string, names: Map<string, string> = new Map()): string {
  if (groupBy === "channel") return t(`channel.${key}`);
  if (groupBy === "payment_method") return t(`paymentMethod.${key}`);
  if (key === noneKey) return t(groupBy === "agent" ? "noAgent" : "noIntegration");
  return names.get(key) ?? key;
}
