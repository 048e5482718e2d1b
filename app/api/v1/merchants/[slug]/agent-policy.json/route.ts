import { toResponse } from "@/lib/api/handler-result";
import { handleAgentPolicy } from "@/lib/policy-runtime/agent-policy-handler";

// GET /api/v1/merchants/{slug}/agent-policy.json. Like the decision API, the production server
// answers it on its fast path (server/fast-path.ts) with the same handler.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return toResponse(await handleAgentPolicy(slug, request.headers));
}
