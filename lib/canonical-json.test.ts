import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bodyHash, canonicalJson, sha256Hex } from "./canonical-json";

describe("canonicalJson", () => {
  it("sorts keys at every depth, drops undefined and has no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null }, u: undefined })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });
  it("writes bigints as strings and dates as ISO", () => {
    expect(canonicalJson({ amountFen: 12345678901234567890n, at: new Date(Date.UTC(2026, 0, 2)) })).toBe('{"amountFen":"12345678901234567890","at":"2026-01-02T00:00:00.000Z"}');
  });
  it("gives the same hash whatever the key order", () => {
    expect(bodyHash({ a: 1, b: "x" })).toBe(bodyHash({ b: "x", a: 1 }));
    expect(sha256Hex("abc")).toBe(createHash("sha256").update("abc").digest("hex"));
  });
});
