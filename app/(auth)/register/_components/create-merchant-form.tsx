"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { createMerchantAction } from "../actions";
import { MerchantFields } from "./merchant-fields";

/** For a signed-in user: a merchant of their own (success redirects into it). */
export function CreateMerchantForm() {
  const t = useTranslations("auth.register");
  const [state, formAction, pending] = useActionState(createMerchantAction, null);
  const failure = state && !state.ok ? state : null;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {failure ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {failure.error}
        </p>
      ) : null}
      <MerchantFields errors={failure?.fieldErrors} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("newMerchantSubmitting") : t("newMerchantSubmit")}
      </Button>
    </form>
  );
}
