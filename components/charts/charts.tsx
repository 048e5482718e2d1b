"use client";

import dynamic from "next/dynamic";
import type { ComponentType } from "react";
import type { BarChartProps } from "./recharts/bar-chart";
import type { DonutChartProps } from "./recharts/donut-chart";
import type { LineChartProps } from "./recharts/line-chart";
import type { StackedAreaChartProps } from "./recharts/stacked-area-chart";

// The charts load after the page, in the browser only (next/dynamic, ssr: false): recharts and its
// store are ~120 kB of gzip JavaScript, and server-rendering them cost every request CPU for a
// drawing that screen readers never see (ChartFigure hides it and offers the same numbers as a
// table). Each chart keeps its height while it loads, so nothing moves when it appears.

function ChartLoading() {
  return <div className="h-full w-full animate-pulse rounded bg-slate-100" />;
}

/** `Chart` in a box of its height (the default when the caller gives none). */
function boxed<P extends { height: number }>(Chart: ComponentType<P>, defaultHeight: number) {
  return function BoxedChart({ height = defaultHeight, ...props }: Omit<P, "height"> & { height?: number }) {
    return (
      <div style={{ height }}>
        <Chart {...(props as unknown as P)} height={height} />
      </div>
    );
  };
}

/** Stacked areas over time; `data` rows carry the x label and one number per series key. */
export const StackedAreaChart = boxed<StackedAreaChartProps>(dynamic(() => import("./recharts/stacked-area-chart").then((m) => m.StackedAreaChart), { ssr: false, loading: ChartLoading }), 260);
/** Lines over time; `dashed` keys draw dashed (e.g. the previous period). */
export const LineChart = boxed<LineChartProps>(dynamic(() => import("./recharts/line-chart").then((m) => m.LineChart), { ssr: false, loading: ChartLoading }), 240);
/** Bars per x label, one per series; `stacked` piles them up. `layout="vertical"` for ranked lists. */
export const BarChart = boxed<BarChartProps>(dynamic(() => import("./recharts/bar-chart").then((m) => m.BarChart), { ssr: false, loading: ChartLoading }), 260);
/** Parts of a whole as a ring. */
export const DonutChart = boxed<DonutChartProps>(dynamic(() => import("./recharts/donut-chart").then((m) => m.DonutChart), { ssr: false, loading: ChartLoading }), 220);
