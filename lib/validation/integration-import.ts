// Body of "import an integration from another ecosystem's format". The payload itself is checked
// by the converter (lib/integrations/formats), which reports paths inside it such as
// `apis[2].inputSchema`.
import { z } from "zod";
import { requiredOr } from "@/lib/integrations/formats/import-issues";

export const importFormats = ["wechat-mcp-json", "mcp-tools"] as const;
export type ImportFormat = (typeof importFormats)[number];

/** 1 MB of JSON text is far beyond any real manifest; more is refused before parsing. */
export const maxImportPayloadChars = 1_000_000;

const payloadSchema = z.union(
  [
    z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(maxImportPayloadChars, `must be at most ${maxImportPayloadChars} characters`),
    z.record(z.string(), z.unknown()),
    z.array(z.unknown()),
  ],
  { error: requiredOr("must be JSON text, an object or an array") },
);

const nameSchema = z
  .string({ error: requiredOr("must be a string") })
  .trim()
  .min(1, "must not be empty")
  .max(120, "must be at most 120 characters");

export const integrationImportSchema = z.discriminatedUnion(
  "format",
  [
    z.object({
      format: z.literal("wechat-mcp-json"),
      /** Defaults to the manifest's own `name`. */
      name: nameSchema.optional(),
      /** The `mcp.json` manifest, parsed or as text. */
      payload: payloadSchema,
    }),
    z.object({
      format: z.literal("mcp-tools"),
      name: nameSchema,
      description: z.string().trim().max(2000, "must be at most 2000 characters").optional(),
      endpointUrl: z.url({ protocol: /^https?$/, error: requiredOr("must be an http(s) URL") }),
      transport: z.enum(["STREAMABLE_HTTP", "SSE"], { error: 'must be "STREAMABLE_HTTP" or "SSE"' }).default("STREAMABLE_HTTP"),
      /**
       * The `tools/list` result (or its `tools` array). Omitted: the caller fetches the live tool
       * list from `endpointUrl` (SSRF-guarded) and passes it on.
       */
      payload: payloadSchema.optional(),
    }),
  ],
  { error: `must be one of ${importFormats.map((format) => `"${format}"`).join(", ")}` },
);

export type IntegrationImportInput = z.infer<typeof integrationImportSchema>;
