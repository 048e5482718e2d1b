"use client";

import { Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";
import type { AppLocale } from "@/lib/i18n/config";
import { colorAt, formatValue, type Slice, type ValueKind } from "../chart-format";

export type DonutChartProps = { slices: Slice[]; kind: ValueKind; locale: AppLocale; height: number };

/** Parts of a whole as a ring. */
export function DonutChart({ slices, kind, locale, height }: DonutChartProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <PieChart accessibilityLayer={false}>
        <Pie rootTabIndex={-1} data={slices} dataKey="value" nameKey="label" innerRadius="55%" outerRadius="85%" paddingAngle={1} isAnimationActive={false}>
          {slices.map((s, i) => (
            <Cell key={s.key} fill={colorAt(i)} />
          ))}
        </Pie>
        <Tooltip formatter={(v) => formatValue(Number(v), kind, locale)} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
      </PieChart>
    </ResponsiveContainer>
  );
}
