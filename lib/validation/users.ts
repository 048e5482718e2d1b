import { z } from "zod";
import { recordId } from "./record-id";
import { PlatformRole, UserStatus } from "@/lib/generated/prisma/enums";

const userId = recordId();

export const setUserStatusSchema = z.object({ userId, status: z.enum(UserStatus) });
export type SetUserStatusInput = z.infer<typeof setUserStatusSchema>;

export const setPlatformRoleSchema = z.object({ userId, platformRole: z.enum(PlatformRole) });
export type SetPlatformRoleInput = z.infer<typeof setPlatformRoleSchema>;

export const listUsersQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
