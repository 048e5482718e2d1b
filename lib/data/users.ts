import "server-only";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { Locale, PlatformRole, UserStatus } from "@/lib/generated/prisma/enums";
import { createMerchantWithOwner, type NewMerchant } from "./merchants";

/** Who made a change, for the audit log. */
export type Actor = { userId: string; email: string; ip?: string | null };

export class EmailTakenError extends Error {
  constructor() {
    super("An account with this email already exists.");
    this.name = "EmailTakenError";
  }
}

const normalise = (email: string) => email.trim().toLowerCase();

/** For sign-in only: includes the password hash. */
export async function findUserByEmail({ email }: { email: string }) {
  return db.user.findUnique({
    where: { email: normalise(email) },
    select: { id: true, email: true, name: true, passwordHash: true, status: true, sessionVersion: true, locale: true },
  });
}

/** What every request re-reads to decide whether a session token still holds. */
export async function getUserForSession({ userId }: { userId: string }) {
  return db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, platformRole: true, locale: true, status: true, sessionVersion: true },
  });
}

/** Creates an account, and optionally a merchant it owns, in one transaction. */
export async function createUser({
  email,
  name,
  password,
  locale = "zh_CN",
  platformRole = "NONE",
  merchant,
}: {
  email: string;
  name: string;
  password: string;
  locale?: Locale;
  platformRole?: PlatformRole;
  merchant?: NewMerchant | null;
}) {
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const exists = await tx.user.findUnique({ where: { email: normalise(email) }, select: { id: true } });
    if (exists) throw new EmailTakenError();
    const user = await tx.user.create({
      data: { email: normalise(email), name, passwordHash, locale, platformRole },
      select: { id: true, email: true, name: true },
    });
    const createdMerchant = merchant ? await createMerchantWithOwner({ merchant, ownerId: user.id }, tx) : null;
    return { user, merchant: createdMerchant };
  });
}

async function updateAndBump({
  userId,
  data,
  actor,
  action,
}: {
  userId: string;
  data: { status?: UserStatus; platformRole?: PlatformRole; passwordHash?: string; passwordChangedAt?: Date };
  actor: Actor;
  action: string;
}) {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { status: true, platformRole: true } });
    if (!before) return null;
    // Bumping sessionVersion invalidates every token minted before: the change applies at once.
    const after = await tx.user.update({
      where: { id: userId },
      data: { ...data, sessionVersion: { increment: 1 } },
      select: { id: true, status: true, platformRole: true, sessionVersion: true },
    });
    await tx.auditEvent.create({
      data: {
        actorId: actor.userId,
        actorLabel: actor.email,
        ip: actor.ip ?? null,
        action,
        objectType: "User",
        objectId: userId,
        // Never the password hash.
        before: { status: before.status, platformRole: before.platformRole },
        after: { status: after.status, platformRole: after.platformRole },
      },
    });
    return after;
  });
}

export async function setUserStatus({ userId, status, actor }: { userId: string; status: UserStatus; actor: Actor }) {
  return updateAndBump({ userId, data: { status }, actor, action: status === "DISABLED" ? "user.disabled" : "user.enabled" });
}

export async function setPlatformRole({ userId, platformRole, actor }: { userId: string; platformRole: PlatformRole; actor: Actor }) {
  return updateAndBump({ userId, data: { platformRole }, actor, action: "user.platformRoleChanged" });
}

export async function changePassword({ userId, newPassword, actor }: { userId: string; newPassword: string; actor: Actor }) {
  const passwordHash = await hashPassword(newPassword);
  return updateAndBump({ userId, data: { passwordHash, passwordChangedAt: new Date() }, actor, action: "user.passwordChanged" });
}

export const usersPageSize = 50;

/** Platform admin list: newest first, optional search on email or name. */
export async function listUsers({ query, page = 1 }: { query?: string; page?: number }) {
  const where = query
    ? { OR: [{ email: { contains: query, mode: "insensitive" as const } }, { name: { contains: query, mode: "insensitive" as const } }] }
    : {};
  const [users, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * usersPageSize,
      take: usersPageSize,
      select: {
        id: true,
        email: true,
        name: true,
        platformRole: true,
        status: true,
        createdAt: true,
        _count: { select: { memberships: true } },
      },
    }),
    db.user.count({ where }),
  ]);
  return {
    users: users.map(({ _count, ...user }) => ({ ...user, membershipCount: _count.memberships })),
    total,
    pageCount: Math.max(1, Math.ceil(total / usersPageSize)),
  };
}
