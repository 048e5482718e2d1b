import "server-only";
import { db } from "@/lib/db";
import type { MerchantRole, VersionStatus } from "@/lib/generated/prisma/enums";

// Reads for the transitions API (lib/api/version-transitions.ts), which names a version by id only.

/**
 * The version's merchant and the user's role there, or null when the version does not exist or
 * the user is not a member of its merchant: the membership is part of the where clause, so
 * another merchant's version reads exactly like a missing one.
 */
export async function findVersionMembership({ userId, versionId }: { userId: string; versionId: string }): Promise<{ merchantId: string; role: MerchantRole } | null> {
  const version = await db.integrationVersion.findFirst({
    where: { id: versionId, integration: { merchant: { memberships: { some: { userId } } } } },
    select: { merchantId: true, integration: { select: { merchant: { select: { memberships: { where: { userId }, select: { role: true } } } } } } },
  });
  const role = version?.integration.merchant.memberships[0]?.role;
  return version && role ? { merchantId: version.merchantId, role } : null;
}

/** The version's status after a transition (approval continues to LIVE in the same transaction). */
export async function getVersionStatus({ versionId }: { versionId: string }): Promise<VersionStatus> {
  const version = await db.integrationVersion.findUniqueOrThrow({ where: { id: versionId }, select: { status: true } });
  return version.status;
}
