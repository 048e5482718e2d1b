import { describe, expect, it } from "vitest";
import { encodeCursor } from "@/lib/orders/cursor";
import { orderFiltersQuery, parseOrderFilters } from "./order-filters";

describe("parseOrderFilters", () => {
  it("turns yuan into fen exactly and keeps the other filters", () => {
    const cursor = encodeCursor({ occurredAt: new Date("2026-11-01T00:00:00Z"), id: 7n });
    const parsed = parseOrderFilters({ channel: "AI_SKILL", minYuan: "0.1", maxYuan: "12.34", status: "NOT_CANCELLED", verification: "exclude", from: "2026-11-01", cursor });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.filters).toMatchObject({ channel: "AI_SKILL", minFen: 10n, maxFen: 1234n, status: "NOT_CANCELLED", verification: "exclude", from: "2026-11-01" });
    expect(parsed.cursor).toEqual({ occurredAt: new Date("2026-11-01T00:00:00Z"), id: 7n });
  });

  it("reports each bad filter by name", () => {
    const parsed = parseOrderFilters({ channel: "FAX", minYuan: "1.234", from: "2026-02-30", agent: "a b" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual({ channel: "invalidChoice", minYuan: "invalidAmount", from: "invalidDate", agent: "invalidId" });
  });

  it("refuses reversed ranges", () => {
    const parsed = parseOrderFilters({ from: "2026-11-10", to: "2026-11-01", minYuan: "5", maxYuan: "1" });
    expect(!parsed.ok && parsed.errors).toEqual({ to: "rangeReversed", maxYuan: "amountReversed" });
  });

  it("builds a query string without empty values", () => {
    expect(orderFiltersQuery({ channel: "ORGANIC", agent: undefined, from: "" })).toBe("channel=ORGANIC");
  });
});
