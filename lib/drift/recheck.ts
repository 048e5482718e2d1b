import "server-only";
import { captureMcpServer, type RawMcpTool } from "@/lib/checks/mcp-connect";
import { LATENCY_LIMIT_MS } from "@/lib/checks/mcp-rules";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { loadDriftTarget, recordDriftResult, type DriftRecord } from "@/lib/data/drift";
import type { Actor } from "@/lib/data/users";
import { createGuardedFetch } from "@/lib/net/guarded-fetch";
import { decideDrift, type DriftDecision } from "./decide";

// Re-validates one live MCP integration: lists its tools the way validation does (same capture
// code, same SSRF-guarded client, same hash) and stores what drift it finds.

export type RecheckResult =
  | { status: "notFound" }
  | { status: "notLive" }
  | { status: "unreachable"; message: string }
  | { status: "checked"; decision: DriftDecision; record: DriftRecord };

export async function recheckIntegration({
  integrationId,
  merchantId,
  actor = null,
  fetch: fetchFn,
}: {
  integrationId: string;
  /** Scopes a merchant member's request; the scheduled scan passes none. */
  merchantId?: string;
  actor?: Actor | null;
  fetch?: typeof fetch;
}): Promise<RecheckResult> {
  const target = await loadDriftTarget({ integrationId, merchantId });
  if (!target) return { status: "notFound" };
  const live = target.liveVersion;
  if (target.kind !== "MCP_SERVER" || !live || live.status !== "LIVE" || !live.endpointUrl) return { status: "notLive" };

  let bearerToken: string | undefined;
  try {
    bearerToken = live.authSecretEnc ? decryptSecret(live.authSecretEnc) : undefined;
  } catch {
    return { status: "unreachable", message: "The stored bearer secret cannot be decrypted." };
  }
  const capture = await captureMcpServer({ url: live.endpointUrl, bearerToken, fetch: fetchFn ?? createGuardedFetch(), timeoutMs: LATENCY_LIMIT_MS });
  // An unreachable server is not drift: nothing is flagged, the next scan tries again.
  if (capture.error) return { status: "unreachable", message: capture.error.message };

  const approvedTools = Array.isArray(live.toolList) ? (live.toolList as RawMcpTool[]) : [];
  const decision = decideDrift({ approvedHash: live.toolListHash, approvedTools, currentTools: capture.tools });
  const record = await recordDriftResult({ target, decision, by: { actor } });
  return { status: "checked", decision, record };
}
