// Integration tests of the auth data layer against a real PostgreSQL (DATABASE_URL, migrated).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signInAccountRule } from "@/lib/auth/sign-in-limits";
import { verifyPassword } from "@/lib/auth/password";
import { acceptInvitation, createInvitation, getInvitationByToken, InvitationError, listInvitations, revokeInvitation } from "./invitations";
import { changeMemberRole, getMembership, listMembers, listMembershipsForUser, MembershipError, removeMember } from "./memberships";
import { MerchantSlugTakenError } from "./merchants";
import { clearRateLimit, hitRateLimit, peekRateLimit } from "./rate-limit";
import { changePassword, createUser, EmailTakenError, findUserByEmail, getUserForSession, listUsers, setPlatformRole, setUserStatus } from "./users";

const url = process.env.DATABASE_URL ?? "";
if (!/@(127\.0\.0\.1|localhost)(:\d+)?\//.test(url)) throw new Error("Refusing to run integration tests against a non-local database.");

const run = randomUUID().slice(0, 8);
const email = (name: string) => `${name}-${run}@test.example`;
const password = "Skillgate-test-2026";

async function newUser(name: string, merchantSlug?: string) {
  const { user, merchant } = await createUser({
    email: email(name),
    name,
    password,
    merchant: merchantSlug ? { name: `${name} shop`, slug: merchantSlug, category: "FOOD" } : null,
  });
  return { user, merchant, actor: { userId: user.id, email: user.email } };
}

let owner: Awaited<ReturnType<typeof newUser>>;
let merchantId: string;
const slug = `shop-${run}`;

beforeAll(async () => {
  owner = await newUser("owner", slug);
  merchantId = owner.merchant!.id;
});

afterAll(async () => {
  await db.merchant.deleteMany({ where: { slug: { contains: run } } });
  await db.user.deleteMany({ where: { email: { contains: run } } });
  await db.rateLimitBucket.deleteMany({ where: { key: { contains: run } } });
  await db.$disconnect();
});

describe("users", () => {
  it("creates a user with an argon2 hash and a merchant it owns", async () => {
    const found = await findUserByEmail({ email: email("OWNER").toUpperCase() });
    expect(found?.id).toBe(owner.user.id);
    expect(found!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(found!.passwordHash, password)).toBe(true);
    expect(await listMembershipsForUser({ userId: owner.user.id })).toEqual([
      { role: "OWNER", merchant: expect.objectContaining({ id: merchantId, slug, status: "ACTIVE", category: "FOOD" }) },
    ]);
  });

  it("refuses a taken email and a taken slug, creating nothing", async () => {
    await expect(createUser({ email: email("owner"), name: "x", password })).rejects.toBeInstanceOf(EmailTakenError);
    await expect(
      createUser({ email: email("slugclash"), name: "x", password, merchant: { name: "y", slug, category: "FOOD" } }),
    ).rejects.toBeInstanceOf(MerchantSlugTakenError);
    expect(await findUserByEmail({ email: email("slugclash") })).toBeNull();
  });

  it("bumps sessionVersion on disable, platform role change and password change", async () => {
    const { user } = await newUser("bump");
    const v0 = (await getUserForSession({ userId: user.id }))!.sessionVersion;
    await setUserStatus({ userId: user.id, status: "DISABLED", actor: owner.actor });
    const disabled = await getUserForSession({ userId: user.id });
    expect(disabled).toMatchObject({ status: "DISABLED", sessionVersion: v0 + 1 });
    await setUserStatus({ userId: user.id, status: "ACTIVE", actor: owner.actor });
    await setPlatformRole({ userId: user.id, platformRole: "REVIEWER", actor: owner.actor });
    expect(await getUserForSession({ userId: user.id })).toMatchObject({ status: "ACTIVE", platformRole: "REVIEWER", sessionVersion: v0 + 3 });
    await changePassword({ userId: user.id, newPassword: "another-Passphrase-9", actor: owner.actor });
    const after = await findUserByEmail({ email: user.email });
    expect(after!.sessionVersion).toBe(v0 + 4);
    expect(await verifyPassword(after!.passwordHash, "another-Passphrase-9")).toBe(true);
    const audit = await db.auditEvent.findMany({ where: { objectId: user.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["user.disabled", "user.enabled", "user.platformRoleChanged", "user.passwordChanged"]);
  });

  it("lists and searches users for the admin page", async () => {
    const { users, total } = await listUsers({ query: `bump-${run}` });
    expect(total).toBe(1);
    expect(users[0]).toMatchObject({ email: email("bump"), membershipCount: 0 });
  });
});

describe("tenancy", () => {
  it("getMembership is null for a merchant the user is not in, and for an unknown slug", async () => {
    const other = await newUser("other", `other-${run}`);
    expect(await getMembership({ userId: owner.user.id, merchantSlug: `other-${run}` })).toBeNull();
    expect(await getMembership({ userId: owner.user.id, merchantSlug: `missing-${run}` })).toBeNull();
    expect(await getMembership({ userId: other.user.id, merchantSlug: `other-${run}` })).toMatchObject({ role: "OWNER" });
    // A membership id from another merchant cannot be changed through this one.
    const [otherMembership] = await listMembers({ merchantId: other.merchant!.id });
    await expect(
      changeMemberRole({ merchantId, membershipId: otherMembership!.id, role: "ANALYST", actor: { ...owner.actor, role: "OWNER" } }),
    ).rejects.toMatchObject({ code: "notFound" });
  });
});

describe("invitations and members", () => {
  it("accepts an invitation once, for the invited email only", async () => {
    const invitee = await newUser("invitee");
    const stranger = await newUser("stranger");
    const { token, invitation } = await createInvitation({
      merchantId,
      email: email("INVITEE"),
      role: "DEVELOPER",
      actor: { ...owner.actor, role: "OWNER" },
    });
    expect(token.length).toBeGreaterThanOrEqual(40);
    const stored = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await listInvitations({ merchantId })).map((i) => i.id)).toContain(invitation.id);

    expect(await getInvitationByToken({ token })).toMatchObject({ state: "pending", role: "DEVELOPER", merchant: { slug } });
    await expect(acceptInvitation({ token, userId: stranger.user.id })).rejects.toMatchObject({ code: "wrongEmail" });
    await expect(acceptInvitation({ token: "x".repeat(43), userId: invitee.user.id })).rejects.toMatchObject({ code: "notFound" });

    const accepted = await acceptInvitation({ token, userId: invitee.user.id });
    expect(accepted).toEqual({ merchantSlug: slug, role: "DEVELOPER", alreadyMember: false });
    expect(await getMembership({ userId: invitee.user.id, merchantSlug: slug })).toMatchObject({ role: "DEVELOPER" });
    await expect(acceptInvitation({ token, userId: invitee.user.id })).rejects.toMatchObject({ code: "accepted" });
    expect((await listInvitations({ merchantId })).map((i) => i.id)).not.toContain(invitation.id);
    // Already a member: no second invitation.
    await expect(
      createInvitation({ merchantId, email: email("invitee"), role: "ANALYST", actor: { ...owner.actor, role: "OWNER" } }),
    ).rejects.toMatchObject({ code: "alreadyMember" });
  });

  it("refuses expired and revoked links, and admins inviting owners", async () => {
    await newUser("late");
    const past = new Date(Date.now() - 8 * 24 * 60 * 60_000);
    const expired = await createInvitation({ merchantId, email: email("late"), role: "ANALYST", actor: { ...owner.actor, role: "OWNER" }, now: past });
    const late = await findUserByEmail({ email: email("late") });
    await expect(acceptInvitation({ token: expired.token, userId: late!.id })).rejects.toMatchObject({ code: "expired" });

    const fresh = await createInvitation({ merchantId, email: email("late"), role: "ANALYST", actor: { ...owner.actor, role: "OWNER" } });
    await revokeInvitation({ merchantId, invitationId: fresh.invitation.id, actor: owner.actor });
    await expect(acceptInvitation({ token: fresh.token, userId: late!.id })).rejects.toMatchObject({ code: "revoked" });
    await expect(revokeInvitation({ merchantId, invitationId: fresh.invitation.id, actor: owner.actor })).rejects.toBeInstanceOf(InvitationError);

    await expect(
      createInvitation({ merchantId, email: email("boss"), role: "OWNER", actor: { ...owner.actor, role: "ADMIN" } }),
    ).rejects.toMatchObject({ code: "notAllowed" });
  });

  it("protects the last owner and bumps sessionVersion on role change", async () => {
    const actor = { ...owner.actor, role: "OWNER" as const };
    const members = await listMembers({ merchantId });
    const ownerMembership = members.find((m) => m.user.id === owner.user.id)!;
    await expect(changeMemberRole({ merchantId, membershipId: ownerMembership.id, role: "ADMIN", actor })).rejects.toMatchObject({ code: "lastOwner" });
    await expect(removeMember({ merchantId, membershipId: ownerMembership.id, actor })).rejects.toBeInstanceOf(MembershipError);

    const second = await newUser("second");
    const { token } = await createInvitation({ merchantId, email: second.user.email, role: "ANALYST", actor });
    await acceptInvitation({ token, userId: second.user.id });
    const secondMembership = (await listMembers({ merchantId })).find((m) => m.user.id === second.user.id)!;
    const before = (await getUserForSession({ userId: second.user.id }))!.sessionVersion;

    // An admin may not make anyone an owner.
    await expect(
      changeMemberRole({ merchantId, membershipId: secondMembership.id, role: "OWNER", actor: { ...actor, role: "ADMIN" } }),
    ).rejects.toMatchObject({ code: "notAllowed" });
    await changeMemberRole({ merchantId, membershipId: secondMembership.id, role: "OWNER", actor });
    expect((await getUserForSession({ userId: second.user.id }))!.sessionVersion).toBe(before + 1);

    // With two owners the first may step down; then the second is the last one.
    await changeMemberRole({ merchantId, membershipId: ownerMembership.id, role: "ADMIN", actor });
    await expect(removeMember({ merchantId, membershipId: secondMembership.id, actor: { ...second.actor, role: "OWNER" } })).rejects.toMatchObject({
      code: "lastOwner",
    });
    await changeMemberRole({ merchantId, membershipId: ownerMembership.id, role: "OWNER", actor: { ...second.actor, role: "OWNER" } });
    await removeMember({ merchantId, membershipId: secondMembership.id, actor });
    expect(await getMembership({ userId: second.user.id, merchantSlug: slug })).toBeNull();
  });

  it("two concurrent demotions cannot remove both owners", async () => {
    const actor = { ...owner.actor, role: "OWNER" as const };
    const co = await newUser("co");
    const { token } = await createInvitation({ merchantId, email: co.user.email, role: "OWNER", actor });
    await acceptInvitation({ token, userId: co.user.id });
    const owners = (await listMembers({ merchantId })).filter((m) => m.role === "OWNER");
    expect(owners).toHaveLength(2);
    const results = await Promise.allSettled(owners.map((m) => changeMemberRole({ merchantId, membershipId: m.id, role: "ADMIN", actor })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await listMembers({ merchantId })).filter((m) => m.role === "OWNER")).toHaveLength(1);
  });
});

describe("rate limits", () => {
  it("counts hits in a shared fixed window and clears", async () => {
    const key = `test:${run}:account`;
    const rule = signInAccountRule;
    const now = new Date();
    expect((await peekRateLimit({ key, rule, now })).limited).toBe(false);
    const verdicts = await Promise.all(Array.from({ length: rule.limit }, () => hitRateLimit({ key, rule, now })));
    // Concurrent hits are serialised: exactly the last one reaches the limit.
    expect(verdicts.filter((v) => v.limited)).toHaveLength(1);
    expect(await db.rateLimitBucket.findUnique({ where: { key } })).toMatchObject({ count: rule.limit });
    expect(await peekRateLimit({ key, rule, now })).toMatchObject({ limited: true, remaining: 0 });
    // After the window the bucket starts over.
    const later = new Date(now.getTime() + rule.windowMs + 1);
    expect((await peekRateLimit({ key, rule, now: later })).limited).toBe(false);
    expect(await hitRateLimit({ key, rule, now: later })).toMatchObject({ limited: false, remaining: rule.limit - 1 });
    await clearRateLimit({ key });
    expect(await db.rateLimitBucket.findUnique({ where: { key } })).toBeNull();
  });
});
