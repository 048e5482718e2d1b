// Canonical form of a page path an agent asks about, so that spellings of the same page cannot
// slip past a path rule. Decisions made here:
// - The path must start with "/"; a query ("?...") or fragment ("#...") is dropped.
// - Percent-decoding happens once, per segment, after splitting on "/". So "%2F" is a literal
//   character inside a segment, never a separator (RFC 3986: an encoded reserved character is
//   data): "/checkout%2Fpay" is one segment "checkout/pay", a different page from
//   "/checkout/pay". "%252F" stays the three characters "%2F". Backslash is also literal.
// - Invalid encodings ("%zz", a truncated "%C3", bytes that are not UTF-8) and control
//   characters (raw or decoded, e.g. "%00") are an error result, never a throw.
// - "." and ".." are resolved after decoding (so "%2e%2e" is ".."), and ".." never climbs
//   above the root: we judge the page the path actually reaches.
// - Empty segments are dropped: "//a///b/" is "/a/b", and "/menu/" is "/menu".
// - Case-sensitive: URL paths and mini-program page paths are case-sensitive (RFC 3986 folds
//   only scheme and host), so "/Checkout" is another page than "/checkout". Hex digits of an
//   escape are case-insensitive ("%2f" = "%2F"), as the RFC says.
// The canonical string re-escapes only "%", "/", "?" and "#" inside segments, so
// normalizePath(canonical) gives the same canonical string back.

export const MAX_PATH_LENGTH = 2048;

export type PathErrorCode =
  | "empty"
  | "not_absolute"
  | "too_long"
  | "invalid_encoding"
  | "control_character";

export type NormalizedPath = { ok: true; path: string; segments: string[] };
export type PathError = { ok: false; code: PathErrorCode; message: string };

// C0 controls and DEL; lone UTF-16 surrogates cannot be encoded as UTF-8.
const CONTROL = /[\u0000-\u001f\u007f]/;
const LONE_SURROGATE = /\p{Cs}/u;

export function normalizePath(input: string): NormalizedPath | PathError {
  if (input.length === 0) return fail("empty", "The path is empty; it must start with \"/\".");
  if (input.length > MAX_PATH_LENGTH) {
    return fail("too_long", `The path is longer than ${MAX_PATH_LENGTH} characters.`);
  }
  const end = firstIndexOf(input, "?", "#");
  const raw = end === -1 ? input : input.slice(0, end);
  if (!raw.startsWith("/")) {
    return fail("not_absolute", "The path must start with \"/\" (a page path, not a URL).");
  }
  const segments: string[] = [];
  for (const rawSegment of raw.split("/")) {
    if (rawSegment === "") continue;
    const decoded = decodeSegment(rawSegment);
    if (!decoded.ok) return decoded;
    if (decoded.value === ".") continue;
    if (decoded.value === "..") {
      segments.pop();
      continue;
    }
    segments.push(decoded.value);
  }
  return { ok: true, path: formatPath(segments), segments };
}

/** Percent-decodes one segment; also used for the literal segments of patterns. */
export function decodeSegment(
  raw: string,
  noun: "path" | "pattern" = "path",
): { ok: true; value: string } | PathError {
  if (CONTROL.test(raw)) {
    return fail("control_character", `The ${noun} contains a control character.`);
  }
  if (LONE_SURROGATE.test(raw)) {
    return fail("invalid_encoding", `The ${noun} contains an invalid Unicode character.`);
  }
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return fail(
      "invalid_encoding",
      `The ${noun} segment "${raw}" has an invalid percent-encoding (use %XX with UTF-8 bytes).`,
    );
  }
  if (CONTROL.test(value)) {
    return fail("control_character", `The ${noun} contains an encoded control character.`);
  }
  return { ok: true, value };
}

/** Escapes the characters that would change how a segment parses back. */
export function encodeSegment(segment: string): string {
  return segment.replace(/[%/?#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function formatPath(segments: readonly string[]): string {
  return "/" + segments.map(encodeSegment).join("/");
}

function firstIndexOf(text: string, ...needles: string[]): number {
  let first = -1;
  for (const needle of needles) {
    const i = text.indexOf(needle);
    if (i !== -1 && (first === -1 || i < first)) first = i;
  }
  return first;
}

function fail(code: PathErrorCode, message: string): PathError {
  return { ok: false, code, message };
}
