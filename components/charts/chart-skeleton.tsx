/** Placeholder while a chart's data loads; announces itself politely. */
export function ChartSkeleton({ label, height = 240 }: { label: string; height?: number }) {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <span className="sr-only">{label}</span>
      <div className="h-4 w-1/3 rounded bg-slate-200" />
      <div className="rounded bg-slate-100" style={{ height }} />
    </div>
  );
}
