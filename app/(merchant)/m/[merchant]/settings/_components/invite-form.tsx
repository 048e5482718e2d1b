"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select, type SelectOption } from "@/components/ui/select";
import { inviteMemberAction } from "../actions";

export function InviteForm({ merchant, roles }: { merchant: string; roles: SelectOption[] }) {
  const t = useTranslations("members.invite");
  const [state, formAction, pending] = useActionState(inviteMemberAction, null);
  const [copied, setCopied] = useState(false);
  const failure = state && !state.ok ? state : null;

  return (
    <div className="space-y-4">
      <form action={formAction} className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end" noValidate>
        <input type="hidden" name="merchant" value={merchant} />
        <Field id="invite-email" label={t("email")} error={failure?.fieldErrors?.email?.[0]}>
          {(p) => <Input {...p} name="email" type="email" autoComplete="off" required />}
        </Field>
        <Field id="invite-role" label={t("role")} error={failure?.fieldErrors?.role?.[0]}>
          {(p) => <Select {...p} name="role" options={roles} defaultValue={roles.at(-1)?.value} />}
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
      </form>
      {failure && !failure.fieldErrors ? (
        <p role="alert" className="text-sm text-red-700">
          {failure.error}
        </p>
      ) : null}
      {state?.ok ? (
        <div role="status" className="space-y-2 rounded-md bg-emerald-50 p-4">
          <p className="text-sm text-emerald-900">{t("created", { email: state.email })}</p>
          <div className="flex flex-wrap items-end gap-2">
            <div className="min-w-0 flex-1">
              <label htmlFor="invite-link" className="block text-xs font-medium text-emerald-900">
                {t("link")}
              </label>
              <Input id="invite-link" readOnly value={state.link} onFocus={(event) => event.currentTarget.select()} className="font-mono" />
            </div>
            <Button
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard.writeText(state.link);
                setCopied(true);
              }}
            >
              {copied ? t("copied") : t("copy")}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
