// Formatting inside client charts (functions cannot cross from Server Components, so charts take
// a value kind and format here). Values are plain numbers: fen, counts or basis points.
import { formatFen } from "@/lib/format/money";
import { formatPercentBps } from "@/lib/format/percent";
import type { AppLocale } from "@/lib/i18n/config";

export type ValueKind = "fen" | "count" | "bps";
export type SeriesDef = { key: string; label: string };
export type ChartRow = { label: string } & Record<string, number | string>;
export type Slice = { key: string; label: string; value: number };

export function formatValue(value: number, kind: ValueKind, locale: AppLocale): string {
  if (kind === "fen") return formatFen(BigInt(Math.round(value)), locale);
  if (kind === "bps") return formatPercentBps(value);
  return new Intl.NumberFormat(locale).format(value);
}

/** Short axis ticks: ¥12.3K / ¥1.2万, 1.2K, 12%. */
export function formatTick(value: number, kind: ValueKind, locale: AppLocale): string {
  if (kind === "bps") return `${Math.round(value / 100)}%`;
  const n = kind === "fen" ? value / 100 : value;
  const compact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(n);
  return kind === "fen" ? `¥${compact}` : compact;
}

/** A fixed palette that stays readable for common colour-vision deficiencies (Okabe–Ito based). */
export const palette = ["#4f46e5", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#0072b2", "#94a3b8"];
export const colorAt = (i: number) => palette[i % palette.length]!;
