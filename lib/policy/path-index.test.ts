import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchesPattern, parsePattern } from "./glob";
import { createPathIndex, findPathRule, type PathRuleEntry } from "./path-index";

function entry(id: string, effect: "ALLOW" | "DENY", source: string, order: number): PathRuleEntry {
  const parsed = parsePattern(source);
  if (!parsed.ok) throw new Error(parsed.message);
  return { id, effect, pattern: parsed.pattern, order };
}

// The obvious linear scan the trie must agree with.
function bruteForce(entries: PathRuleEntry[], path: string[]): PathRuleEntry | null {
  const matching = entries.filter((e) => matchesPattern(e.pattern, path));
  matching.sort(
    (a, b) =>
      b.pattern.specificity - a.pattern.specificity ||
      (a.effect === b.effect ? 0 : a.effect === "DENY" ? -1 : 1) ||
      a.order - b.order,
  );
  return matching[0] ?? null;
}

const segment = fc.constantFrom("a", "b", "c");
const patternSegment = fc.constantFrom("a", "b", "c", "*", "**");

describe("findPathRule", () => {
  it("agrees with a linear scan of every rule", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(patternSegment, { maxLength: 5 }), fc.boolean()), { maxLength: 25 }),
        fc.array(fc.array(segment, { maxLength: 6 }), { minLength: 1, maxLength: 10 }),
        (rules, paths) => {
          const entries = rules.map(([segs, deny], i) =>
            entry(`r${i}`, deny ? "DENY" : "ALLOW", "/" + segs.join("/"), i),
          );
          const index = createPathIndex(entries);
          for (const path of paths) {
            expect(findPathRule(index, path)?.id ?? null).toBe(bruteForce(entries, path)?.id ?? null);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("finds the right rule among a thousand", () => {
    const entries: PathRuleEntry[] = [];
    for (let i = 0; i < 1000; i++) {
      entries.push(entry(`store-${i}`, i % 2 ? "DENY" : "ALLOW", `/stores/${i}/**`, i));
    }
    entries.push(entry("checkout", "DENY", "/stores/*/checkout/**", 1000));
    entries.push(entry("everything", "ALLOW", "/**", 1001));
    const index = createPathIndex(entries);

    expect(findPathRule(index, ["stores", "17", "menu"])?.id).toBe("store-17");
    expect(findPathRule(index, ["stores", "18", "menu"])?.id).toBe("store-18");
    // Two literals and a star beat "/stores/17/**" (two literals, no star).
    expect(findPathRule(index, ["stores", "17", "checkout", "pay"])?.id).toBe("checkout");
    expect(findPathRule(index, ["about"])?.id).toBe("everything");
    expect(index.size).toBe(1002);
  });

  it("stays fast with many rules and long paths", () => {
    const entries: PathRuleEntry[] = [];
    for (let i = 0; i < 1000; i++) {
      entries.push(entry(`r${i}`, "DENY", `/**/x${i}/**/y${i}`, i));
    }
    const index = createPathIndex(entries);
    const path = Array.from({ length: 60 }, (_, i) => (i % 2 ? "x1" : "z"));
    const started = performance.now();
    for (let i = 0; i < 1000; i++) findPathRule(index, path);
    // A generous bound: each lookup takes microseconds; a full scan with backtracking would not.
    expect(performance.now() - started).toBeLessThan(2000);
    expect(findPathRule(index, [...path, "y1"])?.id).toBe("r1");
  });
});
