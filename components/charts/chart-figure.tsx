import type { ReactNode } from "react";

export type ChartTable = { caption: string; columns: readonly string[]; rows: readonly { header: string; cells: readonly string[] }[] };

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
        <div className="mt-2 max-h-80 overflow-auto rounded border border-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-xs">
            <caption className="sr-only">{table.caption}</caption>
            <thead className="bg-slate-50">
              <tr>
                {table.columns.map((c, i) => (
                  <th key={i} scope="col" className="px-3 py-1.5 text-left font-semibold text-slate-700">{c}</th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {table.rows.map((r, i) => (
                <tr key={i}>
                  <th scope="row" className="whitespace-nowrap px-3 py-1 text-left font-medium text-slate-800">{r.header}</th>
                  {r.cells.map((c, j) => (
                    <td key={j} className="whitespace-nowrap px-3 py-1 text-right tabular-nums text-slate-700">{c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
