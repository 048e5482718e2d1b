import { describe, expect, it } from "vitest";
import { rankSkillCandidates } from "./skill-candidates";

describe("rankSkillCandidates", () => {
  const aov = { gmvFen: 10_000n, orders: 3n }; // AOV 33.33 yuan

  it("ranks by failures × AOV, rounding once, and leaves out paths that never failed", () => {
    const ranked = rankSkillCandidates(
      [
        { pagePath: "/menu", sessions: 100n, failures: 2n, topFailure: "TIMEOUT" },
        { pagePath: "/checkout", sessions: 40n, failures: 10n, topFailure: "POPUP_BLOCKED" },
        { pagePath: "/ok", sessions: 5n, failures: 0n, topFailure: null },
      ],
      aov,
    );
    expect(ranked.map((r) => r.pagePath)).toEqual(["/checkout", "/menu"]);
    expect(ranked[0]).toMatchObject({ lostOrders: 10n, lostValueFen: 33_333n, failureRateBps: 2500 });
    expect(ranked[1]!.lostValueFen).toBe(6_667n);
  });

  it("still ranks by failures when there were no screen-read orders to value them", () => {
    const ranked = rankSkillCandidates(
      [
        { pagePath: "/a", sessions: 10n, failures: 1n, topFailure: null },
        { pagePath: "/b", sessions: 10n, failures: 3n, topFailure: null },
      ],
      { gmvFen: 0n, orders: 0n },
    );
    expect(ranked.map((r) => [r.pagePath, r.lostValueFen])).toEqual([["/b", 0n], ["/a", 0n]]);
  });
});
