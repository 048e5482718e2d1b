import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { channels, paymentMethods } from "@/lib/attribution/dimensions";
import { getOrderFilterOptions } from "@/lib/data/order-explorer";
import { statusFilters, verificationFilters } from "@/lib/validation/order-filters";

/** The explorer's filters as a plain GET form; the URL holds the whole view. */
export async function FilterForm({ merchantId, values, errors, resetHref }: { merchantId: string; values: Record<string, string | undefined>; errors: Record<string, string>; resetHref: string }) {
  const [options, t, a] = await Promise.all([getOrderFilterOptions({ merchantId }), getTranslations("orders"), getTranslations("attribution")]);
  const any = { value: "", label: t("filters.any") };
  const error = (name: string) => (errors[name] ? t(`errors.${errors[name]}`) : undefined);
  const v = (name: string) => values[name] ?? "";
  return (
    <form method="get" aria-label={t("filters.label")} className="mb-6 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-5">
      <Field id="f-from" label={t("filters.from")} error={error("from")}>{(p) => <Input {...p} name="from" type="date" defaultValue={v("from")} />}</Field>
      <Field id="f-to" label={t("filters.to")} error={error("to")}>{(p) => <Input {...p} name="to" type="date" defaultValue={v("to")} />}</Field>
      <Field id="f-channel" label={t("filters.channel")} error={error("channel")}>
        {(p) => <Select {...p} name="channel" defaultValue={v("channel")} options={[any, ...channels.map((c) => ({ value: c, label: a(`channel.${c}`) }))]} />}
      </Field>
      <Field id="f-agent" label={t("filters.agent")} error={error("agent")}>
        {(p) => <Select {...p} name="agent" defaultValue={v("agent")} options={[any, ...options.agents.map((x) => ({ value: x.id, label: x.name }))]} />}
      </Field>
      <Field id="f-integration" label={t("filters.integration")} error={error("integration")}>
        {(p) => <Select {...p} name="integration" defaultValue={v("integration")} options={[any, ...options.integrations.map((x) => ({ value: x.id, label: x.name }))]} />}
      </Field>
      <Field id="f-payment" label={t("filters.paymentMethod")} error={error("paymentMethod")}>
        {(p) => <Select {...p} name="paymentMethod" defaultValue={v("paymentMethod")} options={[any, ...paymentMethods.map((m) => ({ value: m, label: a(`paymentMethod.${m}`) }))]} />}
      </Field>
      <Field id="f-status" label={t("filters.status")} error={error("status")}>
        {(p) => <Select {...p} name="status" defaultValue={v("status")} options={[any, ...statusFilters.map((s) => ({ value: s, label: t(`status.${s}`) }))]} />}
      </Field>
      <Field id="f-verification" label={t("filters.verification")} error={error("verification")}>
        {(p) => <Select {...p} name="verification" defaultValue={v("verification")} options={[{ value: "", label: t("verification.include") }, ...verificationFilters.map((x) => ({ value: x, label: t(`verification.${x}`) }))]} />}
      </Field>
      <Field id="f-min" label={t("filters.minYuan")} hint={t("filters.yuanHint")} error={error("minYuan")}>
        {(p) => <Input {...p} name="minYuan" inputMode="decimal" defaultValue={v("minYuan")} />}
      </Field>
      <Field id="f-max" label={t("filters.maxYuan")} error={error("maxYuan")}>
        {(p) => <Input {...p} name="maxYuan" inputMode="decimal" defaultValue={v("maxYuan")} />}
      </Field>
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-5">
        <Button type="submit">{t("filters.apply")}</Button>
        <Link href={resetHref} className="text-sm text-slate-600 hover:underline">{t("filters.reset")}</Link>
      </div>
    </form>
  );
}
