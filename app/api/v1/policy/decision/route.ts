import type { NextRequest } from "next/server";
import { toResponse } from "@/lib/api/handler-result";
import { handleDecision } from "@/lib/policy-runtime/decision-handler";

// GET /api/v1/policy/decision. The production server answers this path on its fast path before
// Next.js sees it (server/fast-path.ts); both call the same handler, so this route serves
// `next start`/`next dev`, the fallback, and tests.
export async function GET(request: Request | NextRequest) {
  // Next hands us a NextRequest whose URL is already parsed; tests pass a plain Request.
  const search = "nextUrl" in request ? request.nextUrl.search : new URL(request.url).search;
  return toResponse(await handleDecision(search.slice(1), request.headers));
}
