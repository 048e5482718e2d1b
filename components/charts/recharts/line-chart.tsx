"use client";

import { CartesianGrid, Legend, Line, LineChart as RLineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AppLocale } from "@/lib/i18n/config";
import { colorAt, formatTick, formatValue, type ChartRow, type SeriesDef, type ValueKind } from "../chart-format";

export type LineChartProps = { data: ChartRow[]; series: SeriesDef[]; kind: ValueKind; locale: AppLocale; dashed?: string[]; height: number };

/** Lines over time; `dashed` keys draw dashed (e.g. the previous period). */
export function LineChart({ data, series, kind, locale, dashed = [], height }: LineChartProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <RLineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={16} />
        <YAxis tick={{ fontSize: 11 }} width={64} tickFormatter={(v: number) => formatTick(v, kind, locale)} />
        <Tooltip formatter={(v) => formatValue(Number(v), kind, locale)} />
        {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
        {series.map((s, i) => (
          <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={colorAt(i)} strokeWidth={2} strokeDasharray={dashed.includes(s.key) ? "5 4" : undefined} dot={false} isAnimationActive={false} />
        ))}
      </RLineChart>
    </ResponsiveContainer>
  );
}
