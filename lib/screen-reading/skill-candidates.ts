// Which screen-read flows to turn into a Skill first. A failed session on a path is an order the
// agent could not place there ("orders lost"); each is worth the merchant's average screen-read
// order value (AOV = screen-read GMV / screen-read orders in the same period). Ranked by
// lost value = orders lost × AOV, computed as failures × GMV / orders so it rounds once.
import { lostValueFen, shareBps } from "@/lib/attribution/share";
import type { ScreenReadOutcome } from "@/lib/generated/prisma/enums";

export type PathStats = { pagePath: string; sessions: bigint; failures: bigint; topFailure: ScreenReadOutcome | null };
export type SkillCandidate = PathStats & { failureRateBps: number; lostOrders: bigint; lostValueFen: bigint };

export function rankSkillCandidates(paths: readonly PathStats[], aov: { gmvFen: bigint; orders: bigint }): SkillCandidate[] {
  return paths
    .filter((p) => p.failures > 0n)
    .map((p) => ({
      ...p,
      failureRateBps: shareBps(p.failures, p.sessions),
      lostOrders: p.failures,
      lostValueFen: lostValueFen(p.failures, aov.gmvFen, aov.orders),
    }))
    .sort((a, b) => (b.lostValueFen !== a.lostValueFen ? (b.lostValueFen > a.lostValueFen ? 1 : -1) : b.failures !== a.failures ? (b.failures > a.failures ? 1 : -1) : a.pagePath.localeCompare(b.pagePath)));
}

export const failureOutcomes = ["ELEMENT_NOT_FOUND", "POPUP_BLOCKED", "LAYOUT_CHANGED", "TIMEOUT", "USER_ABORTED", "PAYMENT_MISMATCH"] as const satisfies readonly ScreenReadOutcome[];
