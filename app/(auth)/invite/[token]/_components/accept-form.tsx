"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { acceptInvitationAction } from "../actions";

export function AcceptForm({ token }: { token: string }) {
  const t = useTranslations("auth.invite");
  const [state, formAction, pending] = useActionState(acceptInvitationAction, null);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      {state && !state.ok ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("accepting") : t("accept")}
      </Button>
    </form>
  );
}
