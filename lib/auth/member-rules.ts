// Who may change whose merchant role. Pure; the data layer adds the one rule that needs the
// database (a merchant never loses its last owner).
import type { MerchantRole } from "@/lib/generated/prisma/enums";
import { merchantRoleCan } from "./permissions";

export const assignableRoles: readonly MerchantRole[] = ["OWNER", "ADMIN", "DEVELOPER", "ANALYST"];

/** Granting OWNER, or touching an existing owner, takes an owner; the rest takes members:manage. */
export function canAssignRole(actor: MerchantRole, target: { current: MerchantRole | null; next: MerchantRole }): boolean {
  if (!merchantRoleCan(actor, "members:manage")) return false;
  if (target.next === "OWNER" || target.current === "OWNER") return actor === "OWNER";
  return true;
}

export function canRemoveMember(actor: MerchantRole, targetRole: MerchantRole): boolean {
  if (!merchantRoleCan(actor, "members:manage")) return false;
  return targetRole !== "OWNER" || actor === "OWNER";
}

/** Roles the actor may offer in an invitation or a role picker. */
export function rolesAssignableBy(actor: MerchantRole): MerchantRole[] {
  return assignableRoles.filter((next) => canAssignRole(actor, { current: null, next }));
}
