"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

type Progress = { status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED"; progress: number; label: string };

/** Polls the run's progress every second and re-renders the page (the report) once it ends. */
export function RunProgress({ href, initial }: { href: string; initial: Progress }) {
  const t = useTranslations("integrations.run");
  const router = useRouter();
  const [state, setState] = useState(initial);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const response = await fetch(href, { cache: "no-store" });
        if (response.ok) {
          const next = (await response.json()) as Progress;
          if (stopped) return;
          setState(next);
          if (next.status === "SUCCEEDED" || next.status === "FAILED") {
            router.refresh();
            return;
          }
        }
      } catch {
        // keep polling: a dropped request is not the end of the run
      }
      if (!stopped) timer = setTimeout(poll, 1000);
    };
    timer = setTimeout(poll, 1000);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [href, router]);

  const label = state.status === "QUEUED" ? t("queued") : t("step", { label: state.label || "…" });
  return (
    <div className="space-y-2">
      <div className="flex justify-between text-sm text-slate-700">
        <span>{label}</span>
        <span>{state.progress}%</span>
      </div>
      <div
        role="progressbar"
        aria-label={t("progressLabel")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={state.progress}
        aria-valuetext={`${state.progress}% · ${label}`}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-indigo-600 transition-all" style={{ width: `${state.progress}%` }} />
      </div>
      <p className="sr-only" aria-live="polite">
        {state.status === "SUCCEEDED" || state.status === "FAILED" ? t("finished") : ""}
      </p>
    </div>
  );
}
