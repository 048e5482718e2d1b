import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ChartFigure } from "@/components/charts/chart-figure";
import { LineChart, StackedAreaChart } from "@/components/charts/charts";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { bucketLabel } from "@/lib/attribution/bucket-label";
import { bucketKeys } from "@/lib/attribution/buckets";
import { changeBps } from "@/lib/attribution/share";
import { previousPeriod, type AttributionView } from "@/lib/attribution/view";
import { getAttributionReport, getAttributionSeries } from "@/lib/data/attribution";
import { formatFen, formatPercentBps } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import { keyLabel } from "../../_analytics/labels";
import { drillDownHref } from "./drill-down";

function Change({ current, previous }: { current: bigint; previous: bigint }) {
  const bps = changeBps(current, previous);
  if (bps === null) return <span className="text-slate-400">—</span>;
  return <span className={bps > 0 ? "text-emerald-700" : bps < 0 ? "text-red-700" : "text-slate-600"}>{`${bps > 0 ? "+" : ""}${formatPercentBps(bps)}`}</span>;
}

export async function AttributionReportView({ merchantId, slug, view }: { merchantId: string; slug: string; view: AttributionView }) {
  const [report, previousSeries, t, charts, locale] = await Promise.all([
    getAttributionReport({ merchantId, view }),
    // Bucket-by-bucket comparison needs the previous period's series too (only when asked).
    view.compare ? getAttributionSeries({ merchantId, view: previousPeriod(view) }) : Promise.resolve(null),
    getTranslations("attribution"),
    getTranslations("charts"),
    getLocale() as Promise<AppLocale>,
  ]);
  const { series, totals, previousTotals, previousView, labels } = report;
  const label = (key: string) => keyLabel(t, view.groupBy, key, labels);
  const shownKeys = series.keys.filter((k) => totals.groups.some((g) => g.key === k && (g.orders > 0n || g.gmvFen > 0n)) || view.groupBy === "channel" || view.groupBy === "payment_method");
  const defs = shownKeys.map((key) => ({ key, label: label(key) }));
  const chartRows = series.buckets.map((b) => ({ label: bucketLabel(b, view.interval, locale), ...Object.fromEntries(shownKeys.map((k) => [k, Number(series.values.get(b)!.get(k)!.gmvFen)])) }));
  const prevByKey = new Map(previousTotals.groups.map((g) => [g.key, g]));
  const kpis = [
    { name: t("kpi.gmv"), value: formatFen(totals.total.gmvFen, locale), current: totals.total.gmvFen, previous: previousTotals.total.gmvFen },
    { name: t("kpi.orders"), value: totals.total.orders.toString(), current: totals.total.orders, previous: previousTotals.total.orders },
    { name: t("kpi.refunds"), value: formatFen(totals.total.refundsFen, locale), current: totals.total.refundsFen, previous: previousTotals.total.refundsFen },
    { name: t("kpi.net"), value: formatFen(totals.total.gmvFen - totals.total.refundsFen, locale), current: totals.total.gmvFen - totals.total.refundsFen, previous: previousTotals.total.gmvFen - previousTotals.total.refundsFen },
  ];
  const totalRow = (b: string, s: typeof series) => [...s.values.get(b)!.values()].reduce((sum, m) => sum + m.gmvFen, 0n);

  return (
    <div className="space-y-6">
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {kpis.map((k) => (
          <div key={k.name} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <dt className="text-sm text-slate-600">{k.name}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{k.value}</dd>
            <dd className="mt-1 text-xs text-slate-500">
              {t("kpi.vsPrevious", { from: previousView.from, to: previousView.to })} <Change current={k.current} previous={k.previous} />
            </dd>
          </div>
        ))}
      </dl>

      <Card>
        <CardHeader title={t("chart.title", { groupBy: t(`groupBy.${view.groupBy}`) })} description={view.includeVerification ? t("chart.withVerification") : t("chart.withoutVerification")} />
        <CardBody className="space-y-6">
          <ChartFigure
            id="attribution-gmv"
            title={t("chart.gmv")}
            description={t("chart.range", { from: view.from, to: view.to, interval: t(`interval.${view.interval}`) })}
            table={{
              caption: t("chart.gmv"),
              columns: [charts("period"), ...defs.map((d) => d.label)],
              rows: series.buckets.map((b) => ({ header: bucketLabel(b, view.interval, locale), cells: shownKeys.map((k) => formatFen(series.values.get(b)!.get(k)!.gmvFen, locale)) })),
            }}
            showTableLabel={charts("showTable")}
          >
            <StackedAreaChart data={chartRows} series={defs} kind="fen" locale={locale} height={300} />
          </ChartFigure>
          {previousSeries ? (
            <ChartFigure
              id="attribution-compare"
              title={t("chart.compareTitle")}
              description={t("chart.compareDescription", { from: previousView.from, to: previousView.to })}
              table={{
                caption: t("chart.compareTitle"),
                columns: [charts("period"), t("chart.current"), t("chart.previous")],
                rows: series.buckets.map((b, i) => {
                  const pb = previousSeries.buckets[i];
                  return { header: bucketLabel(b, view.interval, locale), cells: [formatFen(totalRow(b, series), locale), pb ? formatFen(totalRow(pb, previousSeries), locale) : "—"] };
                }),
              }}
              showTableLabel={charts("showTable")}
            >
              <LineChart
                data={series.buckets.map((b, i) => {
                  const pb = previousSeries.buckets[i];
                  return { label: bucketLabel(b, view.interval, locale), current: Number(totalRow(b, series)), previous: pb ? Number(totalRow(pb, previousSeries)) : 0 };
                })}
                series={[{ key: "current", label: t("chart.current") }, { key: "previous", label: t("chart.previous") }]}
                dashed={["previous"]}
                kind="fen"
                locale={locale}
              />
            </ChartFigure>
          ) : null}
        </CardBody>
      </Card>

      <Table>
        <TableCaption>{t("table.caption", { groupBy: t(`groupBy.${view.groupBy}`), from: view.from, to: view.to })}</TableCaption>
        <THead>
          <tr>
            <TH>{t(`groupBy.${view.groupBy}`)}</TH>
            <TH className="text-right">{t("table.orders")}</TH>
            <TH className="text-right">{t("table.gmv")}</TH>
            <TH className="text-right">{t("table.share")}</TH>
            <TH className="text-right">{t("table.refunds")}</TH>
            <TH className="text-right">{t("table.net")}</TH>
            {view.compare ? <TH className="text-right">{t("table.previousGmv")}</TH> : null}
            {view.compare ? <TH className="text-right">{t("table.change")}</TH> : null}
            <TH><span className="sr-only">{t("table.drillDown")}</span></TH>
          </tr>
        </THead>
        <TBody>
          {totals.groups.map((g) => {
            const href = drillDownHref(slug, view, g.key);
            const prev = prevByKey.get(g.key);
            return (
              <TR key={g.key || "none"}>
                <TH scope="row">{label(g.key)}</TH>
                <TD className="text-right tabular-nums" data-testid={`orders-${g.key || "none"}`}>{g.orders.toString()}</TD>
                <TD className="text-right tabular-nums">{formatFen(g.gmvFen, locale)}</TD>
                <TD className="text-right tabular-nums">{formatPercentBps(g.shareBps)}</TD>
                <TD className="text-right tabular-nums">{formatFen(g.refundsFen, locale)}</TD>
                <TD className="text-right tabular-nums">{formatFen(g.gmvFen - g.refundsFen, locale)}</TD>
                {view.compare ? <TD className="text-right tabular-nums">{formatFen(prev?.gmvFen ?? 0n, locale)}</TD> : null}
                {view.compare ? <TD className="text-right tabular-nums"><Change current={g.gmvFen} previous={prev?.gmvFen ?? 0n} /></TD> : null}
                <TD>
                  {href ? (
                    <Link href={href} className="text-indigo-700 hover:underline">
                      {t("table.viewOrders")}<span className="sr-only"> — {label(g.key)}</span>
                    </Link>
                  ) : null}
                </TD>
              </TR>
            );
          })}
        </TBody>
      </Table>
      <p className="text-xs text-slate-500">{t("table.note", { buckets: bucketKeys(view).length })}</p>
    </div>
  );
}

