import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { groupBys, intervals, type AttributionView } from "@/lib/attribution/view";

/** A plain GET form: works without JavaScript, and every view is a shareable URL. */
export async function ViewForm({ view }: { view: AttributionView }) {
  const t = await getTranslations("attribution");
  return (
    <form method="get" className="mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={t("form.label")}>
      <div className="space-y-1">
        <label htmlFor="from" className="block text-sm font-medium text-slate-800">{t("form.from")}</label>
        <Input id="from" name="from" type="date" defaultValue={view.from} required className="w-40" />
      </div>
      <div className="space-y-1">
        <label htmlFor="to" className="block text-sm font-medium text-slate-800">{t("form.to")}</label>
        <Input id="to" name="to" type="date" defaultValue={view.to} required className="w-40" />
      </div>
      <div className="space-y-1">
        <label htmlFor="interval" className="block text-sm font-medium text-slate-800">{t("form.interval")}</label>
        <Select id="interval" name="interval" defaultValue={view.interval} className="w-32" options={intervals.map((i) => ({ value: i, label: t(`interval.${i}`) }))} />
      </div>
      <div className="space-y-1">
        <label htmlFor="groupBy" className="block text-sm font-medium text-slate-800">{t("form.groupBy")}</label>
        <Select id="groupBy" name="groupBy" defaultValue={view.groupBy} className="w-40" options={groupBys.map((g) => ({ value: g, label: t(`groupBy.${g}`) }))} />
      </div>
      <div className="flex flex-col gap-1.5 pb-1 text-sm text-slate-800">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="includeVerification" value="true" defaultChecked={view.includeVerification} className="size-4 rounded border-slate-300" />
          {t("form.includeVerification")}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="compare" value="true" defaultChecked={view.compare} className="size-4 rounded border-slate-300" />
          {t("form.compare")}
        </label>
      </div>
      <Button type="submit">{t("form.apply")}</Button>
    </form>
  );
}
