import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { BarChart } from "@/components/charts/charts";
import { ChartFigure } from "@/components/charts/chart-figure";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireMerchant } from "@/lib/auth/session";
import { listAgents } from "@/lib/data/agents";
import { getStatement } from "@/lib/data/statements";
import { formatDateTime, formatFen } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import { merchantHref } from "@/lib/navigation";
import { isPeriod, periodHasEnded, periodOf } from "@/lib/revenue/period";
import { RevenueTabs } from "../../_components/revenue-tabs";
import { StatementBody } from "../../_components/statement-body";
import { VerifyForm } from "../../_components/verify-form";
import { periodLabel } from "../period-label";

export async function generateMetadata({ params }: { params: Promise<{ period: string }> }): Promise<Metadata> {
  const { period } = await params;
  return { title: (await getTranslations("statements"))("detailTitle", { period: isPeriod(period) ? periodLabel(period, (await getLocale()) as AppLocale) : period }) };
}

export default async function StatementPage({ params }: { params: Promise<{ merchant: string; period: string }> }) {
  const { merchant: slug, period } = await params;
  const ctx = await requireMerchant(slug, "statements:read");
  const now = new Date();
  if (!isPeriod(period) || period > periodOf(now)) notFound();
  const [statement, agents, t, charts, revenue, locale] = await Promise.all([
    getStatement({ merchantId: ctx.merchant.id, period }),
    listAgents(),
    getTranslations("statements"),
    getTranslations("charts"),
    getTranslations("revenue"),
    getLocale() as Promise<AppLocale>,
  ]);
  const agentNames = new Map(agents.map((a) => [a.id, a.name]));
  const base = `${merchantHref(ctx.merchant.slug, "revenue")}/statements`;
  const label = periodLabel(period, locale);
  const lineLabel = (l: (typeof statement.lines)[number]) => `${revenue(`channels.${l.channel}`)}${l.agentId ? ` · ${agentNames.get(l.agentId) ?? l.agentId}` : ""}`;
  const status =
    statement.status === "CLOSED" ? (
      <Badge tone="success">{t("closedOn", { date: formatDateTime(statement.closedAt!, locale) })}</Badge>
    ) : (
      <Badge tone={periodHasEnded(period, now) ? "warning" : "info"}>{periodHasEnded(period, now) ? t("awaitingClose") : t("open")}</Badge>
    );

  return (
    <div className="space-y-8">
      <PageHeader
        title={t("detailTitle", { period: label })}
        description={statement.status === "CLOSED" ? t("closedDescription") : t("openDescription")}
        actions={
          <>
            <a href={`${base}/${period}/export`} className={buttonClasses({ variant: "secondary" })} download>
              {t("downloadCsv")}
            </a>
            <Link href={`/print/statements/${encodeURIComponent(ctx.merchant.slug)}/${period}`} className={buttonClasses({ variant: "secondary" })}>
              {t("printable")}
            </Link>
          </>
        }
      />
      <RevenueTabs merchant={ctx.merchant.slug} current="statements" />
      <div className="flex flex-wrap items-center gap-3">
        <span data-testid="statement-status">{status}</span>
        <Link href={base} className="text-sm text-indigo-700 hover:underline">{t("allMonths")}</Link>
      </div>

      <StatementBody statement={statement} agentNames={agentNames} locale={locale} />

      {statement.lines.length ? (
        <Card aria-labelledby="statement-chart">
          <CardHeader title={<span id="statement-chart">{t("lineChartTitle")}</span>} />
          <CardBody>
            <ChartFigure
              id="statement-lines-chart"
              title={t("lineChartTitle")}
              description={t("lineChartDescription")}
              showTableLabel={charts("showTable")}
              table={{ caption: t("lineChartTitle"), columns: [t("fields.agent"), t("fields.netPayoutFen"), t("fields.platformShareFen")], rows: statement.lines.map((l) => ({ header: lineLabel(l), cells: [formatFen(l.netPayoutFen, locale), formatFen(l.platformShareFen, locale)] })) }}
            >
              <BarChart
                data={statement.lines.map((l) => ({ label: lineLabel(l), net: Number(l.netPayoutFen), share: Number(l.platformShareFen) }))}
                series={[{ key: "net", label: t("fields.netPayoutFen") }, { key: "share", label: t("fields.platformShareFen") }]}
                kind="fen"
                locale={locale}
                layout="vertical"
                stacked
                height={Math.max(160, statement.lines.length * 40)}
              />
            </ChartFigure>
          </CardBody>
        </Card>
      ) : null}

      {statement.status === "CLOSED" ? (
        <Card aria-labelledby="statement-verify">
          <CardHeader title={<span id="statement-verify">{t("verify.title")}</span>} description={t("verify.description")} />
          <CardBody>
            <VerifyForm merchant={ctx.merchant.slug} period={period} />
          </CardBody>
        </Card>
      ) : null}

      <Card aria-labelledby="statement-rules">
        <CardHeader title={<span id="statement-rules">{t("rulesTitle")}</span>} />
        <CardBody>
          <ul className="list-disc space-y-1.5 pl-5 text-sm text-slate-700">
            <li>{t("rules.orders")}</li>
            <li>{t("rules.refunds")}</li>
            <li>{t("rules.late")}</li>
            <li>{t("rules.closing")}</li>
          </ul>
        </CardBody>
      </Card>
    </div>
  );
}
