import Ajv2020 from "ajv/dist/2020";
import AjvDraft07 from "ajv";

// Checks the JSON Schema a merchant types into an operation: JSON syntax with line and column,
// then the schema against its meta-schema (draft 2020-12, or draft-07 when `$schema` says so),
// with the path of each problem. Pure, so the browser editor and the server action agree.

export type SchemaTextIssue = {
  kind: "syntax" | "schema";
  message: string;
  /** JSON pointer inside the schema ("" for the root), for meta-schema problems. */
  path?: string;
  /** 1-based, for syntax errors. */
  line?: number;
  column?: number;
};

export type SchemaTextResult = { ok: true; value: Record<string, unknown> } | { ok: false; issues: SchemaTextIssue[] };

class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Position (1-based line and column) of a character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * A strict JSON scanner that throws at the first error with its offset. Engines word (and place)
 * JSON.parse errors differently, so the editor and the server use this to report positions.
 */
function scanJson(text: string): void {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const describe = () => (i >= text.length ? "end of input" : `"${text[i]}"`);
  const expect = (what: string): never => {
    throw new SyntaxProblem(`Expected ${what} but found ${describe()}`, i);
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else expect("a value");
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === "\\") {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new SyntaxProblem("Invalid \\u escape in string", i);
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else throw new SyntaxProblem("Invalid escape in string", i);
      } else if (c < " ") {
        throw new SyntaxProblem("Unescaped control character (e.g. a line break) in string", i);
      } else i++;
    }
    throw new SyntaxProblem("Unterminated string", i);
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) expect("a value");
    i += match![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') expect("a property name in double quotes");
        string();
        ws();
        if (text[i] !== ":") expect('":"');
        i++;
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        expect('"," or "}"');
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        expect('"," or "]"');
      }
    }
    if (c === '"') return string();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return number();
    expect("a value");
  };
  value();
  ws();
  if (i < text.length) throw new SyntaxProblem(`Unexpected ${describe()} after the end of the JSON value`, i);
}

/** JSON text → value, or the first syntax error with its line and column. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; issue: SchemaTextIssue } {
  try {
    scanJson(text);
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    return { ok: false, issue: { kind: "syntax", message: error.message, ...lineColumnAt(text, error.offset) } };
  }
  return { ok: true, value: JSON.parse(text) };
}

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

/** One line per issue, as the server reports it next to the field. */
export function formatSchemaIssue(issue: SchemaTextIssue): string {
  if (issue.kind === "syntax") return `${issue.message} (line ${issue.line}, column ${issue.column})`;
  return `${issue.path || "/"}: ${issue.message}`;
}
