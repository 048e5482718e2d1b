import { describe, expect, it } from "vitest";
import { matchesPattern, MAX_PATTERN_LENGTH, parsePattern, type CompiledPattern } from "./glob";
import { normalizePath } from "./path";

function pattern(source: string): CompiledPattern {
  const parsed = parsePattern(source);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.pattern;
}

function matches(source: string, path: string): boolean {
  const normalized = normalizePath(path);
  if (!normalized.ok) throw new Error(normalized.message);
  return matchesPattern(pattern(source), normalized.segments);
}

describe("parsePattern", () => {
  it.each([
    ["/checkout/**", "/checkout/**"],
    ["/checkout/**/", "/checkout/**"],
    ["//menu//*", "/menu/*"],
    ["/a/**/**/b", "/a/**/b"],
    ["/check%6Fut", "/checkout"],
    ["/caf%C3%A9/*", "/café/*"],
    ["/a%2Fb", "/a%2Fb"],
    ["/%2A", "/%2A"],
    ["/", "/"],
  ])("%s is canonically %s", (input, source) => {
    expect(pattern(input).source).toBe(source);
  });

  it.each([
    ["", "empty"],
    ["checkout/**", "not_absolute"],
    ["/" + "a".repeat(MAX_PATTERN_LENGTH), "too_long"],
    ["/checkout**", "bad_globstar"],
    ["/a/**b", "bad_globstar"],
    ["/***", "bad_globstar"],
    ["/item-*", "partial_wildcard"],
    ["/menu/*.html", "partial_wildcard"],
    ["/a/../b", "dot_segment"],
    ["/a/%2e", "dot_segment"],
    ["/a?x=1", "query_or_fragment"],
    ["/a#b", "query_or_fragment"],
    ["/a%zz", "invalid_encoding"],
    ["/a%00", "control_character"],
  ])("refuses %j (%s) with a message", (input, code) => {
    const parsed = parsePattern(input);
    expect(parsed).toMatchObject({ ok: false, code });
    if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(10);
  });

  it("speaks of the pattern, not a path, in encoding errors", () => {
    expect(parsePattern("/a%zz")).toMatchObject({ message: expect.stringMatching(/^The pattern segment "a%zz"/) });
  });

  it("accepts a pattern of exactly the maximum length", () => {
    expect(parsePattern("/" + "a".repeat(MAX_PATTERN_LENGTH - 1)).ok).toBe(true);
  });
});

describe("matchesPattern", () => {
  it.each([
    ["/about", "/about", true],
    ["/about", "/about/", true],
    ["/about", "/about/team", false],
    ["/about", "/About", false],
    ["/menu/*", "/menu/latte", true],
    ["/menu/*", "/menu", false],
    ["/menu/*", "/menu/latte/large", false],
    ["/orders/*/pay", "/orders/42/pay", true],
    ["/orders/*/pay", "/orders/pay", false],
    ["/orders/*/pay", "/orders/42/43/pay", false],
    ["/checkout/**", "/checkout", true],
    ["/checkout/**", "/checkout/pay/confirm", true],
    ["/checkout/**", "/checkouts", false],
    ["/**", "/", true],
    ["/**", "/anything/at/all", true],
    ["/", "/", true],
    ["/", "/a", false],
    ["/a/**/b", "/a/b", true],
    ["/a/**/b", "/a/x/y/b", true],
    ["/a/**/b", "/a/x/y/c", false],
    ["/**/pay", "/orders/7/pay", true],
    ["/**/pay/**", "/pay", true],
    ["/**/x/**/y", "/x/a/x/b/y", true],
    ["/**/x/**/y", "/y/x", false],
    ["/*/*", "/a/b", true],
    ["/*", "/checkout%2Fpay", true],
    ["/checkout/**", "/checkout%2Fpay", false],
    ["/%2A", "/%2A", true],
    ["/%2A", "/a", false],
    ["/café", "/caf%C3%A9", true],
  ])("%s on %s → %s", (source, path, expected) => {
    expect(matches(source, path)).toBe(expected);
  });
});

describe("specificity", () => {
  const score = (source: string) => pattern(source).specificity;

  it.each([
    ["/checkout", "/checkout/**"],
    ["/menu/*", "/menu/**"],
    ["/orders/*/pay", "/orders/**"],
    ["/a/b/**", "/a/**"],
    ["/a/*/c", "/a/b/**"],
    ["/*", "/**"],
    ["/a/**/b", "/a/**"],
  ])("%s is more specific than %s", (more, less) => {
    expect(score(more)).toBeGreaterThan(score(less));
  });

  it.each([
    ["/a/**", "/**/a"],
    ["/a/*", "/*/a"],
    ["/checkout/**", "/checkout/**/"],
  ])("%s ties with %s", (a, b) => {
    expect(score(a)).toBe(score(b));
  });
});
