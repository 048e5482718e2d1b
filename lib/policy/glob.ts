// Page-path patterns for PATH rules. Grammar, segment by segment after "/":
//   literal   matches exactly that segment (percent-decoded like paths, case-sensitive);
//             "%2A" is a literal "*"
//   *         exactly one segment
//   **        zero or more segments, so "/checkout/**" also covers "/checkout" itself
// Wildcards are whole segments only ("/item-*" is refused with a clear message), which keeps
// specificity exact. Empty segments and a trailing "/" are ignored, as for paths.
//
// Specificity (higher wins): more literal segments first, then more "*", then fewer "**".
// So "/orders/*/pay" beats "/orders/**", "/menu/*" beats "/menu/**", and the exact "/checkout"
// beats "/checkout/**" on "/checkout". Equal scores are a tie, which the engine gives to DENY.
import { decodeSegment, encodeSegment } from "./path";

export const MAX_PATTERN_LENGTH = 256;

export type PatternSegment =
  | { type: "literal"; value: string }
  | { type: "star" }
  | { type: "globstar" };

export type CompiledPattern = {
  /** Canonical spelling: equal patterns have equal sources. */
  source: string;
  segments: PatternSegment[];
  specificity: number;
};

export type PatternErrorCode =
  | "empty"
  | "too_long"
  | "not_absolute"
  | "query_or_fragment"
  | "bad_globstar"
  | "partial_wildcard"
  | "dot_segment"
  | "invalid_encoding"
  | "control_character";

export type PatternError = { ok: false; code: PatternErrorCode; message: string };

export function parsePattern(input: string): { ok: true; pattern: CompiledPattern } | PatternError {
  if (input.length === 0) return fail("empty", "The pattern is empty; write e.g. /checkout/**.");
  if (input.length > MAX_PATTERN_LENGTH) {
    return fail("too_long", `The pattern is longer than ${MAX_PATTERN_LENGTH} characters.`);
  }
  if (!input.startsWith("/")) {
    return fail("not_absolute", "The pattern must start with \"/\", e.g. /checkout/**.");
  }
  if (/[?#]/.test(input)) {
    return fail("query_or_fragment", "Patterns match page paths only; remove the \"?\" or \"#\" part.");
  }
  const segments: PatternSegment[] = [];
  for (const raw of input.split("/")) {
    if (raw === "") continue;
    if (raw === "**") {
      // "/a/**/**" means the same as "/a/**".
      if (segments.at(-1)?.type !== "globstar") segments.push({ type: "globstar" });
      continue;
    }
    if (raw === "*") {
      segments.push({ type: "star" });
      continue;
    }
    if (raw.includes("**")) {
      return fail("bad_globstar", `"**" must be a whole segment, e.g. /checkout/** (got "${raw}").`);
    }
    if (raw.includes("*")) {
      return fail(
        "partial_wildcard",
        `"*" must be a whole segment, e.g. /menu/* (got "${raw}"); partial wildcards are not supported.`,
      );
    }
    const decoded = decodeSegment(raw, "pattern");
    if (!decoded.ok) return fail(decoded.code, decoded.message);
    if (decoded.value === "." || decoded.value === "..") {
      return fail("dot_segment", "The pattern may not contain \".\" or \"..\" segments.");
    }
    segments.push({ type: "literal", value: decoded.value });
  }
  return {
    ok: true,
    pattern: { source: formatPattern(segments), segments, specificity: specificityOf(segments) },
  };
}

/** Does the pattern match a normalized path (its segments, see normalizePath)? */
export function matchesPattern(
  pattern: Pick<CompiledPattern, "segments">,
  path: readonly string[],
): boolean {
  const pat = pattern.segments;
  // Classic wildcard matching with one backtrack point: "**" plays "*", "*" plays "?".
  let p = 0;
  let s = 0;
  let globP = -1;
  let globS = -1;
  while (s < path.length) {
    const seg = pat[p];
    if (seg?.type === "globstar") {
      globP = p++;
      globS = s;
    } else if (seg && (seg.type === "star" || seg.value === path[s])) {
      p++;
      s++;
    } else if (globP !== -1) {
      p = globP + 1;
      s = ++globS;
    } else {
      return false;
    }
  }
  while (pat[p]?.type === "globstar") p++;
  return p === pat.length;
}

/** Positive when a is more specific than b, negative when less, 0 on a tie. */
export function compareSpecificity(a: CompiledPattern, b: CompiledPattern): number {
  return a.specificity - b.specificity;
}

// At most 128 segments fit in 256 characters, so each count fits in 8 bits of the score.
function specificityOf(segments: readonly PatternSegment[]): number {
  let literals = 0;
  let stars = 0;
  let globstars = 0;
  for (const seg of segments) {
    if (seg.type === "literal") literals++;
    else if (seg.type === "star") stars++;
    else globstars++;
  }
  return literals * 65_536 + stars * 256 + (255 - globstars);
}

function formatPattern(segments: readonly PatternSegment[]): string {
  const parts = segments.map((seg) =>
    seg.type === "literal" ? encodeSegment(seg.value).replace(/\*/g, "%2A") : seg.type === "star" ? "*" : "**",
  );
  return "/" + parts.join("/");
}

function fail(code: PatternErrorCode, message: string): PatternError {
  return { ok: false, code, message };
}
