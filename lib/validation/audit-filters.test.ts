import { describe, expect, it } from "vitest";
import { auditQuery, parseAuditFilters } from "./audit-filters";

describe("parseAuditFilters", () => {
  it("reads filters, a whole-day UTC range and the keyset cursor", () => {
    const parsed = parseAuditFilters({ merchant: "lumen-coffee", actor: " owner@lumen.demo ", action: "version.", from: "2026-11-01", to: "2026-11-28", before: "1234" });
    expect(parsed.params).toMatchObject({ merchant: "lumen-coffee", actor: "owner@lumen.demo", action: "version." });
    expect(parsed.from?.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(parsed.to?.toISOString()).toBe("2026-11-29T00:00:00.000Z");
    expect(parsed.before).toBe(1234n);
  });

  it("drops malformed values instead of failing", () => {
    const parsed = parseAuditFilters({ from: "yesterday", to: "2026-13-45", before: "-1", action: ["a.", "b."], actor: "" });
    expect(parsed.from).toBeUndefined();
    expect(parsed.to).toBeUndefined();
    expect(parsed.before).toBeUndefined();
    expect(parsed.params.action).toBe("a.");
    expect(parsed.params.actor).toBeUndefined();
    expect(parseAuditFilters({ actor: "a\u0000b", objectId: "x\ny" }).params).toEqual(expect.not.objectContaining({ actor: expect.anything(), objectId: expect.anything() }));
  });
});

describe("auditQuery", () => {
  it("keeps the filters and swaps the cursor", () => {
    const { params } = parseAuditFilters({ actor: "a@b.c", before: "99" });
    expect(auditQuery(params, 42n)).toBe("?actor=a%40b.c&before=42");
    expect(auditQuery(params)).toBe("?actor=a%40b.c");
    expect(auditQuery({})).toBe("");
  });
});
