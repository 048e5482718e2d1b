import type { OperationDefinition } from "../integrations/definition";
import { finding } from "./catalogue";
import { classifyEndpoint } from "./endpoint-policy";
import { operationListHash } from "./hash";
import { checkOperations } from "./tool-rules";
import type { CheckFinding, ProgressCallback } from "./types";
import { withTimeout } from "./with-timeout";

export type RunSkillChecksOptions = {
  operations: readonly OperationDefinition[];
  /** Production callers pass the SSRF-guarded fetch. */
  fetch: typeof fetch;
  /** Hosts ("host" or "host:port") where http is accepted, for local development and tests. */
  devHostAllowList: readonly string[];
  /** Per reachability probe. */
  timeoutMs?: number;
  onProgress?: ProgressCallback;
};

export type SkillCheckResult = {
  findings: CheckFinding[];
  operationsHash: string;
  durationMs: number;
};

const PROBE_CONCURRENCY = 4;

/** Endpoint findings (SG-SKILL-002..004) for one operation; its origin when it can be probed. */
export function checkSkillEndpoint(
  op: OperationDefinition,
  devHostAllowList: readonly string[],
): { findings: CheckFinding[]; origin?: string } {
  const subject = op.name;
  const verdict = classifyEndpoint(op.url, devHostAllowList);
  if (!verdict.valid || !op.httpMethod) {
    const reason = !op.httpMethod ? "no HTTP method" : verdict.valid ? "" : verdict.reason;
    return {
      findings: [
        finding("SG-SKILL-002", false, {
          subject,
          message: { en: `Endpoint is incomplete: ${reason}`, zh: `端点不完整：${reason}` },
          evidence: { httpMethod: op.httpMethod ?? null, url: op.url ?? null },
        }),
      ],
      origin: verdict.valid ? verdict.url.origin : undefined,
    };
  }
  const evidence = { httpMethod: op.httpMethod, url: op.url };
  return {
    origin: verdict.url.origin,
    findings: [
      finding("SG-SKILL-002", true, { subject, evidence }),
      verdict.allowed
        ? finding("SG-SKILL-003", true, { subject, evidence })
        : finding("SG-SKILL-003", false, {
            subject,
            message: { en: `Uses http on ${verdict.url.host}, which is not an allow-listed development host`, zh: `在 ${verdict.url.host} 上使用 http，该主机不在开发白名单中` },
            evidence,
          }),
      verdict.devHost
        ? finding("SG-SKILL-004", false, {
            subject,
            message: { en: `${verdict.url.host} is an allow-listed development host`, zh: `${verdict.url.host} 是白名单中的开发主机` },
            evidence,
          })
        : finding("SG-SKILL-004", true, { subject, evidence }),
    ],
  };
}

/** SG-SKILL-005: any HTTP response to a HEAD of the origin counts as reachable. */
export async function probeOrigin(origin: string, fetchImpl: typeof fetch, timeoutMs: number): Promise<CheckFinding> {
  const started = performance.now();
  try {
    const response = await withTimeout(
      fetchImpl(`${origin}/`, { method: "HEAD", redirect: "manual", signal: AbortSignal.timeout(timeoutMs) }),
      timeoutMs,
      `HEAD ${origin}`,
    );
    await response.body?.cancel().catch(() => {});
    const durationMs = Math.round(performance.now() - started);
    return finding("SG-SKILL-005", true, { subject: origin, durationMs, evidence: { status: response.status, ms: durationMs } });
  } catch (error) {
    const durationMs = Math.round(performance.now() - started);
    const message = error instanceof Error ? error.message : String(error);
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
    return finding("SG-SKILL-005", false, {
      subject: origin,
      durationMs,
      message: { en: `${origin} is unreachable: ${message}`, zh: `${origin} 无法访问：${message}` },
      evidence: { error: message, cause, ms: durationMs },
    });
  }
}

/** Validate a Skill: endpoints (SG-SKILL-*), reachability, and every operation (SG-TOOL-*). */
export async function runSkillChecks(options: RunSkillChecksOptions): Promise<SkillCheckResult> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const timeoutMs = options.timeoutMs ?? 10_000;
  const ops = options.operations;

  progress(0, "endpoints");
  const findings: CheckFinding[] = [
    ops.length > 0
      ? finding("SG-SKILL-001", true, { evidence: { operations: ops.length } })
      : finding("SG-SKILL-001", false, { message: { en: "The Skill has no operations", zh: "该 Skill 没有任何操作" } }),
  ];
  const origins = new Set<string>();
  for (const op of ops) {
    const endpoint = checkSkillEndpoint(op, options.devHostAllowList);
    findings.push(...endpoint.findings);
    if (endpoint.origin) origins.add(endpoint.origin);
  }

  progress(10, "reachability");
  const queue = [...origins];
  const probes: CheckFinding[] = [];
  let probed = 0;
  await Promise.all(
    Array.from({ length: Math.min(PROBE_CONCURRENCY, queue.length) }, async () => {
      for (let origin = queue.shift(); origin !== undefined; origin = queue.shift()) {
        probes.push(await probeOrigin(origin, options.fetch, timeoutMs));
        probed += 1;
        progress(10 + Math.floor((50 * probed) / origins.size), `reachability ${probed}/${origins.size}`);
      }
    }),
  );
  probes.sort((a, b) => (a.subject ?? "").localeCompare(b.subject ?? ""));
  findings.push(...probes);

  progress(60, "operations");
  findings.push(
    ...checkOperations(ops, {
      onBatch: (done, total) => progress(60 + Math.floor((35 * done) / total), `operations ${done}/${total}`),
    }),
  );
  const operationsHash = operationListHash(ops);
  progress(100, "done");
  return { findings, operationsHash, durationMs: Math.round(performance.now() - started) };
}
