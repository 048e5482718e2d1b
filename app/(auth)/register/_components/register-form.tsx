"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { applySavedLocaleAction } from "../../sign-in/actions";
import { registerAction } from "../actions";
import { MerchantFields } from "./merchant-fields";

type State = { error: string | null; fieldErrors?: Record<string, string[]>; values: Record<string, string>; done: boolean };

export function RegisterForm({ callbackUrl, initialEmail }: { callbackUrl: string | null; initialEmail: string }) {
  const t = useTranslations("auth.register");
  const [withMerchant, setWithMerchant] = useState(false);
  const [state, formAction, pending] = useActionState(
    async (_prev: State, formData: FormData): Promise<State> => {
      const values = Object.fromEntries([...formData.entries()].filter(([k, v]) => typeof v === "string" && k !== "password")) as Record<string, string>;
      const result = await registerAction(null, formData);
      if (!result?.ok) return { error: result?.error ?? null, fieldErrors: result?.fieldErrors, values, done: false };
      const signedIn = await signIn("credentials", { email: values.email, password: String(formData.get("password")), redirect: false });
      if (!signedIn?.ok) return { error: t("createdSignInFailed"), values, done: false };
      await applySavedLocaleAction();
      window.location.assign(callbackUrl ?? result.redirectTo ?? "/");
      return { error: null, values, done: true };
    },
    { error: null, values: { email: initialEmail }, done: false },
  );
  const errors = state.fieldErrors;
  const busy = pending || state.done;

  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error}
        </p>
      ) : null}
      <Field id="register-name" label={t("name")} error={errors?.name?.[0]}>
        {(p) => <Input {...p} name="name" autoComplete="name" required maxLength={100} defaultValue={state.values.name} />}
      </Field>
      <Field id="register-email" label={t("email")} error={errors?.email?.[0]}>
        {(p) => <Input {...p} name="email" type="email" autoComplete="email" required defaultValue={state.values.email} />}
      </Field>
      <Field id="register-password" label={t("password")} hint={t("passwordHint")} error={errors?.password?.[0]}>
        {(p) => <Input {...p} name="password" type="password" autoComplete="new-password" required minLength={8} />}
      </Field>
      <div className="flex items-start gap-2">
        <input
          id="register-create-merchant"
          name="createMerchant"
          type="checkbox"
          checked={withMerchant}
          onChange={(event) => setWithMerchant(event.currentTarget.checked)}
          className="mt-0.5 h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-600"
        />
        <label htmlFor="register-create-merchant" className="text-sm text-slate-800">
          {t("createMerchant")}
        </label>
      </div>
      {withMerchant ? (
        <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
          <legend className="px-1 text-sm font-medium text-slate-700">{t("newMerchantTitle")}</legend>
          <MerchantFields errors={errors} values={state.values} />
        </fieldset>
      ) : null}
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
