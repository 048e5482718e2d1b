// The WeChat-style mini-program skill manifest (`mcp.json`): atomic `apis[]` the assistant calls
// inside the mini-program, and the `components[]` that render their results as cards.
//
// A mini-program API has no HTTP endpoint of its own, so an imported operation has no
// `httpMethod`/`url`; its card component and page live in `operation.metadata.ui`
// (`componentPath`, `pagePath`) and the manifest's `components[]` in
// `definition.metadata.wechat.components`. Fields we have no place for are kept under
// `metadata.wechat` so that export gives back exactly what was imported.
import { z } from "zod";
import type {
  HttpMethod,
  IntegrationDefinition,
  JsonSchema,
  OperationDefinition,
} from "@/lib/integrations/definition";
import { issuesFromZod, requiredOr, type ImportResult } from "@/lib/integrations/formats/import-issues";
import {
  annotationsFromMcp,
  examplePromptsMetaKey,
  httpMethodMetaKey,
  isEmpty,
  isRecord,
  mappedHintKeys,
  mcpHints,
  omitKeys,
  skillgateMeta,
  skillgateMetaKeys,
  urlMetaKey,
  withoutUndefined,
} from "@/lib/integrations/formats/mcp-annotations";

const jsonObject = (what = "must be an object") =>
  z.record(z.string(), z.unknown(), { error: requiredOr(what) });

const nonEmptyString = z.string({ error: requiredOr("must be a string") }).min(1, "must not be empty");

/** Same rule as MCP tool names, so an API name is also a valid tool name, operationId and skill id. */
export const apiNamePattern = /^[A-Za-z0-9_.-]{1,128}$/;

const uiSchema = z.looseObject(
  { componentPath: nonEmptyString.optional(), pagePath: nonEmptyString.optional() },
  { error: "must be an object" },
);

const hintSchema = z.boolean({ error: "must be true or false" }).optional();

export const wechatApiSchema = z.looseObject(
  {
    name: z
      .string({ error: requiredOr("must be a string") })
      .regex(apiNamePattern, "must be 1-128 letters, digits, '_', '-' or '.'"),
    title: z.string({ error: "must be a string" }).optional(),
    description: z.string({ error: requiredOr("must be a string") }),
    inputSchema: jsonObject(),
    outputSchema: jsonObject().optional(),
    annotations: z
      .looseObject(
        { readOnlyHint: hintSchema, destructiveHint: hintSchema, idempotentHint: hintSchema },
        { error: "must be an object" },
      )
      .optional(),
    _meta: z.looseObject({ ui: uiSchema.optional() }, { error: "must be an object" }).optional(),
  },
  { error: "must be an object" },
);

export const wechatComponentSchema = z.looseObject(
  {
    path: nonEmptyString,
    relatedPage: z
      .string({ error: requiredOr("must be a string") })
      .startsWith("/", 'must be an absolute page path starting with "/"'),
    permissions: jsonObject().optional(),
  },
  { error: "must be an object" },
);

export const wechatManifestSchema = z
  .looseObject(
    {
      name: z.string({ error: "must be a string" }).optional(),
      description: z.string({ error: "must be a string" }).optional(),
      apis: z
        .array(wechatApiSchema, { error: requiredOr("must be an array") })
        .min(1, "must list at least one api"),
      components: z.array(wechatComponentSchema, { error: "must be an array" }).optional(),
    },
    { error: "must be a JSON object" },
  )
  .superRefine((manifest, ctx) => {
    const firstIndex = new Map<string, number>();
    manifest.apis.forEach((api, index) => {
      const earlier = firstIndex.get(api.name);
      if (earlier === undefined) firstIndex.set(api.name, index);
      else
        ctx.addIssue({
          code: "custom",
          path: ["apis", index, "name"],
          message: `duplicate api name "${api.name}" (also apis[${earlier}])`,
        });
    });
    // The mini-program runtime renders a card only for components declared in components[].
    const declared = new Set((manifest.components ?? []).map((component) => component.path));
    manifest.apis.forEach((api, index) => {
      const componentPath = api._meta?.ui?.componentPath;
      if (componentPath !== undefined && !declared.has(componentPath))
        ctx.addIssue({
          code: "custom",
          path: ["apis", index, "_meta", "ui", "componentPath"],
          message: `no components[] entry has path "${componentPath}"`,
        });
    });
  });

export type WechatManifest = z.infer<typeof wechatManifestSchema>;
export type WechatApi = z.infer<typeof wechatApiSchema>;
export type WechatComponent = z.infer<typeof wechatComponentSchema>;

/** What an imported operation keeps in `metadata.wechat`; every part is optional. */
type StoredApiExtras = {
  /** Unknown top-level keys of the api object. */
  api?: Record<string, unknown>;
  /** `_meta` keys other than `ui` and Skillgate's own. */
  meta?: Record<string, unknown>;
  /** `_meta.ui` keys other than `componentPath` and `pagePath`. */
  ui?: Record<string, unknown>;
  /** `annotations` keys other than the three mapped hints (e.g. `openWorldHint`). */
  annotations?: Record<string, unknown>;
};

export type WechatImportOptions = {
  merchant: IntegrationDefinition["merchant"];
  /** Integration name; defaults to the manifest's `name`. */
  name?: string;
  /** Lower-case merchant category; defaults to "other". */
  category?: string;
};

