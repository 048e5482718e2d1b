// From a validated decision query to the engine's request, and the decision to its API body;
// shared by the decision API and the page's simulator so both ask the engine the same question.
import type { DecisionQuery } from "@/lib/validation/policy";
import type { Decision, DecisionAgent, DecisionRequest } from "@/lib/policy/types";

export type DecisionQuestion = Pick<DecisionQuery, "action"> & { path?: string; integration?: string };

export function toDecisionRequest(question: DecisionQuestion, agent: DecisionAgent): DecisionRequest {
  return question.action === "screen_read"
    ? { agent, action: "screen_read", path: question.path ?? "" }
    : { agent, action: "skill_call", integrationId: question.integration ?? "" };
}

export type DecisionBody = Decision & { decision: "allow" | "deny"; merchant: string; agent: string };

export function decisionBody(decision: Decision, merchant: string, agent: string): DecisionBody {
  return { ...decision, decision: decision.allow ? "allow" : "deny", merchant, agent };
}
