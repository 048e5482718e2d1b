"use client";

import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AppLocale } from "@/lib/i18n/config";
import { colorAt, formatTick, formatValue, type ChartRow, type SeriesDef, type ValueKind } from "../chart-format";

export type StackedAreaChartProps = { data: ChartRow[]; series: SeriesDef[]; kind: ValueKind; locale: AppLocale; height: number };

/** Stacked areas over time; `data` rows carry the x label and one number per series key. */
export function StackedAreaChart({ data, series, kind, locale, height }: StackedAreaChartProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <AreaChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={16} />
        <YAxis tick={{ fontSize: 11 }} width={64} tickFormatter={(v: number) => formatTick(v, kind, locale)} />
        <Tooltip formatter={(v) => formatValue(Number(v), kind, locale)} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((s, i) => (
          <Area key={s.key} type="monotone" dataKey={s.key} name={s.label} stackId="1" stroke={colorAt(i)} fill={colorAt(i)} fillOpacity={0.35} isAnimationActive={false} />
        ))}
      </AreaChart>
    </ResponsiveContainer>
  );
}
