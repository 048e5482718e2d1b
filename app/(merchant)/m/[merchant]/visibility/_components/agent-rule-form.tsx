"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select, type SelectOption } from "@/components/ui/select";
import { addAgentRuleAction } from "../actions";
import { FormOutcome } from "./form-outcome";

export function AgentRuleForm({ merchant, agents }: { merchant: string; agents: SelectOption[] }) {
  const t = useTranslations("visibility.agentRules");
  const kinds = useTranslations("visibility.kinds");
  const effects = useTranslations("visibility.effects");
  const [state, formAction, pending] = useActionState(addAgentRuleAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="merchant" value={merchant} />
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem_10rem_auto] sm:items-start">
        <Field id="agent-rule-agent" label={t("agent")} error={errors?.agentId?.[0]}>
          {(p) => <Select {...p} name="agentId" options={[{ value: "", label: t("chooseAgent") }, ...agents]} defaultValue="" />}
        </Field>
        <Field id="agent-rule-kind" label={t("kind")} error={errors?.kind?.[0]}>
          {(p) => (
            <Select
              {...p}
              name="kind"
              defaultValue="AGENT_SCREEN_READ"
              options={[
                { value: "AGENT_SCREEN_READ", label: kinds("AGENT_SCREEN_READ") },
                { value: "AGENT_SKILL_CALL", label: kinds("AGENT_SKILL_CALL") },
              ]}
            />
          )}
        </Field>
        <Field id="agent-rule-effect" label={t("effect")} error={errors?.effect?.[0]}>
          {(p) => (
            <Select
              {...p}
              name="effect"
              defaultValue="DENY"
              options={[
                { value: "DENY", label: effects("DENY") },
                { value: "ALLOW", label: effects("ALLOW") },
              ]}
            />
          )}
        </Field>
        <Button type="submit" disabled={pending} className="sm:mt-6">
          {pending ? t("adding") : t("add")}
        </Button>
      </div>
      <FormOutcome state={state} />
    </form>
  );
}
