// JSON text → value, or the first syntax error with its line and column. No Ajv and no eval,
// so the browser editor can use it under the app's Content Security Policy.

export type SchemaTextIssue = {
  kind: "syntax" | "schema";
  message: string;
  /** JSON pointer inside the schema ("" for the root), for meta-schema problems. */
  path?: string;
  /** 1-based, for syntax errors. */
  line?: number;
  column?: number;
};


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

/** One line per issue, as the server reports it next to the field. */
export function formatSchemaIssue(issue: SchemaTextIssue): string {
  if (issue.kind === "syntax") return `${issue.message} (line ${issue.line}, column ${issue.column})`;
  return `${issue.path || "/"}: ${issue.message}`;
}
