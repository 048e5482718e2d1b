import "server-only";
import { checkApiKey } from "@/lib/api/authenticate-key";
import { refusalResult, type HandlerResult, type HeaderReader } from "@/lib/api/handler-result";
import { POLICY_READ_SCOPE } from "@/lib/api-keys/scopes";
import { getAgentPolicy } from "./agent-policy";
import { etagMatches } from "./agent-policy-document";
import { policyRuntime } from "./policy-runtime";
import { callerAgent, resolveMerchant } from "./resolve-caller";

// GET /api/v1/merchants/{slug}/agent-policy.json: the merchant's whole policy, machine-readable,
// with a strong ETag; agents revalidate with If-None-Match and get 304 until the policy changes.
// Called by the Next.js route and by the production server's fast path, like handleDecision.
const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export async function handleAgentPolicy(slug: string, headers: HeaderReader): Promise<HandlerResult> {
  const auth = await checkApiKey(headers, ["AGENT"], POLICY_READ_SCOPE);
  if (!auth.ok) return refusalResult(auth);
  if (!SLUG.test(slug)) {
    return refusalResult({ ok: false, status: 400, code: "invalid_merchant", message: 'The merchant must be a slug: letters, digits, ".", "_" or "-".' });
  }

  const [merchant, agent] = await Promise.all([resolveMerchant(slug), callerAgent(auth.key)]);
  if (!merchant.ok) return refusalResult(merchant);
  if (!agent.ok) return refusalResult(agent);

  const policy = await policyRuntime().policies.get(merchant.merchant.id);
  const built = policy && (await getAgentPolicy(policy, agent.agent.isTest ? "test-agent" : "agent"));
  if (!built) return refusalResult({ ok: false, status: 404, code: "unknown_merchant", message: `No merchant "${slug}".` });

  const cacheHeaders = { ETag: built.etag, "Cache-Control": "private, no-cache", Vary: "Authorization, X-Api-Key" };
  if (etagMatches(headers.get("if-none-match"), built.etag)) return { status: 304, headers: cacheHeaders, body: null };
  return { status: 200, headers: { ...cacheHeaders, "Content-Type": "application/json; charset=utf-8" }, body: built.body };
}
