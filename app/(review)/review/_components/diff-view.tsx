import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { AnnotationFlip, OperationDiff, SchemaChange, VersionDiff } from "@/lib/review/diff";

const kindTones = { added: "info", removed: "neutral", changed: "warning" } as const;

/** The diff against the live version; operations whose risk went up come first, in red, with an alert. */
export async function DiffView({ diff, live }: { diff: VersionDiff; live: { number: number; status: string } | null }) {
  const t = await getTranslations("review");
  const tri = (v: AnnotationFlip["before"]) => t(`tri.${String(v)}`);
  const names = (list: string[]) => list.join(", ");

  const schemaLines = (s: SchemaChange) =>
    [
      s.propertiesAdded.length ? t("detail.schemaAdded", { names: names(s.propertiesAdded) }) : null,
      s.propertiesRemoved.length ? t("detail.schemaRemoved", { names: names(s.propertiesRemoved) }) : null,
      s.propertiesChanged.length ? t("detail.schemaChanged", { names: names(s.propertiesChanged) }) : null,
      s.requiredAdded.length ? t("detail.requiredAdded", { names: names(s.requiredAdded) }) : null,
      s.requiredRemoved.length ? t("detail.requiredRemoved", { names: names(s.requiredRemoved) }) : null,
      s.otherChanged ? t("detail.schemaOther") : null,
    ].filter((line): line is string => line !== null);

  const annotationsOf = (op: Extract<OperationDiff, { kind: "added" }>["after"]) =>
    (["readOnly", "destructive", "idempotent", "movesMoney", "needsConfirmation"] as const)
      .map((key) => `${t(`annotations.${key}`)}: ${tri(op.annotations[key] ?? null)}`)
      .join(" · ");

  const item = (op: OperationDiff) => {
    const flagged = op.flags.length > 0;
    return (
      <li
        key={`${op.kind}-${op.name}`}
        data-diff={op.kind}
        data-operation={op.name}
        data-flagged={flagged ? "true" : "false"}
        className={flagged ? "space-y-2 rounded-md border-2 border-red-500 bg-red-50 p-3" : "space-y-2 rounded-md border border-slate-200 p-3"}
      >
        <p className="flex flex-wrap items-center gap-2">
          <Badge tone={kindTones[op.kind]}>{t(`detail.kinds.${op.kind}`)}</Badge>
          <code className="font-mono text-sm font-semibold text-slate-900">{op.name}</code>
          {op.flags.map((flag) => (
            <Badge key={flag} tone="danger">
              <span aria-hidden="true">⚠ </span>
              {t(`flags.${flag}`)}
            </Badge>
          ))}
        </p>
        {op.kind === "added" ? <p className="text-xs text-slate-700">{t("detail.annotationsNow", { list: annotationsOf(op.after) })}</p> : null}
        {op.kind === "changed" ? (
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
            {op.annotations.map((flip) => (
              <li key={flip.key} className={op.flags.length ? "font-medium" : undefined}>
                {t("detail.annotationFlip", { annotation: t(`annotations.${flip.key}`), before: tri(flip.before), after: tri(flip.after) })}
              </li>
            ))}
            {op.schemas.map((s) => (
              <li key={s.which}>
                {t(`detail.schema.${s.which}`)}: {schemaLines(s).join("; ")}
              </li>
            ))}
            {op.textChanged.length ? <li>{t("detail.textChanged", { fields: op.textChanged.map((f) => t(`detail.fields.${f}`)).join(", ") })}</li> : null}
            {op.endpointChanged ? <li>{t("detail.endpointChanged")}</li> : null}
          </ul>
        ) : null}
      </li>
    );
  };

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{live ? t("detail.diffAgainst", { number: live.number, status: t(`status.${live.status}`) }) : t("detail.diffNoLive")}</p>
      {diff.counts.flagged > 0 ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm font-medium text-red-900">
          <span aria-hidden="true">⚠ </span>
          {t("detail.flaggedAlert", { count: diff.counts.flagged })}
        </p>
      ) : null}
      <p className="text-sm text-slate-600" data-testid="diff-summary">
        {t("detail.diffSummary", diff.counts)}
      </p>
      {diff.endpoint ? (
        <p className="rounded-md border-2 border-red-500 bg-red-50 p-3 text-sm text-red-900">
          {t("detail.serverEndpoint", { before: diff.endpoint.before ?? "—", after: diff.endpoint.after ?? "—" })}
        </p>
      ) : null}
      {diff.operations.length === 0 ? <p className="text-sm text-slate-600">{t("detail.diffEmpty")}</p> : <ul className="space-y-3">{diff.operations.map(item)}</ul>}
    </div>
  );
}
