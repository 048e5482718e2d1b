import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { BarChart } from "@/components/charts/charts";
import { ChartFigure } from "@/components/charts/chart-figure";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getTopAgents } from "@/lib/data/attribution";
import { formatFen, formatPercentBps } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import { merchantHref } from "@/lib/navigation";
import { viewToSearchParams } from "@/lib/validation/attribution";
import type { WidgetProps } from "./widget-props";

export async function TopAgentsCard({ merchantId, slug, view }: WidgetProps) {
  const [{ agents }, t, charts, locale] = await Promise.all([getTopAgents({ merchantId, view }), getTranslations("overview"), getTranslations("charts"), getLocale() as Promise<AppLocale>]);
  const more = `${merchantHref(slug, "attribution")}?${viewToSearchParams({ ...view, groupBy: "agent" })}`;
  return (
    <Card>
      <CardHeader title={t("topAgents.title")} description={t("topAgents.description")} actions={<Link href={more} className="text-sm text-indigo-700 hover:underline">{t("more")}</Link>} />
      <CardBody>
        {agents.length === 0 ? (
          <p className="text-sm text-slate-600">{t("topAgents.empty")}</p>
        ) : (
          <ChartFigure
            id="overview-agents"
            title={t("topAgents.chart")}
            table={{
              caption: t("topAgents.chart"),
              columns: [t("topAgents.agent"), t("gmv"), t("orders"), t("topAgents.share")],
              rows: agents.map((a) => ({ header: a.name, cells: [formatFen(a.gmvFen, locale), a.orders.toString(), formatPercentBps(a.shareBps)] })),
            }}
            showTableLabel={charts("showTable")}
          >
            <BarChart data={agents.map((a) => ({ label: a.name, gmv: Number(a.gmvFen) }))} series={[{ key: "gmv", label: t("gmv") }]} kind="fen" locale={locale} layout="vertical" height={40 + agents.length * 36} />
          </ChartFigure>
        )}
      </CardBody>
    </Card>
  );
}
