import type { NextRequest } from "next/server";
import { authenticateApiKey } from "@/lib/api/authenticate-key";
import { apiError, issuesOf } from "@/lib/api/problem";
import { decide } from "@/lib/policy/decide";
import { decisionBody, toDecisionRequest } from "@/lib/policy-runtime/decision-request";
import { policyRuntime } from "@/lib/policy-runtime/policy-runtime";
import { resolveAgent, resolveMerchant } from "@/lib/policy-runtime/resolve-caller";
import { decisionQuerySchema } from "@/lib/validation/policy";

// GET /api/v1/policy/decision?merchant=&agent=&action=screen_read|skill_call&path=&integration=
// The hot path: key, slugs and the compiled policy all come from memory (see policy-runtime.ts);
// the database is read at most once a second per merchant.
export async function GET(request: Request | NextRequest) {
  const auth = await authenticateApiKey(request, ["AGENT"]);
  if (!auth.ok) return auth.response;

  // Next hands us a NextRequest whose URL is already parsed; tests pass a plain Request.
  const params = "nextUrl" in request ? request.nextUrl.searchParams : new URL(request.url).searchParams;
  const parsed = decisionQuerySchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    return apiError(400, "invalid_query", issues[0]?.message ?? "Invalid query.", { issues });
  }
  const query = parsed.data;

  const [merchant, agent] = await Promise.all([resolveMerchant(query.merchant), resolveAgent(query.agent, auth.key)]);
  if (!merchant.ok) return apiError(merchant.status, merchant.code, merchant.message);
  if (!agent.ok) return apiError(agent.status, agent.code, agent.message);

  const policy = await policyRuntime().policies.get(merchant.merchant.id);
  if (!policy) return apiError(404, "unknown_merchant", `No merchant "${query.merchant}".`);

  const decision = decide(policy, toDecisionRequest(query, { id: agent.agent.id, isTest: agent.agent.isTest }));
  return Response.json(decisionBody(decision, merchant.merchant.slug, agent.agent.slug), {
    headers: { "Cache-Control": `private, max-age=${decision.ttlSeconds}` },
  });
}
