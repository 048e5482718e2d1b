"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { ActionError, actorOf, platformAction } from "@/lib/auth/action";
import { setPlatformRole, setUserStatus } from "@/lib/data/users";
import { setPlatformRoleSchema, setUserStatusSchema } from "@/lib/validation/users";

// An administrator cannot disable or demote themselves: the platform must not lose its last
// admin by a slip, and another admin can always do it deliberately.
function notSelf(targetId: string, actorId: string) {
  if (targetId === actorId) throw new ActionError("adminUsers.notSelf");
}

export const setUserStatusAction = platformAction("admin:suspend", setUserStatusSchema, async ({ userId, status }, user) => {
  notSelf(userId, user.id);
  if (!(await setUserStatus({ userId, status, actor: await actorOf(user) }))) throw new ActionError("adminUsers.notFound");
  revalidatePath("/admin/users");
  return { ok: true, message: (await getTranslations("adminUsers"))("updated") };
});

export const setPlatformRoleAction = platformAction("admin:reviewers", setPlatformRoleSchema, async ({ userId, platformRole }, user) => {
  notSelf(userId, user.id);
  if (!(await setPlatformRole({ userId, platformRole, actor: await actorOf(user) }))) throw new ActionError("adminUsers.notFound");
  revalidatePath("/admin/users");
  return { ok: true, message: (await getTranslations("adminUsers"))("updated") };
});
