"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select, type SelectOption } from "@/components/ui/select";
import { simulateDecisionAction } from "../actions";

/** "Would agent X be allowed to …?", answered by the decision API's engine; inputs survive submits. */
export function PolicySimulator({
  merchant,
  agents,
  integrations,
}: {
  merchant: string;
  agents: SelectOption[];
  integrations: SelectOption[];
}) {
  const t = useTranslations("visibility.simulator");
  const reasons = useTranslations("visibility.reasons");
  const kinds = useTranslations("visibility.ruleKinds");
  const [agentId, setAgentId] = useState(agents[0]?.value ?? "");
  const [action, setAction] = useState("screen_read");
  const [path, setPath] = useState("/checkout");
  const [integration, setIntegration] = useState(integrations[0]?.value ?? "");
  const [state, formAction, pending] = useActionState(simulateDecisionAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const decision = state?.ok ? state.decision : null;

  return (
    <div className="space-y-4">
      <form action={formAction} className="grid gap-4 sm:grid-cols-[1fr_12rem_1fr_auto] sm:items-start" noValidate>
        <input type="hidden" name="merchant" value={merchant} />
        <Field id="simulator-agent" label={t("agent")} error={errors?.agentId?.[0]}>
          {(p) => <Select {...p} name="agentId" value={agentId} onChange={(e) => setAgentId(e.target.value)} options={agents} />}
        </Field>
        <Field id="simulator-action" label={t("action")} error={errors?.action?.[0]}>
          {(p) => (
            <Select
              {...p}
              name="action"
              value={action}
              onChange={(e) => setAction(e.target.value)}
              options={[
                { value: "screen_read", label: t("screenRead") },
                { value: "skill_call", label: t("skillCall") },
              ]}
            />
          )}
        </Field>
        {action === "screen_read" ? (
          <Field id="simulator-path" label={t("path")} hint={t("pathHint")} error={errors?.path?.[0]}>
            {(p) => (
              <Input {...p} name="path" value={path} onChange={(e) => setPath(e.target.value)} autoComplete="off" spellCheck={false} className="font-mono" />
            )}
          </Field>
        ) : (
          <Field id="simulator-integration" label={t("integration")} error={errors?.integration?.[0]}>
            {(p) =>
              integrations.length ? (
                <Select {...p} name="integration" value={integration} onChange={(e) => setIntegration(e.target.value)} options={integrations} />
              ) : (
                <Input {...p} name="integration" value="" readOnly placeholder={t("noIntegrations")} />
              )
            }
          </Field>
        )}
        <Button type="submit" disabled={pending} className="sm:mt-6">
          {pending ? t("asking") : t("ask")}
        </Button>
      </form>

      {state && !state.ok && !state.fieldErrors ? (
        <p role="alert" className="text-sm text-red-700">
          {state.error}
        </p>
      ) : null}

      <div aria-live="polite">
        {decision ? (
          <div data-testid="simulator-result" className="space-y-1 rounded-md border border-slate-200 bg-slate-50 p-4 text-sm">
            <p className="flex flex-wrap items-center gap-2">
              <Badge tone={decision.allow ? "success" : "danger"}>{decision.allow ? t("allowed") : t("denied")}</Badge>
              <span className="text-slate-800">{reasons(decision.reason)}</span>
            </p>
            <p className="text-slate-700">
              {decision.rule
                ? t("decidedByRule", {
                    kind: kinds(decision.rule.kind),
                    pattern: decision.rule.pattern ?? "—",
                  })
                : t("decidedBySetting")}
            </p>
            <p className="text-xs text-slate-500">
              {t("meta", { version: decision.policyVersion, ttl: decision.ttlSeconds, subject: decision.path ?? decision.integrationId ?? "" })}
            </p>
          </div>
        ) : null}
      </div>
    </div>
  );
}
