import Ajv2020 from "ajv/dist/2020";
import AjvDraft07 from "ajv";
import { parseJsonText, type SchemaTextIssue } from "./json-text";

export type SchemaTextResult = { ok: true; value: Record<string, unknown> } | { ok: false; issues: SchemaTextIssue[] };

export { formatSchemaIssue, lineColumnAt, parseJsonText, type SchemaTextIssue } from "./json-text";

// Checks the JSON Schema a merchant types into an operation: JSON syntax with line and column,
// then the schema against its meta-schema (draft 2020-12, or draft-07 when `$schema` says so),
// with the path of each problem. Server side: Ajv compiles validators with `new Function`, which
// the app's Content Security Policy forbids in the browser; the editor asks a server action.

const options = { strict: false, allErrors: true, logger: false } as const;
let validators: { v2020: Ajv2020; v07: AjvDraft07 } | undefined;
const DRAFT_07 = /^https?:\/\/json-schema\.org\/draft-07\/schema#?$/;

/** Meta-schema problems of a parsed schema, with JSON pointers ("" = root). */
export function metaSchemaIssues(schema: unknown): SchemaTextIssue[] {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) {
    return [{ kind: "schema", path: "", message: "A schema must be a JSON object" }];
  }
  validators ??= { v2020: new Ajv2020(options), v07: new AjvDraft07(options) };
  const declared = (schema as Record<string, unknown>).$schema;
  const ajv = typeof declared === "string" && DRAFT_07.test(declared) ? validators.v07 : validators.v2020;
  if (typeof declared === "string" && !DRAFT_07.test(declared) && !declared.includes("2020-12")) {
    return [{ kind: "schema", path: "/$schema", message: `Unsupported dialect ${declared}: use draft 2020-12 or draft-07` }];
  }
  if (ajv.validateSchema(schema) as boolean) return [];
  // The meta-schema's anyOf (e.g. `type`: a name or a list of names) yields one error per
  // branch; keep the most useful one per path: the list of allowed values, else the branches.
  const errors = ajv.errors ?? [];
  const withEnum = new Set(errors.filter((e) => e.keyword === "enum").map((e) => e.instancePath));
  const useful = errors.filter((e) =>
    withEnum.has(e.instancePath) ? e.keyword === "enum" : !(e.keyword === "anyOf" || e.keyword === "oneOf") || errors.every((o) => o === e || o.instancePath !== e.instancePath),
  );
  const seen = new Set<string>();
  return useful.flatMap((e) => {
    const message = `${e.message ?? "is invalid"}${e.params && "allowedValues" in e.params ? `: ${(e.params.allowedValues as unknown[]).join(", ")}` : ""}`;
    const key = `${e.instancePath}|${message}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ kind: "schema" as const, path: e.instancePath, message }];
  });
}

/**
 * Checks schema text as the editor shows it. Empty text is accepted only when `optional`
 * (an operation's output schema); the value is then `null`.
 */
export function checkSchemaText(text: string, { optional = false } = {}): SchemaTextResult | { ok: true; value: null } {
  if (text.trim() === "") {
    return optional ? { ok: true, value: null } : { ok: false, issues: [{ kind: "syntax", message: "A schema is required", line: 1, column: 1 }] };
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, issues: [parsed.issue] };
  const issues = metaSchemaIssues(parsed.value);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: parsed.value as Record<string, unknown> };
}
