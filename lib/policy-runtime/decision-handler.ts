import "server-only";
import { apiKeyHashOf, cachedApiKeyRecord, checkApiKey, peekApiKey } from "@/lib/api/authenticate-key";
import { jsonResult, refusalResult, type HandlerResult, type HeaderReader } from "@/lib/api/handler-result";
import { issuesOf } from "@/lib/api/problem";
import { POLICY_READ_SCOPE } from "@/lib/api-keys/scopes";
import { decide } from "@/lib/policy/decide";
import type { CompiledPolicy } from "@/lib/policy/compile";
import { decisionQuerySchema, type DecisionQuery } from "@/lib/validation/policy";
import { createAnswerMemo } from "./answer-memo";
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
//
// On top of that, an answer computed from memory is remembered per key and raw query string, with
// the cached objects it came from (answer-memo.ts): asked again while those are still the
// caches' current objects, the same response is returned without parsing or deciding anything.
// `query` is the raw query string, without the "?".
export function handleDecision(query: string, headers: HeaderReader): HandlerResult | Promise<HandlerResult> {
  return fromMemory(query, headers) ?? withLoads(new URLSearchParams(query), headers);
}

const memo = createAnswerMemo<HandlerResult>();

/** For tests: forget remembered answers. */
export function clearDecisionMemo(): void {
  memo.clear();
}

function fromMemory(query: string, headers: HeaderReader): HandlerResult | undefined {
  const keyHash = apiKeyHashOf(headers);
  const question = keyHash === undefined ? undefined : `${keyHash}?${query}`;
  const remembered = question === undefined ? undefined : memo.recall(question);
  if (remembered) return remembered;

  const auth = peekApiKey(headers, ["AGENT"], POLICY_READ_SCOPE);
  if (!auth) return undefined;
  if (!auth.ok) return refusalResult(auth);
  const parsed = parseQuery(new URLSearchParams(query));
  if (!parsed.ok) return parsed.refusal;
  const { merchant: merchantSlug, agent: agentSlug } = parsed.value;
  const merchant = peekMerchant(merchantSlug);
  const agent = peekAgent(agentSlug, auth.key);
  if (!merchant || !agent) return undefined;
  if (!merchant.ok) return refusalResult(merchant);
  if (!agent.ok) return refusalResult(agent);
  const runtime = policyRuntime();
  const policy = runtime.policies.peek(merchant.merchant.id);
  if (!policy) return undefined;
  const result = answer(parsed.value, merchant.merchant, agent.agent, policy);
  if (question !== undefined) {
    // The peeks above handed out the caches' own objects: identity says whether they still hold them.
    const keyRecord = cachedApiKeyRecord(keyHash!);
    memo.remember(
      question,
      result,
      () =>
        cachedApiKeyRecord(keyHash!) === keyRecord &&
        runtime.merchants.peek(merchantSlug) === merchant.merchant &&
        runtime.agents.peek(agentSlug) === agent.agent &&
        runtime.policies.peek(merchant.merchant.id) === policy,
    );
  }
  return result;
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
