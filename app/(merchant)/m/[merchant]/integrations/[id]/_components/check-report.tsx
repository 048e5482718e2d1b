import { getLocale, getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { CheckLevel } from "@/lib/generated/prisma/enums";

type Result = {
  id: string;
  ruleId: string;
  level: CheckLevel;
  passed: boolean;
  messageZh: string;
  messageEn: string;
  fixZh: string;
  fixEn: string;
  evidence: unknown;
  subject: string | null;
};

const levels: CheckLevel[] = ["ERROR", "WARNING", "INFO"];
const tones: Record<CheckLevel, BadgeTone> = { ERROR: "danger", WARNING: "warning", INFO: "info" };

/** The findings of a run, problems first and grouped by level; passed checks folded away. */
export async function CheckReport({ results }: { results: Result[] }) {
  const [t, locale] = await Promise.all([getTranslations("checks"), getLocale()]);
  const zh = locale.startsWith("zh");
  const problems = results.filter((r) => !r.passed);
  const passed = results.filter((r) => r.passed);

  const item = (r: Result) => (
    <li key={r.id} className="space-y-1 py-3" data-rule={r.ruleId} data-passed={r.passed ? "true" : "false"}>
      <div className="flex flex-wrap items-center gap-2">
        <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">{r.ruleId}</code>
        {r.subject ? <span className="font-mono text-xs text-slate-600">{r.subject}</span> : null}
        {!r.passed ? <Badge tone={tones[r.level]}>{t(`levels.${r.level}`)}</Badge> : <Badge tone="success">{t("passedBadge")}</Badge>}
      </div>
      <p className="text-sm text-slate-900">{zh ? r.messageZh : r.messageEn}</p>
      {!r.passed && (zh ? r.fixZh : r.fixEn) ? (
        <p className="text-sm text-slate-700">
          <span className="font-medium">{t("fix")}: </span>
          {zh ? r.fixZh : r.fixEn}
        </p>
      ) : null}
      {r.evidence !== null && r.evidence !== undefined ? (
        <details className="text-xs">
          <summary className="cursor-pointer text-slate-600">{t("evidence")}</summary>
          <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-50 p-2 font-mono text-slate-800">{JSON.stringify(r.evidence, null, 2)}</pre>
        </details>
      ) : null}
    </li>
  );

  return (
    <div className="space-y-6">
      {problems.length === 0 ? <p className="text-sm text-emerald-700">{t("noProblems")}</p> : null}
      {levels.map((level) => {
        const group = problems.filter((r) => r.level === level);
        if (group.length === 0) return null;
        return (
          <section key={level} aria-labelledby={`report-${level}`}>
            <h3 id={`report-${level}`} className="text-sm font-semibold text-slate-900">
              {t(`groups.${level}`, { count: group.length })}
            </h3>
            <ul className="divide-y divide-slate-100">{group.map(item)}</ul>
          </section>
        );
      })}
      <details>
        <summary className="cursor-pointer text-sm font-medium text-slate-700">{t("passedGroup", { count: passed.length })}</summary>
        <ul className="divide-y divide-slate-100">{passed.map(item)}</ul>
      </details>
    </div>
  );
}
