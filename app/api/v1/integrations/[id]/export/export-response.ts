import "server-only";
import { NextResponse } from "next/server";
import type { AuthenticatedKey } from "@/lib/api/authenticate-key";
import { apiError } from "@/lib/api/problem";
import { merchantRoleCan } from "@/lib/auth/permissions";
import { getIntegration, loadDefinition } from "@/lib/data/integrations";
import { getMembership } from "@/lib/data/memberships";
import { exportFormats, exportIntegration, FormatExportError, isExportFormat } from "@/lib/integrations/formats";
import { slugify } from "@/lib/integrations/formats/naming";
import { decide } from "@/lib/policy/decide";
import { callerAgent } from "@/lib/policy-runtime/resolve-caller";
import { policyRuntime } from "@/lib/policy-runtime/policy-runtime";

// GET /api/v1/integrations/{id}/export?format=…[&version=N]
// Who may read what:
//   - a member of the integration's merchant (session, integrations:read) or that merchant's
//     analytics key: any version (default: the live one, else the newest);
//   - an agent key: only the live version, and only when the policy lets that agent call the
//     integration (the same decision as /api/v1/registry, which links here).
// Anything else reads as 404, so ids of other merchants' integrations reveal nothing.

export type ExportCaller = { kind: "session"; userId: string } | { kind: "key"; key: AuthenticatedKey };

const notFound = () => apiError(404, "not_found", "No integration with this id is available to you.");

function badFormat(format: string | null) {
  return apiError(
    400,
    "invalid_format",
    format ? `Unknown format "${format}". Use one of: ${exportFormats.join(", ")}.` : `Give ?format= with one of: ${exportFormats.join(", ")}.`,
    { formats: exportFormats },
  );
}

function publicOrigin(request: Request): string {
  return (process.env.NEXTAUTH_URL ?? new URL(request.url).origin).replace(/\/+$/, "");
}

async function mayReadAsMerchant(caller: ExportCaller, merchant: { id: string; slug: string }): Promise<boolean> {
  if (caller.kind === "key") return caller.key.kind === "MERCHANT_ANALYTICS" && caller.key.merchantId === merchant.id;
  const membership = await getMembership({ userId: caller.userId, merchantSlug: merchant.slug });
  return membership !== null && membership.merchant.id === merchant.id && merchantRoleCan(membership.role, "integrations:read");
}

export async function exportResponse(request: Request, integrationId: string, caller: ExportCaller): Promise<NextResponse> {
  const params = new URL(request.url).searchParams;
  const format = params.get("format");
  if (!isExportFormat(format)) return badFormat(format);
  const versionParam = params.get("version");
  let versionNumber: number | undefined;
  if (versionParam !== null) {
    versionNumber = Number(versionParam);
    if (!Number.isInteger(versionNumber) || versionNumber < 1) return apiError(400, "invalid_version", "version must be a positive version number, e.g. ?version=2.");
  }
  if (integrationId.length > 64) return notFound();

  const head = await loadDefinition({ integrationId });
  if (!head) return notFound();
  const merchant = { id: head.integration.merchantId, slug: head.integration.merchant.slug };

  let loaded = head;
  if (await mayReadAsMerchant(caller, merchant)) {
    if (versionNumber !== undefined || !head.version) {
      const newest = versionNumber ?? (await latestNumber(head));
      if (newest === null) return notFound();
      loaded = (await loadDefinition({ integrationId, merchantId: merchant.id, versionNumber: newest })) ?? head;
    }
  } else if (caller.kind === "key" && caller.key.kind === "AGENT") {
    if (!(await agentMayRead(caller.key, head))) return notFound();
    if (versionNumber !== undefined && versionNumber !== head.version?.number) return notFound();
  } else {
    return notFound();
  }
  if (!loaded.definition || !loaded.version) return notFound();

  try {
    const document = exportIntegration(loaded.definition, format, { baseUrl: publicOrigin(request), integrationId });
    const stem = slugify(loaded.definition.name) || `integration-${integrationId}`;
    return NextResponse.json(document.body, {
      headers: {
        "Content-Type": `${document.contentType}; charset=utf-8`,
        "Content-Disposition": `attachment; filename="${stem}-v${loaded.version.number}-${document.filename}"`,
        "Cache-Control": "private, no-store",
        "X-Skillgate-Version": String(loaded.version.number),
      },
    });
  } catch (error) {
    if (error instanceof FormatExportError) return apiError(422, "not_exportable", error.message, { format });
    throw error;
  }
}

async function latestNumber(head: NonNullable<Awaited<ReturnType<typeof loadDefinition>>>): Promise<number | null> {
  const integration = await getIntegration({ merchantId: head.integration.merchantId, integrationId: head.integration.id });
  return integration?.versions[0]?.number ?? null;
}

async function agentMayRead(key: AuthenticatedKey, head: NonNullable<Awaited<ReturnType<typeof loadDefinition>>>): Promise<boolean> {
  if (!head.version || head.version.status !== "LIVE" || head.integration.merchant.status !== "ACTIVE") return false;
  const caller = await callerAgent(key);
  if (!caller.ok) return false;
  const policy = await policyRuntime().policies.get(head.integration.merchantId);
  if (!policy) return false;
  return decide(policy, { agent: { id: caller.agent.id, isTest: caller.agent.isTest }, action: "skill_call", integrationId: head.integration.id }).allow;
}
