"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";

type State = { phase: "idle" } | { phase: "running"; rows: number; bytes: number } | { phase: "done"; rows: number } | { phase: "error"; status: number };

function filenameOf(disposition: string | null): string {
  return /filename="([^"]+)"/.exec(disposition ?? "")?.[1] ?? "orders.csv";
}

/**
 * Downloads the streamed CSV while counting rows as they arrive, against the count the page
 * showed. Without JavaScript the same link downloads directly.
 */
export function ExportButton({ href, expected }: { href: string; expected: number }) {
  const t = useTranslations("orders.export");
  const [state, setState] = useState<State>({ phase: "idle" });

  async function download(event: React.MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    if (state.phase === "running") return;
    setState({ phase: "running", rows: 0, bytes: 0 });
    const response = await fetch(href).catch(() => null);
    if (!response?.ok || !response.body) return setState({ phase: "error", status: response?.status ?? 0 });
    const reader = response.body.getReader();
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    let lines = 0;
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value as Uint8Array<ArrayBuffer>);
      bytes += value.byteLength;
      // Rows end with CRLF and quoted fields never hold a bare LF from our data, so LFs count rows.
      for (const byte of value) if (byte === 10) lines++;
      setState({ phase: "running", rows: Math.max(0, lines - 1), bytes });
    }
    const url = URL.createObjectURL(new Blob(chunks, { type: "text/csv" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = filenameOf(response.headers.get("content-disposition"));
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setState({ phase: "done", rows: Math.max(0, lines - 1) });
  }

  const rows = state.phase === "running" || state.phase === "done" ? state.rows : 0;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <a href={href} download onClick={download} className={buttonClasses({ variant: "secondary" })} aria-disabled={state.phase === "running"}>
        {t("button")}
      </a>
      {state.phase !== "idle" ? (
        <div className="flex items-center gap-2 text-sm text-slate-700">
          {state.phase !== "error" ? <progress className="h-2 w-40" max={Math.max(expected, 1)} value={Math.min(rows, Math.max(expected, 1))} aria-label={t("progressLabel")} /> : null}
          <span role="status" aria-live="polite" data-testid="export-status" data-rows={rows}>
            {state.phase === "running"
              ? t("running", { rows, expected, kb: Math.round(state.bytes / 1024) })
              : state.phase === "done"
                ? t("done", { rows })
                : t("failed", { status: state.status })}
          </span>
        </div>
      ) : null}
    </div>
  );
}
