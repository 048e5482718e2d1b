"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { addPathRuleAction } from "../actions";
import { FormOutcome } from "./form-outcome";

export function PathRuleForm({ merchant }: { merchant: string }) {
  const t = useTranslations("visibility.pathRules");
  const effects = useTranslations("visibility.effects");
  // Controlled, so a refused pattern stays in the box to be corrected.
  const [pattern, setPattern] = useState("");
  const [effect, setEffect] = useState("DENY");
  const [state, formAction, pending] = useActionState(async (prev: Parameters<typeof addPathRuleAction>[0], formData: FormData) => {
    const result = await addPathRuleAction(prev, formData);
    if (result?.ok) setPattern("");
    return result;
  }, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="merchant" value={merchant} />
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem_auto] sm:items-start">
        <Field id="path-rule-pattern" label={t("pattern")} hint={t("patternHint")} error={errors?.pattern?.[0]}>
          {(p) => (
            <Input
              {...p}
              name="pattern"
              value={pattern}
              onChange={(event) => setPattern(event.target.value)}
              placeholder="/checkout/**"
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
            />
          )}
        </Field>
        <Field id="path-rule-effect" label={t("effect")} error={errors?.effect?.[0]}>
          {(p) => (
            <Select
              {...p}
              name="effect"
              value={effect}
              onChange={(event) => setEffect(event.target.value)}
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
