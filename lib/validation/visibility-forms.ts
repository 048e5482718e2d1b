// The visibility page's own forms beyond the rule/settings schemas in ./policy: removing a rule
// and asking the simulator. Messages are catalogue keys (visibility.validation.*).
import { z } from "zod";
import { recordId } from "./record-id";
import { normalizePath } from "@/lib/policy/path";

export const removeRuleSchema = z.object({
  ruleId: recordId("visibility.validation.ruleRequired"),
});
export type RemoveRuleInput = z.infer<typeof removeRuleSchema>;

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

/** The same question the decision API answers, asked from the page. */
export const simulateDecisionSchema = z
  .object({
    agentId: z.string({ error: "visibility.validation.agentRequired" }).min(1, "visibility.validation.agentRequired").max(64),
    action: z.enum(["screen_read", "skill_call"], { error: "visibility.validation.actionRequired" }),
    path: optional,
    integration: optional,
  })
  .transform((input, ctx) => {
    if (input.action === "skill_call") {
      if (!input.integration) {
        ctx.addIssue({ code: "custom", path: ["integration"], message: "visibility.validation.integrationRequired" });
        return z.NEVER;
      }
      return { agentId: input.agentId, action: "skill_call" as const, integration: input.integration };
    }
    const path = normalizePath(input.path ?? "");
    if (!path.ok) {
      ctx.addIssue({
        code: "custom",
        path: ["path"],
        message: path.code === "empty" ? "visibility.validation.pathRequired" : "visibility.validation.pathInvalid",
      });
      return z.NEVER;
    }
    return { agentId: input.agentId, action: "screen_read" as const, path: path.path };
  });
export type SimulateDecisionInput = z.output<typeof simulateDecisionSchema>;
