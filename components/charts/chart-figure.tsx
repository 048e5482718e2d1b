import type { ReactNode } from "react";
import { ChartDataTable, type ChartTable } from "./chart-data-table";

export type { ChartTable };

/**
 * A chart with its accessible frame: a visible title and description, the drawing (hidden from
 * screen readers, which get the table instead), and the same numbers as a table behind a
 * disclosure. Charts turn recharts' keyboard layer off: focusable SVG inside aria-hidden would
 * trap keyboard users on something screen readers cannot see. Usable from Server Components.
 */
export function ChartFigure({ id, title, description, table, showTableLabel, children }: { id: string; title: string; description?: string; table: ChartTable; showTableLabel: string; children: ReactNode }) {
  return (
    <figure aria-labelledby={`${id}-title`} aria-describedby={description ? `${id}-desc` : undefined} className="space-y-3">
      <figcaption>
        <span id={`${id}-title`} className="block text-sm font-semibold text-slate-900">{title}</span>
        {description ? <span id={`${id}-desc`} className="mt-0.5 block text-xs text-slate-600">{description}</span> : null}
      </figcaption>
      <div aria-hidden="true">{children}</div>
      <details className="text-sm">
        <summary className="cursor-pointer text-xs font-medium text-indigo-700 hover:underline">{showTableLabel}</summary>
        <ChartDataTable table={table} />
      </details>
    </figure>
  );
}
