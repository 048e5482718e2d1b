import { getLocale, getTranslations } from "next-intl/server";
import { ChartFigure } from "@/components/charts/chart-figure";
import { StackedAreaChart } from "@/components/charts/charts";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { bucketLabel } from "@/lib/attribution/bucket-label";
import { getAttributionSeries } from "@/lib/data/attribution";
import { formatFen } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import type { WidgetProps } from "./widget-props";

export async function ChannelTrendCard({ merchantId, view }: WidgetProps) {
  const [series, t, a, charts, locale] = await Promise.all([
    getAttributionSeries({ merchantId, view: { ...view, groupBy: "channel", interval: "day" } }),
    getTranslations("overview"),
    getTranslations("attribution"),
    getTranslations("charts"),
    getLocale() as Promise<AppLocale>,
  ]);
  const defs = series.keys.map((key) => ({ key, label: a(`channel.${key}`) }));
  const rows = (metric: "gmvFen" | "orders") =>
    series.buckets.map((b) => ({ label: bucketLabel(b, "day", locale), ...Object.fromEntries(series.keys.map((k) => [k, Number(series.values.get(b)!.get(k)![metric])])) }));
  const table = (metric: "gmvFen" | "orders", caption: string) => ({
    caption,
    columns: [charts("date"), ...defs.map((d) => d.label)],
    rows: series.buckets.map((b) => ({
      header: bucketLabel(b, "day", locale),
      cells: series.keys.map((k) => {
        const v = series.values.get(b)!.get(k)![metric];
        return metric === "gmvFen" ? formatFen(v, locale) : v.toString();
      }),
    })),
  });
  return (
    <Card>
      <CardHeader title={t("trend.title")} description={t("trend.description")} />
      <CardBody className="space-y-6">
        <ChartFigure id="overview-gmv" title={t("trend.gmv")} description={t("trend.gmvDescription")} table={table("gmvFen", t("trend.gmv"))} showTableLabel={charts("showTable")}>
          <StackedAreaChart data={rows("gmvFen")} series={defs} kind="fen" locale={locale} />
        </ChartFigure>
        <ChartFigure id="overview-orders" title={t("trend.orders")} description={t("trend.ordersDescription")} table={table("orders", t("trend.orders"))} showTableLabel={charts("showTable")}>
          <StackedAreaChart data={rows("orders")} series={defs} kind="count" locale={locale} height={200} />
        </ChartFigure>
      </CardBody>
    </Card>
  );
}
