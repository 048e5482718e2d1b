import "server-only";
import { handleAgentPolicy } from "@/lib/policy-runtime/agent-policy-handler";
import { handleDecision } from "@/lib/policy-runtime/decision-handler";
import { publishFastPathHandlers } from "./contract";

/** Called from instrumentation.ts at server start: hands the policy handlers to the fast path. */
export function publishPolicyFastPath(): void {
  publishFastPathHandlers({ decision: handleDecision, agentPolicy: handleAgentPolicy });
}
