// Revenue-share rule versions: what a merchant sees (current, scheduled, past, cancelled) and what
// may change. Pure. Versions are append-only: a version that has taken effect is never edited; a
// change is a new version effective from an Asia/Shanghai date that is today or later; a version
// that has not started yet may be cancelled.
import { isCalendarDate, shanghaiDateOf, shanghaiDayStart } from "../attribution/shanghai-time";
import type { Channel } from "../generated/prisma/enums";
import { pickRuleVersion, type RuleVersion } from "./fee";

export const MAX_RATE_BPS = 10_000;
/** ¥10,000 per order: far above any real fixed fee, far below bigint trouble. */
export const MAX_FIXED_FEE_FEN = 1_000_000n;

export type RuleState = "current" | "scheduled" | "past" | "cancelled";

/** The state of each version: per scope (channel + agent), the one in effect now is "current". */
export function ruleStates<R extends RuleVersion>(rules: readonly R[], now: Date): Map<string, RuleState> {
  const out = new Map<string, RuleState>();
  const scopes = new Map<string, R[]>();
  for (const rule of rules) {
    const key = `${rule.channel}\u0001${rule.agentId ?? ""}`;
    scopes.set(key, [...(scopes.get(key) ?? []), rule]);
  }
  for (const scoped of scopes.values()) {
    // Within one scope, asking for the scope's own agent gives that scope's version in effect.
    const inEffect = pickRuleVersion(scoped, { channel: scoped[0]!.channel, agentId: scoped[0]!.agentId, at: now });
    for (const rule of scoped) {
      if (rule.cancelledAt) out.set(rule.id, "cancelled");
      else if (rule.effectiveFrom.getTime() > now.getTime()) out.set(rule.id, "scheduled");
      else out.set(rule.id, rule.id === inEffect?.id ? "current" : "past");
    }
  }
  return out;
}

/** A version may be cancelled while it has not started and is not cancelled already. */
export function canCancel(rule: Pick<RuleVersion, "effectiveFrom" | "cancelledAt">, now: Date): boolean {
  return rule.cancelledAt === null && rule.effectiveFrom.getTime() > now.getTime();
}

/** "3.5" (percent, at most two decimals, 0–100) → 350 basis points; null when not valid. */
export function parsePercentToBps(text: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const bps = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return bps <= MAX_RATE_BPS ? bps : null;
}

/** 350 → "3.5" (for form defaults and audit text); exact, by integer arithmetic. */
export function bpsToPercentText(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const rest = bps % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, "0").replace(/0$/, "")}`;
}

export type EffectiveDateCheck = { ok: true; effectiveFrom: Date } | { ok: false; reason: "invalid" | "past" };

/** The instant an Asia/Shanghai date starts, if it is today or later in Shanghai. */
export function checkEffectiveDate(date: string, now: Date): EffectiveDateCheck {
  if (!isCalendarDate(date)) return { ok: false, reason: "invalid" };
  if (date < shanghaiDateOf(now)) return { ok: false, reason: "past" };
  return { ok: true, effectiveFrom: shanghaiDayStart(date) };
}

export type RuleScope = { channel: Channel; agentId: string | null };

/** ORGANIC orders have no agent, so an ORGANIC rule cannot be an agent override. */
export function scopeIsValid(scope: RuleScope): boolean {
  return !(scope.channel === "ORGANIC" && scope.agentId !== null);
}
