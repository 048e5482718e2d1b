import Ajv2020 from "ajv/dist/2020";
import AjvDraft07 from "ajv";
import addFormats from "ajv-formats";

// JSON Schema checks for tool input/output schemas.
// Dialect: JSON Schema 2020-12 (MCP's default). A schema whose `$schema` names draft-07 — what
// the official TypeScript SDK emits from zod — is compiled with Ajv's draft-07 class instead, so
// it is judged by the dialect it declares. Any other `$schema` is compiled by the 2020-12
// instance, which fails on an unknown meta-schema.
// `strict: false`: vendor keywords (`example`, `x-...`) are common and harmless; the meta-schema
// check still rejects invalid schemas. `addUsedSchema: false`: tools may reuse the same `$id`.

const options = { strict: false, allErrors: true, addUsedSchema: false, logger: false } as const;
const ajv2020 = new Ajv2020(options);
const ajvDraft07 = new AjvDraft07(options);
addFormats(ajv2020);
addFormats(ajvDraft07);

const DRAFT_07 = /^https?:\/\/json-schema\.org\/draft-07\/schema#?$/;

export type SchemaDialect = "2020-12" | "draft-07";

export type CompileResult =
  | { ok: true; dialect: SchemaDialect }
  | { ok: false; dialect: SchemaDialect; errors: string[] };

export function compileSchema(schema: unknown): CompileResult {
  const declared = isObject(schema) ? schema.$schema : undefined;
  const dialect: SchemaDialect = typeof declared === "string" && DRAFT_07.test(declared) ? "draft-07" : "2020-12";
  if (!isObject(schema) && typeof schema !== "boolean") {
    return { ok: false, dialect, errors: [`schema must be a JSON object, got ${describeType(schema)}`] };
  }
  const ajv = dialect === "draft-07" ? ajvDraft07 : ajv2020;
  try {
    ajv.compile(schema);
    return { ok: true, dialect };
  } catch (error) {
    const details = (ajv.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`.trim());
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, dialect, errors: details.length > 0 ? details : [message] };
  } finally {
    // Compiled functions are cached per schema object; nothing is reused across runs.
    ajv.removeSchema(schema as object);
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** Top-level `type` must be exactly "object": agents send arguments as a JSON object. */
export function isObjectTypeSchema(schema: unknown): boolean {
  return isObject(schema) && schema.type === "object";
}

const SUBSCHEMA_MAPS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
const SUBSCHEMA_ARRAYS = ["allOf", "anyOf", "oneOf", "prefixItems"];
const SUBSCHEMA_SINGLE = ["items", "additionalProperties", "not", "if", "then", "else", "contains", "unevaluatedProperties"];

/** Visit every object subschema with its JSON pointer. */
export function walkSchemas(schema: unknown, visit: (node: Record<string, unknown>, pointer: string) => void, pointer = ""): void {
  if (!isObject(schema)) return;
  visit(schema, pointer);
  for (const key of SUBSCHEMA_MAPS) {
    const map = schema[key];
    if (isObject(map)) for (const [name, sub] of Object.entries(map)) walkSchemas(sub, visit, `${pointer}/${key}/${escapePointer(name)}`);
  }
  for (const key of SUBSCHEMA_ARRAYS) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((sub, i) => walkSchemas(sub, visit, `${pointer}/${key}/${i}`));
  }
  for (const key of SUBSCHEMA_SINGLE) {
    const items = schema[key];
    // draft-07 tuple form: items: [..]
    if (Array.isArray(items)) items.forEach((sub, i) => walkSchemas(sub, visit, `${pointer}/${key}/${i}`));
    else walkSchemas(items, visit, `${pointer}/${key}`);
  }
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

// `required` may legitimately name properties another branch declares; such nodes are skipped.
const COMPOSITION_KEYWORDS = ["allOf", "anyOf", "oneOf", "$ref", "$dynamicRef", "if", "dependentSchemas", "patternProperties"];

/** `required` entries that no `properties` entry declares, as "pointer: name". */
export function requiredNotDeclared(schema: unknown): string[] {
  const out: string[] = [];
  walkSchemas(schema, (node, pointer) => {
    if (!Array.isArray(node.required)) return;
    if (COMPOSITION_KEYWORDS.some((k) => k in node)) return;
    const declared = isObject(node.properties) ? node.properties : {};
    for (const name of node.required) {
      if (typeof name === "string" && !Object.hasOwn(declared, name)) out.push(`${pointer || "/"}: ${name}`);
    }
  });
  return out;
}

/** JSON pointers of properties without a non-empty `description`. */
export function undescribedProperties(schema: unknown): string[] {
  const out: string[] = [];
  walkSchemas(schema, (node, pointer) => {
    if (!isObject(node.properties)) return;
    for (const [name, sub] of Object.entries(node.properties)) {
      const described = isObject(sub) && typeof sub.description === "string" && sub.description.trim() !== "";
      if (!described) out.push(`${pointer}/properties/${escapePointer(name)}`);
    }
  });
  return out;
}

/** Every string (keys and values) inside a schema, for hidden-character and injection scans. */
export function schemaStrings(schema: unknown): string[] {
  const out: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === "string") out.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      for (const [k, v] of Object.entries(value)) {
        out.push(k);
        visit(v);
      }
    }
  };
  visit(schema);
  return out;
}
