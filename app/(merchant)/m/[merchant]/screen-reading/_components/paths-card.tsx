import { getLocale, getTranslations } from "next-intl/server";
import { BarChart } from "@/components/charts/charts";
import { ChartFigure } from "@/components/charts/chart-figure";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { shareBps } from "@/lib/attribution/share";
import { getScreenReadByPath } from "@/lib/data/screen-reading";
import { formatPercentBps } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";

export async function PathsCard({ merchantId, from, to }: { merchantId: string; from: string; to: string }) {
  const [paths, t, charts, locale] = await Promise.all([getScreenReadByPath({ merchantId, from, to }), getTranslations("screenReading"), getTranslations("charts"), getLocale() as Promise<AppLocale>]);
  return (
    <Card>
      <CardHeader title={t("paths.title")} description={t("paths.description")} />
      <CardBody>
        {paths.length === 0 ? (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <ChartFigure
            id="sr-paths"
            title={t("paths.chart")}
            table={{
              caption: t("paths.chart"),
              columns: [t("paths.path"), t("sessions"), t("failures"), t("failureRate"), t("paths.topFailure")],
              rows: paths.map((p) => ({
                header: p.pagePath,
                cells: [p.sessions.toString(), p.failures.toString(), formatPercentBps(shareBps(p.failures, p.sessions)), p.topFailure ? t(`outcome.${p.topFailure}`) : "—"],
              })),
            }}
            showTableLabel={charts("showTable")}
          >
            <BarChart
              data={paths.map((p) => ({ label: p.pagePath, completed: Number(p.sessions - p.failures), failed: Number(p.failures) }))}
              series={[{ key: "completed", label: t("outcome.COMPLETED") }, { key: "failed", label: t("failures") }]}
              kind="count"
              locale={locale}
              stacked
              layout="vertical"
              height={60 + paths.length * 32}
            />
          </ChartFigure>
        )}
      </CardBody>
    </Card>
  );
}
