import { NextResponse } from "next/server";
import { attributionReportJson } from "@/lib/attribution/report-json";
import { shanghaiDateOf } from "@/lib/attribution/shanghai-time";
import { authenticateApiKey } from "@/lib/api/authenticate-key";
import { apiError } from "@/lib/api/problem";
import { getAttributionReport } from "@/lib/data/attribution";
import { paramsToRecord, parseAttributionView } from "@/lib/validation/attribution";

const known = new Set(["from", "to", "interval", "groupBy", "includeVerification", "compare"]);

// GET /api/v1/analytics/attribution: the merchant's attribution numbers, the same query the
// dashboard's attribution page runs. Authenticated with a merchant analytics key.
export async function GET(request: Request) {
  const auth = await authenticateApiKey(request, ["MERCHANT_ANALYTICS"]);
  if (!auth.ok) return auth.response;
  const merchantId = auth.key.merchantId;
  if (!merchantId) return apiError(403, "key_without_merchant", "This analytics key is not bound to a merchant.");

  const params = new URL(request.url).searchParams;
  const unknown = [...params.keys()].filter((k) => !known.has(k));
  if (unknown.length) {
    return apiError(400, "unknown_parameter", `Unknown query parameter(s): ${unknown.join(", ")}. Known: ${[...known].join(", ")}.`, { parameters: unknown });
  }
  const parsed = parseAttributionView(paramsToRecord(params), { today: shanghaiDateOf(new Date()) });
  if (!parsed.ok) {
    return apiError(400, "invalid_parameters", parsed.issues.map((i) => i.message).join(" "), { issues: parsed.issues });
  }
  const report = await getAttributionReport({ merchantId, view: parsed.view });
  return NextResponse.json(attributionReportJson(report), { headers: { "Cache-Control": "private, no-store" } });
}
