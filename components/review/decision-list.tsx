import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { getRule, type RuleId } from "@/lib/checks/catalogue";
import type { ReviewDecision } from "@/lib/generated/prisma/enums";
import { getReasonCode } from "@/lib/review/reason-codes";
import { dateTime } from "./format";

type Decision = { id: string; decision: ReviewDecision; reasonCodes: string[]; message: string; createdAt: Date; reviewer?: string | null };

const tones = { APPROVED: "success", CHANGES_REQUESTED: "warning", REJECTED: "danger" } as const;

/** Decisions with their reasons (in the reader's language) and the validation rules each links to. */
export async function DecisionList({ decisions, emptyText }: { decisions: Decision[]; emptyText: string }) {
  const [t, format, locale] = await Promise.all([getTranslations("review"), getFormatter(), getLocale()]);
  const zh = locale.startsWith("zh");
  if (decisions.length === 0) return <p className="text-sm text-slate-600">{emptyText}</p>;
  return (
    <ol className="space-y-4">
      {decisions.map((d) => (
        <li key={d.id} className="space-y-2 rounded-md border border-slate-200 p-3" data-decision={d.decision}>
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <Badge tone={tones[d.decision]}>{t(`decided.${d.decision}`)}</Badge>
            <span>{d.reviewer ? `${d.reviewer} · ` : ""}{dateTime(format, d.createdAt)}</span>
          </p>
          {d.reasonCodes.length > 0 ? (
            <ul className="space-y-1.5" aria-label={t("detail.reasons")}>
              {d.reasonCodes.map((code) => {
                const reason = getReasonCode(code);
                return (
                  <li key={code} className="text-sm" data-reason={code}>
                    <span className="font-medium text-slate-900">{reason ? (zh ? reason.zh : reason.en) : code}</span>
                    {reason?.ruleIds.length ? (
                      <ul className="mt-1 flex flex-wrap gap-1.5" aria-label={t("detail.rules", { ids: reason.ruleIds.join(", ") })}>
                        {reason.ruleIds.map((id) => (
                          <li key={id}>
                            <code title={zh ? getRule(id as RuleId).title.zh : getRule(id as RuleId).title.en} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
                              {id}
                            </code>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          ) : null}
          {d.message ? <p className="text-sm whitespace-pre-wrap text-slate-900">{d.message}</p> : null}
        </li>
      ))}
    </ol>
  );
}
