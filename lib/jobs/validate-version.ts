import "server-only";
import { runMcpChecks } from "@/lib/checks/run-mcp-checks";
import { runSkillChecks } from "@/lib/checks/run-skill-checks";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { completeRun, failRun, loadRunTarget, reportProgress, startRun, type RunOutcome } from "@/lib/data/check-runs";
import { readOutboundAllowList, type AllowList } from "@/lib/net/allow-list";
import { createGuardedFetch } from "@/lib/net/guarded-fetch";
import { throttleWrites } from "./throttle";

// The validate-version job: runs the MCP or Skill checks of one CheckRun through the
// SSRF-guarded fetch, reports progress as it goes and stores the findings.

const PROGRESS_WRITE_MS = 300;

/** Allow-list entries as the checks' development-host list ("host:port", IPv6 in brackets). */
export function devHostsOf(allowList: AllowList): string[] {
  return allowList.map(({ host, port }) => {
    const name = host.includes(":") ? `[${host}]` : host;
    return port === "*" ? name : `${name}:${port}`;
  });
}

export type ValidateDeps = {
  /** Defaults to the guarded fetch with the environment's allow-list. */
  fetch?: typeof fetch;
  allowList?: AllowList;
};

/**
 * Runs the checks of `runId`. Returns quietly when the run is gone or already finished (a
 * retried job after success). Throws on infrastructure failures so the queue retries; a
 * misbehaving merchant server is a finding, not an exception.
 */
export async function validateVersion(runId: string, deps: ValidateDeps = {}): Promise<void> {
  const target = await loadRunTarget({ runId });
  if (!target || (target.status !== "QUEUED" && target.status !== "RUNNING")) return;
  if (!(await startRun({ runId }))) return;

  const allowList = deps.allowList ?? readOutboundAllowList();
  const guarded = deps.fetch ?? createGuardedFetch({ allowList });
  const devHostAllowList = devHostsOf(allowList);
  const progress = throttleWrites((pct: number, label: string) => reportProgress({ runId, progress: pct, label }), PROGRESS_WRITE_MS);
  const onProgress = (pct: number, label: string) => progress.call(pct, label);

  let outcome: RunOutcome;
  if (target.kind === "MCP_SERVER") {
    if (!target.endpointUrl) {
      await progress.flush();
      await failRun({ runId, reason: "The MCP server has no endpoint URL. Enter one and run the validation again." });
      return;
    }
    let bearerToken: string | undefined;
    if (target.authSecretEnc) {
      try {
        bearerToken = decryptSecret(target.authSecretEnc);
      } catch {
        await progress.flush();
        await failRun({ runId, reason: "The stored bearer secret cannot be decrypted (the encryption key changed). Enter the secret again." });
        return;
      }
    }
    const result = await runMcpChecks({ url: target.endpointUrl, bearerToken, fetch: guarded, devHostAllowList, onProgress });
    outcome = { findings: result.findings, toolListHash: result.toolListHash, durationMs: result.durationMs, capture: result.capture, operations: result.operations };
  } else {
    const result = await runSkillChecks({ operations: target.operations, fetch: guarded, devHostAllowList, onProgress });
    outcome = { findings: result.findings, toolListHash: result.operationsHash, durationMs: result.durationMs };
  }
  await progress.flush();
  await completeRun({ runId, outcome });
}
