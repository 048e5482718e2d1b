import { z } from "zod";
import { recordId } from "./record-id";
import { MerchantRole } from "@/lib/generated/prisma/enums";
import { emailSchema } from "./auth";

const role = z.enum(MerchantRole, { error: "members.validation.roleRequired" });
const id = recordId();

export const inviteMemberSchema = z.object({ email: emailSchema, role });
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

export const changeMemberRoleSchema = z.object({ membershipId: id, role });
export type ChangeMemberRoleInput = z.infer<typeof changeMemberRoleSchema>;

export const removeMemberSchema = z.object({ membershipId: id });
export type RemoveMemberInput = z.infer<typeof removeMemberSchema>;

export const revokeInvitationSchema = z.object({ invitationId: id });
export type RevokeInvitationInput = z.infer<typeof revokeInvitationSchema>;

export const acceptInvitationSchema = z.object({ token: z.string().min(20).max(200) });
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;
