import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MerchantCategory } from "@/lib/generated/prisma/enums";

export class MerchantSlugTakenError extends Error {
  constructor(slug: string) {
    super(`The merchant address "${slug}" is taken.`);
    this.name = "MerchantSlugTakenError";
  }
}

export type NewMerchant = { name: string; slug: string; category: MerchantCategory };

/** Creates a merchant and makes `ownerId` its OWNER; pass `tx` to join a caller's transaction. */
export async function createMerchantWithOwner(
  { merchant, ownerId }: { merchant: NewMerchant; ownerId: string },
  tx?: Prisma.TransactionClient,
) {
  const run = async (client: Prisma.TransactionClient) => {
    const taken = await client.merchant.findUnique({ where: { slug: merchant.slug }, select: { id: true } });
    if (taken) throw new MerchantSlugTakenError(merchant.slug);
    const created = await client.merchant.create({
      data: { ...merchant, memberships: { create: { userId: ownerId, role: "OWNER" } } },
      select: { id: true, slug: true, name: true, category: true, status: true },
    });
    await client.auditEvent.create({
      data: {
        merchantId: created.id,
        actorId: ownerId,
        actorLabel: ownerId,
        action: "merchant.created",
        objectType: "Merchant",
        objectId: created.id,
        after: { name: created.name, slug: created.slug, category: created.category },
      },
    });
    return created;
  };
  return tx ? run(tx) : db.$transaction(run);
}
