import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { BarChart } from "@/components/charts/charts";
import { ChartFigure } from "@/components/charts/chart-figure";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requireMerchant } from "@/lib/auth/session";
import { firstOrderPeriod, listStatements } from "@/lib/data/statements";
import { formatDateTime, formatFen } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import { merchantHref } from "@/lib/navigation";
import { recentPeriods } from "@/lib/revenue/period";
import { RevenueTabs } from "../_components/revenue-tabs";
import { periodLabel } from "./period-label";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("statements"))("title") };
}

export default async function StatementsPage({ params }: { params: Promise<{ merchant: string }> }) {
  const { merchant: slug } = await params;
  const ctx = await requireMerchant(slug, "statements:read");
  const now = new Date();
  const first = await firstOrderPeriod({ merchantId: ctx.merchant.id });
  const periods = recentPeriods(now, 12).filter((p) => first !== null && p >= first);
  const [statements, t, revenue, charts, locale] = await Promise.all([
    listStatements({ merchantId: ctx.merchant.id, periods, now }),
    getTranslations("statements"),
    getTranslations("revenue"),
    getTranslations("charts"),
    getLocale() as Promise<AppLocale>,
  ]);
  const base = `${merchantHref(ctx.merchant.slug, "revenue")}/statements`;
  const chronological = [...statements].reverse();

  return (
    <div className="space-y-8">
      <PageHeader title={revenue("title")} description={t("description")} />
      <RevenueTabs merchant={ctx.merchant.slug} current="statements" />
      {statements.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <>
          <Card aria-labelledby="statements-chart">
            <CardHeader title={<span id="statements-chart">{t("chartTitle")}</span>} />
            <CardBody>
              <ChartFigure
                id="statements-by-month"
                title={t("chartTitle")}
                description={t("chartDescription")}
                showTableLabel={charts("showTable")}
                table={{
                  caption: t("chartTitle"),
                  columns: [t("month"), t("fields.grossFen"), t("fields.platformShareFen"), t("fields.netPayoutFen")],
                  rows: chronological.map((s) => ({ header: periodLabel(s.period, locale), cells: [formatFen(s.totals.grossFen, locale), formatFen(s.totals.platformShareFen, locale), formatFen(s.totals.netPayoutFen, locale)] })),
                }}
              >
                <BarChart
                  data={chronological.map((s) => ({ label: periodLabel(s.period, locale), net: Number(s.totals.netPayoutFen), share: Number(s.totals.platformShareFen) }))}
                  series={[{ key: "net", label: t("fields.netPayoutFen") }, { key: "share", label: t("fields.platformShareFen") }]}
                  kind="fen"
                  locale={locale}
                  stacked
                />
              </ChartFigure>
            </CardBody>
          </Card>
          <Table data-testid="statements-list">
            <TableCaption>{t("listCaption")}</TableCaption>
            <THead>
              <TR>
                <TH>{t("month")}</TH>
                <TH>{t("status")}</TH>
                <TH className="text-right">{t("fields.orders")}</TH>
                <TH className="text-right">{t("fields.grossFen")}</TH>
                <TH className="text-right">{t("fields.refundsFen")}</TH>
                <TH className="text-right">{t("fields.platformShareFen")}</TH>
                <TH className="text-right">{t("fields.netPayoutFen")}</TH>
              </TR>
            </THead>
            <TBody>
              {statements.map((s) => (
                <TR key={s.period}>
                  <TH scope="row">
                    <Link href={`${base}/${s.period}`} className="text-indigo-700 hover:underline">
                      {periodLabel(s.period, locale)}
                    </Link>
                  </TH>
                  <TD>
                    {s.status === "CLOSED" ? (
                      <Badge tone="success">{t("closedOn", { date: formatDateTime(s.closedAt!, locale) })}</Badge>
                    ) : (
                      <Badge tone={s.ended ? "warning" : "info"}>{s.ended ? t("awaitingClose") : t("open")}</Badge>
                    )}
                  </TD>
                  <TD className="text-right tabular-nums">{new Intl.NumberFormat(locale).format(s.totals.orders)}</TD>
                  <TD className="text-right tabular-nums">{formatFen(s.totals.grossFen, locale)}</TD>
                  <TD className="text-right tabular-nums">{formatFen(s.totals.refundsFen, locale)}</TD>
                  <TD className="text-right tabular-nums">{formatFen(s.totals.platformShareFen, locale)}</TD>
                  <TD className="text-right tabular-nums font-medium">{formatFen(s.totals.netPayoutFen, locale)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <p className="text-sm text-slate-600">{t("bookingNote")}</p>
        </>
      )}
    </div>
  );
}