const httpMethods: readonly HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const knownApiKeys = ["name", "title", "description", "inputSchema", "outputSchema", "annotations", "_meta"];

/** Accepts the parsed JSON or its text. */
export function importWechatManifest(
  json: unknown,
  options: WechatImportOptions,
): ImportResult<IntegrationDefinition> {
  let input = json;
  if (typeof json === "string") {
    try {
      input = JSON.parse(json);
    } catch (error) {
      return { ok: false, errors: [{ path: "", message: `is not valid JSON: ${(error as Error).message}` }] };
    }
  }
  const parsed = wechatManifestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: issuesFromZod(parsed.error) };
  const manifest = parsed.data;
  const { name, description, apis, components, ...manifestExtras } = manifest;

  const wechatMetadata = withoutUndefined({
    components,
    manifest: isEmpty(manifestExtras) ? undefined : manifestExtras,
  });
  return {
    ok: true,
    definition: {
      kind: "SKILL",
      name: options.name?.trim() || name?.trim() || "WeChat mini-program skill",
      description: description ?? "",
      category: options.category ?? "other",
      merchant: options.merchant,
      version: 1,
      operations: apis.map(operationFromApi),
      ...(isEmpty(wechatMetadata) ? {} : { metadata: { wechat: wechatMetadata } }),
    },
  };
}

function operationFromApi(api: WechatApi): OperationDefinition {
  const meta: Record<string, unknown> = api._meta ?? {};
  const ui: Record<string, unknown> = api._meta?.ui ?? {};
  const hints: Record<string, unknown> = api.annotations ?? {};
  const method = meta[httpMethodMetaKey];
  const url = meta[urlMetaKey];
  const prompts = meta[examplePromptsMetaKey];

  const stored: StoredApiExtras = withoutUndefined({
    api: nonEmpty(omitKeys(api, knownApiKeys)),
    meta: nonEmpty(omitKeys(meta, ["ui", ...skillgateMetaKeys])),
    ui: nonEmpty(omitKeys(ui, ["componentPath", "pagePath"])),
    annotations: nonEmpty(omitKeys(hints, mappedHintKeys)),
  });
  const uiLinks = withoutUndefined({ componentPath: api._meta?.ui?.componentPath, pagePath: api._meta?.ui?.pagePath });
  const metadata = withoutUndefined({
    ui: nonEmpty(uiLinks),
    wechat: nonEmpty(stored),
  });

  return {
    name: api.name,
    title: api.title ?? api.name,
    description: api.description,
    inputSchema: api.inputSchema as JsonSchema,
    ...(api.outputSchema ? { outputSchema: api.outputSchema as JsonSchema } : {}),
    ...(typeof method === "string" && (httpMethods as readonly string[]).includes(method)
      ? { httpMethod: method as HttpMethod }
      : {}),
    ...(typeof url === "string" ? { url } : {}),
    annotations: annotationsFromMcp(hints, meta),
    examplePrompts: Array.isArray(prompts) ? prompts.filter((p): p is string => typeof p === "string") : [],
    ...(isEmpty(metadata) ? {} : { metadata }),
  };
}

/**
 * The manifest for a definition. For an imported manifest this is the original (same apis,
 * schemas, links, components and unknown fields). A Skill's HTTP endpoint and example prompts,
 * which the format has no field for, travel in `_meta["skillgate/..."]` and come back on import.
 */
export function exportWechatManifest(definition: IntegrationDefinition): Record<string, unknown> {
  const wechat = record(definition.metadata?.wechat);
  const components = Array.isArray(wechat.components) ? wechat.components : undefined;
  return {
    ...record(wechat.manifest),
    name: definition.name,
    ...(definition.description ? { description: definition.description } : {}),
    apis: definition.operations.map(apiFromOperation),
    ...(components ? { components } : {}),
  };
}

function apiFromOperation(operation: OperationDefinition): Record<string, unknown> {
  const stored = record(operation.metadata?.wechat);
  const links = record(operation.metadata?.ui);
  const ui = {
    ...record(stored.ui),
    ...withoutUndefined({ componentPath: stringOrUndefined(links.componentPath), pagePath: stringOrUndefined(links.pagePath) }),
  };
  const meta = {
    ...record(stored.meta),
    ...(isEmpty(ui) ? {} : { ui }),
    ...skillgateMeta(operation.annotations),
    ...withoutUndefined({
      [httpMethodMetaKey]: operation.httpMethod,
      [urlMetaKey]: operation.url || undefined,
      [examplePromptsMetaKey]: operation.examplePrompts.length ? operation.examplePrompts : undefined,
    }),
  };
  const hints = { ...record(stored.annotations), ...mcpHints(operation.annotations) };
  return {
    ...record(stored.api),
    name: operation.name,
    ...(operation.title && operation.title !== operation.name ? { title: operation.title } : {}),
    description: operation.description,
    inputSchema: operation.inputSchema,
    ...(operation.outputSchema ? { outputSchema: operation.outputSchema } : {}),
    ...(isEmpty(hints) ? {} : { annotations: hints }),
    ...(isEmpty(meta) ? {} : { _meta: meta }),
  };
}

function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function nonEmpty(value: Record<string, unknown>): Record<string, unknown> | undefined {
  return isEmpty(value) ? undefined : value;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
