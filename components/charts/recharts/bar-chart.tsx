"use client";

import { Bar, BarChart as RBarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AppLocale } from "@/lib/i18n/config";
import { colorAt, formatTick, formatValue, type ChartRow, type SeriesDef, type ValueKind } from "../chart-format";

export type BarChartProps = { data: ChartRow[]; series: SeriesDef[]; kind: ValueKind; locale: AppLocale; stacked?: boolean; layout?: "horizontal" | "vertical"; height: number };

/** Bars per x label, one per series; `stacked` piles them up. `layout="vertical"` for ranked lists. */
export function BarChart({ data, series, kind, locale, stacked = false, layout = "horizontal", height }: BarChartProps) {
  const vertical = layout === "vertical";
  return (
    <ResponsiveContainer width="100%" height={height}>
      <RBarChart accessibilityLayer={false} data={data} layout={vertical ? "vertical" : "horizontal"} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={vertical} horizontal={!vertical} stroke="#e2e8f0" />
        {vertical ? (
          <>
            <XAxis type="number" tick={{ fontSize: 11 }} tickFormatter={(v: number) => formatTick(v, kind, locale)} />
            <YAxis type="category" dataKey="label" tick={{ fontSize: 11 }} width={140} />
          </>
        ) : (
          <>
            <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={16} />
            <YAxis tick={{ fontSize: 11 }} width={64} tickFormatter={(v: number) => formatTick(v, kind, locale)} />
          </>
        )}
        <Tooltip formatter={(v) => formatValue(Number(v), kind, locale)} />
        {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} stackId={stacked ? "1" : undefined} fill={colorAt(i)} isAnimationActive={false} />
        ))}
      </RBarChart>
    </ResponsiveContainer>
  );
}
