import "server-only";
import { db } from "@/lib/db";
import type { ApiKeyKind } from "@/lib/generated/prisma/enums";

export type ApiKeyRecord = {
  id: string;
  kind: ApiKeyKind;
  merchantId: string | null;
  agentId: string | null;
  scopes: string[];
  revokedAt: Date | null;
};

/** The key with this secret hash, revoked or not (the caller decides; revoked keys get 401). */
export async function findApiKeyByHash({ hash }: { hash: string }): Promise<ApiKeyRecord | null> {
  return db.apiKey.findUnique({
    where: { hash },
    select: { id: true, kind: true, merchantId: true, agentId: true, scopes: true, revokedAt: true },
  });
}

/** Updates `lastUsedAt` at most once a minute per key, so the hot path does not write per request. */
export async function touchApiKey({ id, now = new Date() }: { id: string; now?: Date }): Promise<void> {
  await db.apiKey.updateMany({
    where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - 60_000) } }] },
    data: { lastUsedAt: now },
  });
}
