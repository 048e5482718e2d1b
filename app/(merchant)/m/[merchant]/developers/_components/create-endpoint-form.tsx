"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { eventMessageKey, webhookEventTypes } from "@/lib/webhooks/events";
import { createWebhookEndpointAction } from "../actions";
import { OneTimeSecret } from "./one-time-secret";

export function CreateEndpointForm({ merchant }: { merchant: string }) {
  const t = useTranslations("webhooks");
  const [state, formAction, pending] = useActionState(createWebhookEndpointAction, null);
  // Controlled, so a refused submission keeps what was typed (React resets uncontrolled forms after an action).
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<ReadonlySet<string>>(new Set());
  const toggle = (type: string, on: boolean) => setEvents((current) => (on ? new Set([...current, type]) : new Set([...current].filter((e) => e !== type))));
  const failure = state && !state.ok ? state : null;
  const eventsError = failure?.fieldErrors?.events?.[0];

  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="merchant" value={merchant} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="webhook-url" label={t("form.url")} hint={t("form.urlHint")} error={failure?.fieldErrors?.url?.[0]}>
            {(p) => <Input {...p} name="url" type="url" inputMode="url" placeholder="https://example.com/webhooks/skillgate" required value={url} onChange={(e) => setUrl(e.target.value)} />}
          </Field>
          <Field id="webhook-description" label={t("form.description")} error={failure?.fieldErrors?.description?.[0]}>
            {(p) => <Input {...p} name="description" maxLength={200} value={description} onChange={(e) => setDescription(e.target.value)} />}
          </Field>
        </div>
        <fieldset aria-describedby={eventsError ? "webhook-events-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t("form.events")}</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {webhookEventTypes.map((type) => (
              <label key={type} className="flex items-start gap-2 text-sm text-slate-700">
                <input type="checkbox" name="events" value={type} checked={events.has(type)} onChange={(e) => toggle(type, e.target.checked)} className="mt-0.5 size-4 rounded border-slate-300" />
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
