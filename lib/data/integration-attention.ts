import "server-only";
import { db } from "@/lib/db";
import type { VersionStatus } from "@/lib/generated/prisma/enums";

const attentionStatuses: VersionStatus[] = ["CHANGES_REQUESTED", "REJECTED", "SUSPENDED"];

export type IntegrationAttention = { id: string; name: string; kind: string; reason: "status" | "drift"; status: VersionStatus | null; versionNumber: number | null; since: Date };

/**
 * The merchant's integrations that need someone: the newest version sent back, rejected or
 * suspended, or a live tool list that drifted from the approved one.
 */
export async function listIntegrationsNeedingAttention({ merchantId }: { merchantId: string }): Promise<IntegrationAttention[]> {
  const integrations = await db.integration.findMany({
    where: { merchantId },
    select: {
      id: true,
      name: true,
      kind: true,
      driftDetectedAt: true,
      versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, status: true, updatedAt: true } },
    },
  });
  const out: IntegrationAttention[] = [];
  for (const i of integrations) {
    const latest = i.versions[0];
    if (latest && attentionStatuses.includes(latest.status)) {
      out.push({ id: i.id, name: i.name, kind: i.kind, reason: "status", status: latest.status, versionNumber: latest.number, since: latest.updatedAt });
    } else if (i.driftDetectedAt) {
      out.push({ id: i.id, name: i.name, kind: i.kind, reason: "drift", status: latest?.status ?? null, versionNumber: latest?.number ?? null, since: i.driftDetectedAt });
    }
  }
  return out.sort((a, b) => b.since.getTime() - a.since.getTime());
}
