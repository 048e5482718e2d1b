import { authenticateApiKey } from "@/lib/api/authenticate-key";
import { apiError } from "@/lib/api/problem";
import { getAgentPolicy } from "@/lib/policy-runtime/agent-policy";
import { etagMatches } from "@/lib/policy-runtime/agent-policy-document";
import { policyRuntime } from "@/lib/policy-runtime/policy-runtime";
import { callerAgent, resolveMerchant } from "@/lib/policy-runtime/resolve-caller";

// GET /api/v1/merchants/{slug}/agent-policy.json: the merchant's whole policy, machine-readable,
// with a strong ETag; agents revalidate with If-None-Match and get 304 until the policy changes.
const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const auth = await authenticateApiKey(request, ["AGENT"]);
  if (!auth.ok) return auth.response;
  const { slug } = await params;
  if (!SLUG.test(slug)) return apiError(400, "invalid_merchant", "The merchant must be a slug: letters, digits, \".\", \"_\" or \"-\".");

  const [merchant, agent] = await Promise.all([resolveMerchant(slug), callerAgent(auth.key)]);
  if (!merchant.ok) return apiError(merchant.status, merchant.code, merchant.message);
  if (!agent.ok) return apiError(agent.status, agent.code, agent.message);

  const policy = await policyRuntime().policies.get(merchant.merchant.id);
  const built = policy && (await getAgentPolicy(policy, agent.agent.isTest ? "test-agent" : "agent"));
  if (!built) return apiError(404, "unknown_merchant", `No merchant "${slug}".`);

  const headers = { ETag: built.etag, "Cache-Control": "private, no-cache", Vary: "Authorization, X-Api-Key" };
  if (etagMatches(request.headers.get("if-none-match"), built.etag)) return new Response(null, { status: 304, headers });
  return new Response(built.body, { status: 200, headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
}
