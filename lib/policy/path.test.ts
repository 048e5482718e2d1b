import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_PATH_LENGTH, normalizePath } from "./path";

describe("normalizePath", () => {
  it.each([
    ["/", "/"],
    ["/menu", "/menu"],
    ["/menu/", "/menu"],
    ["//menu///items//", "/menu/items"],
    ["/./menu/./items", "/menu/items"],
    ["/menu/../checkout", "/checkout"],
    ["/../../etc", "/etc"],
    ["/a/b/../../..", "/"],
    ["/check%6Fut/pay", "/checkout/pay"],
    ["/menu/%2e%2e/checkout", "/checkout"],
    ["/menu/%2E/items", "/menu/items"],
    ["/checkout?step=pay#top", "/checkout"],
    ["/checkout#frag?x", "/checkout"],
    ["/Checkout", "/Checkout"],
    ["/caf%C3%A9", "/café"],
    ["/菜单", "/菜单"],
    ["/a%20b", "/a b"],
    ["/a%2fb", "/a%2Fb"],
    ["/a%2Fb/..", "/"],
    ["/%252F", "/%252F"],
    ["/a%3Fb", "/a%3Fb"],
    ["/a\\b", "/a\\b"],
    ["/...", "/..."],
  ])("%s → %s", (input, expected) => {
    const result = normalizePath(input);
    expect(result).toMatchObject({ ok: true, path: expected });
  });

  it("keeps an encoded slash as a character of one segment, not a separator", () => {
    expect(normalizePath("/checkout%2Fpay")).toEqual({
      ok: true,
      path: "/checkout%2Fpay",
      segments: ["checkout/pay"],
    });
  });

  it("decodes only once", () => {
    expect(normalizePath("/%2565")).toMatchObject({ ok: true, segments: ["%65"] });
  });

  it.each([
    ["", "empty"],
    ["menu", "not_absolute"],
    ["https://shop.example/menu", "not_absolute"],
    ["?x=/a", "not_absolute"],
    ["/a%zz", "invalid_encoding"],
    ["/a%", "invalid_encoding"],
    ["/a%C3", "invalid_encoding"],
    ["/a%FF%FE", "invalid_encoding"],
    ["/a%ED%A0%80", "invalid_encoding"],
    ["/a\uD800", "invalid_encoding"],
    ["/a%00b", "control_character"],
    ["/a%0Ab", "control_character"],
    ["/a\tb", "control_character"],
    ["/" + "a".repeat(MAX_PATH_LENGTH), "too_long"],
  ])("refuses %j (%s) without throwing", (input, code) => {
    const result = normalizePath(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.message.length).toBeGreaterThan(0);
    }
  });

  it("is idempotent: the canonical path normalizes to itself", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom("..", ".", "%2F", "%25", "?", "#"))), (parts) => {
        const first = normalizePath("/" + parts.join("/"));
        if (!first.ok) return;
        const second = normalizePath(first.path);
        expect(second).toEqual(first);
      }),
    );
  });

  it("never throws and never returns a dot segment or an empty segment", () => {
    fc.assert(
      fc.property(fc.string(), (tail) => {
        const result = normalizePath("/" + tail);
        if (result.ok) {
          expect(result.segments.every((s) => s !== "" && s !== "." && s !== "..")).toBe(true);
        }
      }),
    );
  });
});
