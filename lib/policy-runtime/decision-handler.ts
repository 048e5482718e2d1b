import "server-only";
import { checkApiKey, peekApiKey } from "@/lib/api/authenticate-key";
import { jsonResult, refusalResult, type HandlerResult, type HeaderReader } from "@/lib/api/handler-result";
import { issuesOf } from "@/lib/api/problem";
import { POLICY_READ_SCOPE } from "@/lib/api-keys/scopes";
import { decide } from "@/lib/policy/decide";
import type { CompiledPolicy } from "@/lib/policy/compile";
import { decisionQuerySchema, type DecisionQuery } from "@/lib/validation/policy";
import { decisionBody, toDecisionRequest } from "./decision-request";
import { policyRuntime, type RuntimeAgent, type RuntimeMerchant } from "./policy-runtime";
import { peekAgent, peekMerchant, resolveAgent, resolveMerchant } from "./resolve-caller";

// GET /api/v1/policy/decision?merchant=&agent=&action=screen_read|skill_call&path=&integration=
// The one implementation, called by the Next.js route and by the production server's fast path
// (lib/fast-path/listener.ts). Key, slugs and the compiled policy all come from memory (see
// policy-runtime.ts); the database is read at most once a second per merchant.
//
// When all of them are in memory the answer is computed synchronously, without a single promise:
// in the server process Next.js's AsyncLocalStorage makes every promise pay for async hooks, and
// this is the hot path. Otherwise (a cold cache, a version check due) the same steps run with the
// loads awaited. Both paths share every step and message below.
export function handleDecision(searchParams: URLSearchParams, headers: HeaderReader): HandlerResult | Promise<HandlerResult> {
  return fromMemory(searchParams, headers) ?? withLoads(searchParams, headers);
}

function fromMemory(searchParams: URLSearchParams, headers: HeaderReader): HandlerResult | undefined {
  const auth = peekApiKey(headers, ["AGENT"], POLICY_READ_SCOPE);
  if (!auth) return undefined;
  if (!auth.ok) return refusalResult(auth);
  const query = parseQuery(searchParams);
  if (!query.ok) return query.refusal;
  const merchant = peekMerchant(query.value.merchant);
  const agent = peekAgent(query.value.agent, auth.key);
  if (!merchant || !agent) return undefined;
  if (!merchant.ok) return refusalResult(merchant);
  if (!agent.ok) return refusalResult(agent);
  const policy = policyRuntime().policies.peek(merchant.merchant.id);
  return policy && answer(query.value, merchant.merchant, agent.agent, policy);
}

async function withLoads(searchParams: URLSearchParams, headers: HeaderReader): Promise<HandlerResult> {
  const auth = await checkApiKey(headers, ["AGENT"], POLICY_READ_SCOPE);
  if (!auth.ok) return refusalResult(auth);
  const query = parseQuery(searchParams);
  if (!query.ok) return query.refusal;
  const [merchant, agent] = await Promise.all([resolveMerchant(query.value.merchant), resolveAgent(query.value.agent, auth.key)]);
  if (!merchant.ok) return refusalResult(merchant);
  if (!agent.ok) return refusalResult(agent);
  const policy = await policyRuntime().policies.get(merchant.merchant.id);
  if (!policy) return refusalResult({ ok: false, status: 404, code: "unknown_merchant", message: `No merchant "${query.value.merchant}".` });
  return answer(query.value, merchant.merchant, agent.agent, policy);
}

function parseQuery(searchParams: URLSearchParams): { ok: true; value: DecisionQuery } | { ok: false; refusal: HandlerResult } {
  const parsed = decisionQuerySchema.safeParse(Object.fromEntries(searchParams));
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = issuesOf(parsed.error);
  return { ok: false, refusal: refusalResult({ ok: false, status: 400, code: "invalid_query", message: issues[0]?.message ?? "Invalid query." }, { issues }) };
}

function answer(query: DecisionQuery, merchant: RuntimeMerchant, agent: RuntimeAgent, policy: CompiledPolicy): HandlerResult {
  const decision = decide(policy, toDecisionRequest(query, { id: agent.id, isTest: agent.isTest }));
  return jsonResult(200, decisionBody(decision, merchant.slug, agent.slug), { "Cache-Control": `private, max-age=${decision.ttlSeconds}` });
}
