"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { eventMessageKey, webhookEventTypes } from "@/lib/webhooks/events";
import { createWebhookEndpointAction } from "../actions";
import { OneTimeSecret } from "./one-time-secret";

export function CreateEndpointForm({ merchant }: { merchant: string }) {
  const t = useTranslations("webhooks");
  const [state, formAction, pending] = useActionState(createWebhookEndpointAction, null);
  // Submitted by hand rather than through `action`, which resets the form afterwards: a refused
  // submission keeps what was typed and ticked.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  const failure = state && !state.ok ? state : null;
  const eventsError = failure?.fieldErrors?.events?.[0];

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="space-y-4" noValidate>
        <input type="hidden" name="merchant" value={merchant} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="webhook-url" label={t("form.url")} hint={t("form.urlHint")} error={failure?.fieldErrors?.url?.[0]}>
            {(p) => <Input {...p} name="url" type="url" inputMode="url" placeholder="https://example.com/webhooks/skillgate" required />}
          </Field>
          <Field id="webhook-description" label={t("form.description")} error={failure?.fieldErrors?.description?.[0]}>
            {(p) => <Input {...p} name="description" maxLength={200} />}
          </Field>
        </div>
        <fieldset aria-describedby={eventsError ? "webhook-events-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t("form.events")}</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {webhookEventTypes.map((type) => (
              <label key={type} className="flex items-start gap-2 text-sm text-slate-700">
                <input type="checkbox" name="events" value={type} className="mt-0.5 size-4 rounded border-slate-300" />
                <span>
                  {t(`events.${eventMessageKey(type)}`)}
                  <code className="block text-xs text-slate-500">{type}</code>
                </span>
              </label>
            ))}
          </div>
          {eventsError ? (
            <p id="webhook-events-error" className="mt-1 text-sm text-red-700">
              {eventsError}
            </p>
          ) : null}
        </fieldset>
        <Button type="submit" disabled={pending}>
          {pending ? t("form.creating") : t("form.create")}
        </Button>
        {failure && !failure.fieldErrors ? (
          <p role="alert" className="text-sm text-red-700">
            {failure.error}
          </p>
        ) : null}
      </form>
      {state?.ok ? <OneTimeSecret id={`secret-${state.endpointId}`} secret={state.secret} title={t("secret.created")} /> : null}
    </div>
  );
}
