"use client";

// The chart's numbers as a table. A client component only so that the page's RSC payload carries
// the rows as data (strings) rather than as a tree of styled elements, which took most of a
// dashboard's payload; it is still rendered into the page's HTML on the server.
export type ChartTable = { caption: string; columns: readonly string[]; rows: readonly { header: string; cells: readonly string[] }[] };

export function ChartDataTable({ table }: { table: ChartTable }) {
  return (
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
  );
}
