import { authenticateApiKey } from "@/lib/api/authenticate-key";
import { apiError } from "@/lib/api/problem";
import { getSessionUser } from "@/lib/auth/session";
import { exportResponse } from "./export-response";

// GET /api/v1/integrations/{id}/export?format=mcp-server-json|a2a-agent-card|openapi|wechat-mcp-json
// With an API key (merchant analytics or agent), or the signed-in session (the download
// buttons on the integration page). Rules in export-response.ts.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (request.headers.has("authorization") || request.headers.has("x-api-key")) {
    const auth = await authenticateApiKey(request, ["MERCHANT_ANALYTICS", "AGENT"]);
    if (!auth.ok) return auth.response;
    return exportResponse(request, id, { kind: "key", key: auth.key });
  }
  const user = await getSessionUser();
  if (!user) {
    return apiError(401, "missing_api_key", "Send your API key as `Authorization: Bearer <key>`, or sign in.", {}, { "WWW-Authenticate": 'Bearer realm="skillgate"' });
  }
  return exportResponse(request, id, { kind: "session", userId: user.id });
}
