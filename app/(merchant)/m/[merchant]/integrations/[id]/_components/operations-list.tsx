import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { OperationRow } from "@/lib/data/integrations";

const annotationBadges: Array<{ key: "readOnly" | "destructive" | "idempotent" | "movesMoney" | "needsConfirmation"; tone: BadgeTone }> = [
  { key: "readOnly", tone: "success" },
  { key: "destructive", tone: "danger" },
  { key: "idempotent", tone: "info" },
  { key: "movesMoney", tone: "warning" },
  { key: "needsConfirmation", tone: "warning" },
];

/** The tools / operations of a version with their annotations as badges. */
export async function OperationsList({ operations, showEndpoint }: { operations: OperationRow[]; showEndpoint: boolean }) {
  const t = await getTranslations("integrations.operations");
  if (operations.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <ul className="divide-y divide-slate-100" aria-label={t("listLabel")}>
      {operations.map((op) => (
        <li key={op.id} className="space-y-1 py-3" data-operation={op.name}>
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-sm font-semibold text-slate-900">{op.name}</span>
            {op.title ? <span className="text-sm text-slate-600">{op.title}</span> : null}
            {annotationBadges.map(({ key, tone }) => (op[key] === true ? <Badge key={key} tone={tone}>{t(`annotations.${key}`)}</Badge> : null))}
          </div>
          {op.description ? <p className="text-sm text-slate-700">{op.description}</p> : null}
          {showEndpoint && op.url ? (
            <p className="font-mono text-xs text-slate-600">
              {op.httpMethod} {op.url}
            </p>
          ) : null}
          {op.examplePrompts.length ? <p className="text-xs text-slate-500">{t("prompts", { prompts: op.examplePrompts.join(" · ") })}</p> : null}
        </li>
      ))}
    </ul>
  );
}
