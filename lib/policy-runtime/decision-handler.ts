import "server-only";
import { checkApiKey } from "@/lib/api/authenticate-key";
import { jsonResult, refusalResult, type HandlerResult, type HeaderReader } from "@/lib/api/handler-result";
import { issuesOf } from "@/lib/api/problem";
import { POLICY_READ_SCOPE } from "@/lib/api-keys/scopes";
import { decide } from "@/lib/policy/decide";
import { decisionQuerySchema } from "@/lib/validation/policy";
import { decisionBody, toDecisionRequest } from "./decision-request";
import { policyRuntime } from "./policy-runtime";
import { resolveAgent, resolveMerchant } from "./resolve-caller";

// GET /api/v1/policy/decision?merchant=&agent=&action=screen_read|skill_call&path=&integration=
// The one implementation, called by the Next.js route and by the production server's fast path
// (server/fast-path.ts). Key, slugs and the compiled policy all come from memory (see
// policy-runtime.ts); the database is read at most once a second per merchant.
export async function handleDecision(searchParams: URLSearchParams, headers: HeaderReader): Promise<HandlerResult> {
  const auth = await checkApiKey(headers, ["AGENT"], POLICY_READ_SCOPE);
  if (!auth.ok) return refusalResult(auth);

  const parsed = decisionQuerySchema.safeParse(Object.fromEntries(searchParams));
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    return refusalResult({ ok: false, status: 400, code: "invalid_query", message: issues[0]?.message ?? "Invalid query." }, { issues });
  }
  const query = parsed.data;

  const [merchant, agent] = await Promise.all([resolveMerchant(query.merchant), resolveAgent(query.agent, auth.key)]);
  if (!merchant.ok) return refusalResult(merchant);
  if (!agent.ok) return refusalResult(agent);

  const policy = await policyRuntime().policies.get(merchant.merchant.id);
  if (!policy) return refusalResult({ ok: false, status: 404, code: "unknown_merchant", message: `No merchant "${query.merchant}".` });

  const decision = decide(policy, toDecisionRequest(query, { id: agent.agent.id, isTest: agent.agent.isTest }));
  return jsonResult(200, decisionBody(decision, merchant.merchant.slug, agent.agent.slug), {
    "Cache-Control": `private, max-age=${decision.ttlSeconds}`,
  });
}
