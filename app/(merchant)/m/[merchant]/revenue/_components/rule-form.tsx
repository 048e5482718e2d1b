"use client";

import { useLocale, useTranslations } from "next-intl";
import { startTransition, useActionState, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { ActionState } from "@/lib/auth/action";
import type { previewRevenueRuleAction, scheduleRevenueRuleAction } from "../actions";
import type { PreviewResult } from "./preview-types";
import { PreviewPanel } from "./preview-panel";

type Props = {
  merchant: string;
  /** The merchant's own actions, or the platform admin's (same form fields, other authorization). */
  previewAction: typeof previewRevenueRuleAction;
  scheduleAction: typeof scheduleRevenueRuleAction;
  agents: { id: string; name: string }[];
  /** Asia/Shanghai dates: the earliest effective date, and the default preview period (last month). */
  today: string;
  previewFrom: string;
  previewTo: string;
};

type Values = { channel: string; agentId: string; ratePercent: string; fixedFeeYuan: string; effectiveDate: string; from: string; to: string };

/** Propose a rule, preview it over real orders, then schedule it (the same values). */
export function RuleForm({ merchant, previewAction, scheduleAction, agents, today, previewFrom, previewTo }: Props) {
  const t = useTranslations("revenue.form");
  const channels = useTranslations("revenue.channels");
  const locale = useLocale();
  const [values, setValues] = useState<Values>({ channel: "AI_SKILL", agentId: "", ratePercent: "", fixedFeeYuan: "0", effectiveDate: today, from: previewFrom, to: previewTo });
  const [previewedFor, setPreviewedFor] = useState<string | null>(null);
  const key = JSON.stringify({ ...values, effectiveDate: "" });

  const [preview, previewFormAction, previewing] = useActionState(async (prev: ActionState<{ preview: PreviewResult }>, formData: FormData) => {
    const result = await previewAction(prev, formData);
    setPreviewedFor(result?.ok ? key : null);
    return result;
  }, null);
  const [scheduled, scheduleFormAction, scheduling] = useActionState(scheduleAction, null);
  const errors = { ...(preview && !preview.ok ? preview.fieldErrors : {}), ...(scheduled && !scheduled.ok ? scheduled.fieldErrors : {}) };
  const set = (name: keyof Values) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value }));
  const fresh = preview?.ok && previewedFor === key;
  // Submitted by hand rather than through <form action>: React resets a form after its action,
  // which would put the selects back to their first values while the state (and the preview it
  // matched) kept the user's choice, and "Schedule" would then send the reset values.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(event.currentTarget);
    startTransition(() => (submitter?.value === "schedule" ? scheduleFormAction(data) : previewFormAction(data)));
  };

  return (
    <form onSubmit={submit} className="space-y-5" noValidate>
      <input type="hidden" name="merchant" value={merchant} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field id="rule-channel" label={t("channel")} error={errors.channel?.[0]}>
          {(p) => <Select {...p} name="channel" value={values.channel} onChange={set("channel")} options={(["AI_SKILL", "AI_SCREEN_READ", "ORGANIC"] as const).map((c) => ({ value: c, label: channels(c) }))} />}
        </Field>
        <Field id="rule-agent" label={t("agent")} hint={t("agentHint")} error={errors.agentId?.[0]}>
          {(p) => (
            <Select
              {...p}
              name="agentId"
              value={values.agentId}
              onChange={set("agentId")}
              disabled={values.channel === "ORGANIC"}
              options={[{ value: "", label: t("allAgents") }, ...agents.map((a) => ({ value: a.id, label: a.name }))]}
            />
          )}
        </Field>
        <Field id="rule-effective" label={t("effectiveDate")} hint={t("effectiveHint")} error={errors.effectiveDate?.[0]}>
          {(p) => <Input {...p} type="date" name="effectiveDate" min={today} value={values.effectiveDate} onChange={set("effectiveDate")} required />}
        </Field>
        <Field id="rule-rate" label={t("rate")} hint={t("rateHint")} error={errors.ratePercent?.[0]}>
          {(p) => <Input {...p} name="ratePercent" inputMode="decimal" value={values.ratePercent} onChange={set("ratePercent")} placeholder="3.5" autoComplete="off" required />}
        </Field>
        <Field id="rule-fixed" label={t("fixedFee")} hint={t("fixedFeeHint")} error={errors.fixedFeeYuan?.[0]}>
          {(p) => <Input {...p} name="fixedFeeYuan" inputMode="decimal" value={values.fixedFeeYuan} onChange={set("fixedFeeYuan")} placeholder="0.00" autoComplete="off" />}
        </Field>
      </div>
      <fieldset className="rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-medium text-slate-800">{t("previewPeriod")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="rule-from" label={t("from")} error={errors.from?.[0]}>
            {(p) => <Input {...p} type="date" name="from" value={values.from} onChange={set("from")} />}
          </Field>
          <Field id="rule-to" label={t("to")} error={errors.to?.[0]}>
            {(p) => <Input {...p} type="date" name="to" value={values.to} onChange={set("to")} />}
          </Field>
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" name="intent" value="preview" variant="secondary" disabled={previewing}>
          {previewing ? t("previewing") : t("preview")}
        </Button>
        <Button type="submit" name="intent" value="schedule" disabled={scheduling || !fresh} aria-describedby="rule-schedule-hint">
          {scheduling ? t("scheduling") : t("schedule")}
        </Button>
        <span id="rule-schedule-hint" className="text-xs text-slate-500">
          {fresh ? t("scheduleReady") : t("previewFirst")}
        </span>
      </div>
      <div aria-live="polite">
        {preview && !preview.ok ? <p role="alert" className="text-sm text-red-700">{preview.error}</p> : null}
        {scheduled && !scheduled.ok ? <p role="alert" className="text-sm text-red-700">{scheduled.error}</p> : null}
        {scheduled?.ok ? <p role="status" className="text-sm text-emerald-700">{scheduled.message}</p> : null}
      </div>
      {preview?.ok ? <PreviewPanel preview={preview.preview} locale={locale === "en" ? "en" : "zh-CN"} stale={!fresh} /> : null}
    </form>
  );
}
