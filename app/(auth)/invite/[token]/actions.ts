"use server";

import { redirect } from "next/navigation";
import { ActionError, userAction } from "@/lib/auth/action";
import { acceptInvitation, InvitationError } from "@/lib/data/invitations";
import { merchantHref } from "@/lib/navigation";
import { acceptInvitationSchema } from "@/lib/validation/members";

export const acceptInvitationAction = userAction(acceptInvitationSchema, async ({ token }, user) => {
  let slug: string;
  try {
    ({ merchantSlug: slug } = await acceptInvitation({ token, userId: user.id }));
  } catch (error) {
    if (error instanceof InvitationError) throw new ActionError(`members.errors.${error.code}`);
    throw error;
  }
  redirect(merchantHref(slug));
});
