// A segment trie of PATH rules, so a decision walks the path's segments instead of testing
// every rule: literal children are a Map lookup, "*" and "**" are one branch each. With a
// thousand rules a lookup still touches only the branches the path can reach.
import type { CompiledPattern } from "./glob";
import type { RuleEffect } from "./types";

export type PathRuleEntry = {
  id: string;
  effect: RuleEffect;
  pattern: CompiledPattern;
  /** Position in the snapshot; the last tie-break between identical patterns. */
  order: number;
};

type TrieNode = {
  id: number;
  literal: Map<string, TrieNode>;
  star: TrieNode | null;
  globstar: TrieNode | null;
  /** The winning rule among those whose pattern ends exactly here (all share one pattern). */
  best: PathRuleEntry | null;
};

export type PathIndex = { root: TrieNode; size: number; nodeCount: number };

export function createPathIndex(entries: readonly PathRuleEntry[]): PathIndex {
  let nodeCount = 0;
  const newNode = (): TrieNode => ({
    id: nodeCount++,
    literal: new Map(),
    star: null,
    globstar: null,
    best: null,
  });
  const root = newNode();
  for (const entry of entries) {
    let node = root;
    for (const seg of entry.pattern.segments) {
      if (seg.type === "literal") {
        let next = node.literal.get(seg.value);
        if (!next) node.literal.set(seg.value, (next = newNode()));
        node = next;
      } else if (seg.type === "star") {
        node = node.star ??= newNode();
      } else {
        node = node.globstar ??= newNode();
      }
    }
    if (!node.best || beats(entry, node.best)) node.best = entry;
  }
  return { root, size: entries.length, nodeCount };
}

/** The most specific rule matching the path; DENY wins a tie, then the earlier rule. */
export function findPathRule(index: PathIndex, path: readonly string[]): PathRuleEntry | null {
  let best: PathRuleEntry | null = null;
  const n = path.length;
  // (node, position) pairs already explored: "**" branches can reach one state several ways.
  const seen = new Set<number>();
  const stack: Array<[TrieNode, number]> = [[index.root, 0]];
  while (stack.length > 0) {
    const [node, i] = stack.pop()!;
    const key = node.id * (n + 1) + i;
    if (seen.has(key)) continue;
    seen.add(key);
    if (node.globstar) {
      for (let k = i; k <= n; k++) stack.push([node.globstar, k]);
    }
    if (i === n) {
      if (node.best && (!best || beats(node.best, best))) best = node.best;
      continue;
    }
    const segment = path[i]!;
    const literal = node.literal.get(segment);
    if (literal) stack.push([literal, i + 1]);
    if (node.star) stack.push([node.star, i + 1]);
  }
  return best;
}

function beats(a: PathRuleEntry, b: PathRuleEntry): boolean {
  if (a.pattern.specificity !== b.pattern.specificity) {
    return a.pattern.specificity > b.pattern.specificity;
  }
  if (a.effect !== b.effect) return a.effect === "DENY";
  return a.order < b.order;
}
