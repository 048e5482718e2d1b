import { NextResponse } from "next/server";
import { authenticateApiKey } from "@/lib/api/authenticate-key";
import { apiError } from "@/lib/api/problem";
import { REGISTRY_READ_SCOPE } from "@/lib/api-keys/scopes";
import { listRegistryFor } from "@/lib/policy-runtime/registry";
import { callerAgent } from "@/lib/policy-runtime/resolve-caller";

// GET /api/v1/registry: the live integrations the calling agent may use, across merchants.
export async function GET(request: Request) {
  const auth = await authenticateApiKey(request, ["AGENT"], REGISTRY_READ_SCOPE);
  if (!auth.ok) return auth.response;
  const caller = await callerAgent(auth.key);
  if (!caller.ok) return apiError(caller.status, caller.code, caller.message);
  const integrations = await listRegistryFor({ id: caller.agent.id, isTest: caller.agent.isTest });
  return NextResponse.json(
    { agent: caller.agent.slug, count: integrations.length, integrations },
    { headers: { "Cache-Control": "private, max-age=30" } },
  );
}
