// Registry forms: create an integration, edit a draft (MCP endpoint or Skill operations), run
// validation, import. Messages are catalogue keys (integrations.validation.*) that the action
// wrapper translates; schema problems come from lib/integrations/schema-text with their
// position and are shown as they are.
import { z } from "zod";
import { recordId } from "./record-id";
import { checkSchemaText, formatSchemaIssue } from "@/lib/integrations/schema-text";

const v = (key: string) => `integrations.validation.${key}`;

export const integrationCategories = ["FOOD", "MOBILITY", "TRAVEL", "RETAIL", "SERVICES", "OTHER"] as const;
export const httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export const annotationKeys = ["readOnly", "destructive", "idempotent", "movesMoney", "needsConfirmation"] as const;
export type AnnotationKey = (typeof annotationKeys)[number];

/** Same rule as MCP tool names, so every operation is also a valid tool name and operationId. */
export const operationNamePattern = /^[A-Za-z0-9_.-]{1,128}$/;

const id = recordId();
const name = z.string().trim().min(1, v("nameRequired")).max(120, v("nameTooLong"));
const description = z.string().trim().max(2000, v("descriptionTooLong")).default("");

const endpointUrl = z
  .string()
  .trim()
  .min(1, v("urlRequired"))
  .max(2048, v("urlInvalid"))
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password;
    } catch {
      return false;
    }
  }, v("urlInvalid"));

const mcpEndpointFields = {
  endpointUrl,
  transport: z.enum(["STREAMABLE_HTTP", "SSE"], { error: v("transportInvalid") }).default("STREAMABLE_HTTP"),
  authType: z.enum(["NONE", "BEARER"], { error: v("authInvalid") }).default("NONE"),
  /** Empty means "keep the stored secret" when editing. */
  bearerSecret: z.string().max(4096, v("secretTooLong")).default(""),
};

function secretNeeded<T extends { authType: "NONE" | "BEARER"; bearerSecret: string }>(requireNew: (input: T) => boolean) {
  return (input: T, ctx: z.RefinementCtx) => {
    if (input.authType === "BEARER" && input.bearerSecret.trim() === "" && requireNew(input)) {
      ctx.addIssue({ code: "custom", path: ["bearerSecret"], message: v("secretRequired") });
    }
  };
}

export const createIntegrationSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("SKILL"), name, description, category: z.enum(integrationCategories, { error: v("categoryInvalid") }) }),
  z
    .object({ kind: z.literal("MCP_SERVER"), name, description, category: z.enum(integrationCategories, { error: v("categoryInvalid") }), ...mcpEndpointFields })
    .superRefine(secretNeeded(() => true)),
]);
export type CreateIntegrationInput = z.infer<typeof createIntegrationSchema>;

export const updateMcpDraftSchema = z
  .object({ versionId: id, ...mcpEndpointFields, hasSecret: z.enum(["0", "1"]).default("0") })
  .superRefine(secretNeeded((input) => input.hasSecret !== "1"));
export type UpdateMcpDraftInput = z.infer<typeof updateMcpDraftSchema>;

const triState = z
  .enum(["unset", "true", "false"])
  .default("unset")
  .transform((value) => (value === "unset" ? undefined : value === "true"));

const schemaText = (optional: boolean) =>
  z
    .string()
    .max(200_000, v("schemaTooLong"))
    .default("")
    .transform((text, ctx) => {
      const result = checkSchemaText(text, { optional });
      if (result.ok) return result.value;
      for (const issue of result.issues.slice(0, 5)) ctx.addIssue({ code: "custom", message: formatSchemaIssue(issue) });
      return z.NEVER;
    });

export const saveOperationSchema = z.object({
  versionId: id,
  /** Absent for a new operation. */
  operationId: z.string().max(64).optional().transform((value) => value || undefined),
  name: z.string().trim().regex(operationNamePattern, v("operationNameInvalid")),
  title: z.string().trim().max(200, v("titleTooLong")).default(""),
  description: z.string().trim().max(4000, v("descriptionTooLong")).default(""),
  httpMethod: z.enum(httpMethods, { error: v("methodInvalid") }).default("POST"),
  url: z.union([z.literal(""), endpointUrl]).default(""),
  readOnly: triState,
  destructive: triState,
  idempotent: triState,
  movesMoney: triState,
  needsConfirmation: triState,
  examplePrompts: z
    .string()
    .max(8000, v("promptsTooLong"))
    .default("")
    .transform((text) => text.split("\n").map((line) => line.trim()).filter(Boolean)),
  inputSchema: schemaText(false),
  outputSchema: schemaText(true),
});
export type SaveOperationInput = z.infer<typeof saveOperationSchema>;

export const operationRefSchema = z.object({ versionId: id, operationId: id });
export const versionRefSchema = z.object({ versionId: id });

export const importWechatFormSchema = z.object({
  name: z.string().trim().max(120, v("nameTooLong")).optional().transform((value) => value || undefined),
  /** Pasted text; a chosen file (field `file`) wins when both are sent. */
  payload: z.string().max(1_000_000, v("payloadTooLong")).default(""),
});

export const importMcpFormSchema = z.object({
  name,
  description,
  category: z.enum(integrationCategories, { error: v("categoryInvalid") }),
  endpointUrl,
  transport: z.enum(["STREAMABLE_HTTP", "SSE"], { error: v("transportInvalid") }).default("STREAMABLE_HTTP"),
});
