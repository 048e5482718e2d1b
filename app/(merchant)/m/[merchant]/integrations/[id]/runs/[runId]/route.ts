import { NextResponse } from "next/server";
import { merchantRoleCan } from "@/lib/auth/permissions";
import { findMerchantContext } from "@/lib/auth/session";
import { getCheckRunProgress } from "@/lib/data/check-runs";

// The progress poller of the integration page: { status, progress, label } of one run, for a
// signed-in member of the merchant (integrations:read). Anything else is a 404.
export async function GET(_request: Request, { params }: { params: Promise<{ merchant: string; id: string; runId: string }> }) {
  const { merchant, id, runId } = await params;
  const ctx = await findMerchantContext(merchant);
  const notFound = NextResponse.json({ error: { code: "not_found", message: "No such run." } }, { status: 404 });
  if (!ctx || !merchantRoleCan(ctx.role, "integrations:read")) return notFound;
  const run = await getCheckRunProgress({ merchantId: ctx.merchant.id, integrationId: id, runId });
  if (!run) return notFound;
  return NextResponse.json(
    { status: run.status, progress: run.progress, label: run.progressLabel, failureReason: run.failureReason },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
