"use client";

import { useTranslations } from "next-intl";
import { BarChart } from "@/components/charts/charts";
import { ChartFigure } from "@/components/charts/chart-figure";
import { formatFen } from "@/lib/format/money";
import type { AppLocale } from "@/lib/i18n/config";
import type { PreviewResult } from "./preview-types";

/** The what-if result: totals, a bar chart actual vs proposed by channel and agent, and the table. */
export function PreviewPanel({ preview, locale, stale }: { preview: PreviewResult; locale: AppLocale; stale: boolean }) {
  const t = useTranslations("revenue.preview");
  const channels = useTranslations("revenue.channels");
  const charts = useTranslations("charts");
  const fen = (text: string) => formatFen(BigInt(text), locale);
  const diff = BigInt(preview.totals.proposedFen) - BigInt(preview.totals.actualFen);
  const label = (l: PreviewResult["lines"][number]) => (l.agentId ? `${channels(l.channel)} · ${l.agentName}` : channels(l.channel));
  const rows = preview.lines.map((l) => ({ label: label(l), actual: Number(l.actualFen), proposed: Number(l.proposedFen) }));

  return (
    <section aria-labelledby="preview-title" className={`space-y-4 rounded-lg border border-indigo-200 bg-indigo-50/40 p-4 ${stale ? "opacity-60" : ""}`}>
      <div>
        <h3 id="preview-title" className="text-sm font-semibold text-slate-900">{t("title", { from: preview.from, to: preview.to })}</h3>
        {stale ? <p className="text-xs text-amber-800">{t("stale")}</p> : null}
      </div>
      <dl className="grid gap-3 sm:grid-cols-4" data-testid="preview-totals">
        <Stat label={t("orders")} value={new Intl.NumberFormat(locale).format(BigInt(preview.totals.orders))} />
        <Stat label={t("actual")} value={fen(preview.totals.actualFen)} testId="preview-actual" />
        <Stat label={t("proposed")} value={fen(preview.totals.proposedFen)} testId="preview-proposed" />
        <Stat label={t("difference")} value={`${diff > 0n ? "+" : ""}${formatFen(diff, locale)}`} testId="preview-difference" />
      </dl>
      {preview.lines.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ChartFigure
          id="revenue-preview-chart"
          title={t("chartTitle")}
          description={t("chartDescription")}
          showTableLabel={charts("showTable")}
          table={{
            caption: t("chartTitle"),
            columns: [t("line"), t("orders"), t("gross"), t("actual"), t("proposed")],
            rows: preview.lines.map((l) => ({ header: label(l), cells: [l.orders, fen(l.grossFen), fen(l.actualFen), fen(l.proposedFen)] })),
          }}
        >
          <BarChart data={rows} series={[{ key: "actual", label: t("actual") }, { key: "proposed", label: t("proposed") }]} kind="fen" locale={locale} layout="vertical" height={Math.max(160, rows.length * 44)} />
        </ChartFigure>
      )}
      <p className="text-xs text-slate-600">{t("note")}</p>
    </section>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded-md bg-white p-3 shadow-sm ring-1 ring-slate-200">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="mt-1 text-lg font-semibold tabular-nums text-slate-900" data-testid={testId}>{value}</dd>
    </div>
  );
}
