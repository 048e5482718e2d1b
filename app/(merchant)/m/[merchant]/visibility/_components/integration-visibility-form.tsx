"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Select, type SelectOption } from "@/components/ui/select";
import { setIntegrationVisibilityAction } from "../actions";
import { FormOutcome } from "./form-outcome";

type Visibility = "PUBLIC" | "ALLOWLIST" | "PRIVATE";

/** One integration's visibility; the agent checkboxes appear for ALLOWLIST only. */
export function IntegrationVisibilityForm({
  merchant,
  integration,
  agents,
}: {
  merchant: string;
  integration: { id: string; name: string; visibility: Visibility; allowedAgentIds: string[] };
  agents: SelectOption[];
}) {
  const t = useTranslations("visibility.integrations");
  const labels = useTranslations("visibility.visibilities");
  const [visibility, setVisibility] = useState<Visibility>(integration.visibility);
  const [state, formAction, pending] = useActionState(setIntegrationVisibilityAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const id = `integration-${integration.id}`;
  return (
    <form action={formAction} className="space-y-2" noValidate>
      <input type="hidden" name="merchant" value={merchant} />
      <input type="hidden" name="integrationId" value={integration.id} />
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-visibility`} className="sr-only">
          {t("visibilityFor", { name: integration.name })}
        </label>
        <Select
          id={`${id}-visibility`}
          name="visibility"
          value={visibility}
          onChange={(event) => setVisibility(event.target.value as Visibility)}
          options={(["PUBLIC", "ALLOWLIST", "PRIVATE"] as const).map((v) => ({ value: v, label: labels(v) }))}
          className="w-64"
          aria-invalid={errors?.visibility ? true : undefined}
        />
        <Button type="submit" size="sm" variant="secondary" disabled={pending} aria-label={t("saveFor", { name: integration.name })}>
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
      {visibility === "ALLOWLIST" ? (
        <fieldset className="rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-xs font-medium text-slate-700">{t("allowedAgents", { name: integration.name })}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {agents.map((agent) => (
              <label key={agent.value} className="flex items-center gap-1.5 text-sm text-slate-800">
                <input
                  type="checkbox"
                  name="allowedAgentIds"
                  value={agent.value}
                  defaultChecked={integration.allowedAgentIds.includes(agent.value)}
                  className="size-4 rounded border-slate-300"
                />
                {agent.label}
              </label>
            ))}
          </div>
          {errors?.allowedAgentIds ? <p className="mt-1 text-sm text-red-700">{errors.allowedAgentIds[0]}</p> : null}
        </fieldset>
      ) : null}
      <FormOutcome state={state} />
    </form>
  );
}
