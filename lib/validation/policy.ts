// Visibility-policy input. The decision query is for machines, so its messages are plain
// English; the settings and rule forms use catalogue keys (visibility.validation.*), like the
// other form schemas, and the action wrapper translates them.
import { z } from "zod";
import { recordId } from "./record-id";
import { parsePattern, type PatternErrorCode } from "@/lib/policy/glob";
import { normalizePath } from "@/lib/policy/path";

const slug = (name: string) =>
  z
    .string({ error: `${name} is required (a slug, e.g. ?${name}=lucky-coffee).` })
    .min(1, `${name} is required (a slug, e.g. ?${name}=lucky-coffee).`)
    .max(64, `${name} is longer than 64 characters.`)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, `${name} must be a slug: letters, digits, ".", "_" or "-".`);

/** Query parameters arrive as strings; an empty one counts as absent. */
const optionalParam = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : v));

export const decisionQuerySchema = z
  .object({
    merchant: slug("merchant"),
    agent: slug("agent"),
    action: z.enum(["screen_read", "skill_call"], {
      error: "action must be screen_read or skill_call.",
    }),
    path: optionalParam,
    integration: optionalParam,
  })
  .transform((query, ctx) => {
    const { merchant, agent } = query;
    if (query.action === "skill_call") {
      if (query.integration === undefined) {
        ctx.addIssue({ code: "custom", path: ["integration"], message: "integration is required when action is skill_call." });
        return z.NEVER;
      }
      if (query.integration.length > 128) {
        ctx.addIssue({ code: "custom", path: ["integration"], message: "integration is longer than 128 characters." });
        return z.NEVER;
      }
      return { merchant, agent, action: "skill_call" as const, integration: query.integration };
    }
    if (query.path === undefined) {
      ctx.addIssue({ code: "custom", path: ["path"], message: "path is required when action is screen_read (e.g. path=/checkout)." });
      return z.NEVER;
    }
    const path = normalizePath(query.path);
    if (!path.ok) {
      ctx.addIssue({ code: "custom", path: ["path"], message: path.message });
      return z.NEVER;
    }
    /** `path` is canonical: the one the decision is about. */
    return { merchant, agent, action: "screen_read" as const, path: path.path };
  });
export type DecisionQueryInput = z.input<typeof decisionQuerySchema>;
export type DecisionQuery = z.output<typeof decisionQuerySchema>;

const effect = z.enum(["ALLOW", "DENY"], { error: "visibility.validation.effectRequired" });
const id = recordId("visibility.validation.agentRequired");

const patternMessages: Record<PatternErrorCode, string> = {
  empty: "visibility.validation.patternRequired",
  too_long: "visibility.validation.patternTooLong",
  not_absolute: "visibility.validation.patternNotAbsolute",
  query_or_fragment: "visibility.validation.patternQuery",
  bad_globstar: "visibility.validation.patternGlobstar",
  partial_wildcard: "visibility.validation.patternPartialWildcard",
  dot_segment: "visibility.validation.patternDotSegment",
  invalid_encoding: "visibility.validation.patternEncoding",
  control_character: "visibility.validation.patternEncoding",
};

/** A glob such as "/checkout/**", stored in its canonical spelling. */
export const pathPatternSchema = z
  .string({ error: patternMessages.empty })
  .trim()
  .transform((input, ctx) => {
    const parsed = parsePattern(input);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: patternMessages[parsed.code] });
      return z.NEVER;
    }
    return parsed.pattern.source;
  });

export const pathRuleInputSchema = z.object({ effect, pattern: pathPatternSchema });
export type PathRuleInput = z.infer<typeof pathRuleInputSchema>;

export const agentRuleInputSchema = z.object({
  kind: z.enum(["AGENT_SCREEN_READ", "AGENT_SKILL_CALL"], { error: "visibility.validation.kindRequired" }),
  effect,
  agentId: id,
});
export type AgentRuleInput = z.infer<typeof agentRuleInputSchema>;

/** A checkbox posts "on" when ticked and nothing when not; JSON callers send a boolean. */
const checkbox = z
  .union([z.boolean(), z.enum(["on", "off", "true", "false"])], { error: "visibility.validation.switchInvalid" })
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

export const policySettingsSchema = z.object({
  screenReadingAllowed: checkbox,
  dataSharing: z.enum(["NONE", "ORDER_STATUS", "ORDER_DETAILS"], { error: "visibility.validation.dataSharingRequired" }),
});
export type PolicySettingsInput = z.infer<typeof policySettingsSchema>;

export const integrationVisibilitySchema = z.object({
  integrationId: recordId("visibility.validation.integrationRequired"),
  visibility: z.enum(["PUBLIC", "ALLOWLIST", "PRIVATE"], { error: "visibility.validation.visibilityRequired" }),
  /** ALLOWLIST only; ignored otherwise. A single form value arrives as a string. */
  allowedAgentIds: z
    .union([id, z.array(id).max(500, "visibility.validation.tooManyAgents")])
    .optional()
    .transform((v) => [...new Set(v === undefined ? [] : typeof v === "string" ? [v] : v)]),
});
export type IntegrationVisibilityInput = z.infer<typeof integrationVisibilitySchema>;
