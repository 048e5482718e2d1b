import { getLocale, getTranslations } from "next-intl/server";
import { BarChart, LineChart } from "@/components/charts/charts";
import { ChartFigure } from "@/components/charts/chart-figure";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { bucketLabel } from "@/lib/attribution/bucket-label";
import { bucketKeys } from "@/lib/attribution/buckets";
import { shareBps } from "@/lib/attribution/share";
import { getScreenReadTrend } from "@/lib/data/screen-reading";
import { formatPercentBps } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import { failureOutcomes } from "@/lib/screen-reading/skill-candidates";

export async function FailureTrendCard({ merchantId, from, to }: { merchantId: string; from: string; to: string }) {
  const [trend, t, charts, locale] = await Promise.all([getScreenReadTrend({ merchantId, from, to }), getTranslations("screenReading"), getTranslations("charts"), getLocale() as Promise<AppLocale>]);
  const days = bucketKeys({ from, to, interval: "day" });
  const cell = new Map(trend.map((r) => [`${r.day}|${r.outcome}`, r.sessions]));
  const at = (day: string, outcome: string) => cell.get(`${day}|${outcome}`) ?? 0n;
  const perDay = days.map((day) => {
    const failures = failureOutcomes.reduce((s, o) => s + at(day, o), 0n);
    const sessions = failures + at(day, "COMPLETED");
    return { day, failures, sessions, rate: shareBps(failures, sessions) };
  });
  const total = perDay.reduce((s, d) => ({ failures: s.failures + d.failures, sessions: s.sessions + d.sessions }), { failures: 0n, sessions: 0n });
  const defs = failureOutcomes.map((o) => ({ key: o, label: t(`outcome.${o}`) }));
  return (
    <Card>
      <CardHeader title={t("trend.title")} description={t("trend.summary", { sessions: total.sessions.toString(), failures: total.failures.toString(), rate: formatPercentBps(shareBps(total.failures, total.sessions)) })} />
      <CardBody className="grid gap-6 lg:grid-cols-2">
        <ChartFigure
          id="sr-kinds"
          title={t("trend.byKind")}
          description={t("trend.byKindDescription")}
          table={{
            caption: t("trend.byKind"),
            columns: [charts("date"), ...defs.map((d) => d.label)],
            rows: days.map((day) => ({ header: bucketLabel(day, "day", locale), cells: failureOutcomes.map((o) => at(day, o).toString()) })),
          }}
          showTableLabel={charts("showTable")}
        >
          <BarChart data={days.map((day) => ({ label: bucketLabel(day, "day", locale), ...Object.fromEntries(failureOutcomes.map((o) => [o, Number(at(day, o))])) }))} series={defs} kind="count" locale={locale} stacked />
        </ChartFigure>
        <ChartFigure
          id="sr-rate"
          title={t("trend.rate")}
          description={t("trend.rateDescription")}
          table={{
            caption: t("trend.rate"),
            columns: [charts("date"), t("sessions"), t("failures"), t("failureRate")],
            rows: perDay.map((d) => ({ header: bucketLabel(d.day, "day", locale), cells: [d.sessions.toString(), d.failures.toString(), formatPercentBps(d.rate)] })),
          }}
          showTableLabel={charts("showTable")}
        >
          <LineChart data={perDay.map((d) => ({ label: bucketLabel(d.day, "day", locale), rate: d.rate }))} series={[{ key: "rate", label: t("failureRate") }]} kind="bps" locale={locale} />
        </ChartFigure>
      </CardBody>
    </Card>
  );
}
