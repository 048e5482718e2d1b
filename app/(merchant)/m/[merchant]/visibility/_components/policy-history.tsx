import { getFormatter, getTranslations } from "next-intl/server";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { PolicyChange, PolicyRevisionItem } from "@/lib/data/visibility";

/** Who changed what, newest first, one row per policy version. */
export async function PolicyHistory({ revisions, agentNames }: { revisions: PolicyRevisionItem[]; agentNames: ReadonlyMap<string, string> }) {
  const [t, format] = await Promise.all([getTranslations("visibility"), getFormatter()]);
  if (revisions.length === 0) return <p className="text-sm text-slate-600">{t("history.empty")}</p>;

  const ruleText = (c: { kind: string; effect: string; pattern: string | null; agentId: string | null; agentName?: string | null }) =>
    c.kind === "PATH"
      ? t("history.pathRule", { effect: t(`effects.${c.effect}`), pattern: c.pattern ?? "" })
      : t("history.agentRule", {
          effect: t(`effects.${c.effect}`),
          kind: t(`kinds.${c.kind}`),
          agent: c.agentName ?? (c.agentId ? (agentNames.get(c.agentId) ?? c.agentId) : ""),
        });

  const describe = (change: PolicyChange | null) => {
    if (!change) return t("history.initial");
    switch (change.action) {
      case "settingsUpdated":
        return t("history.settingsUpdated", {
          screenReading: t(change.screenReadingAllowed ? "history.on" : "history.off"),
          dataSharing: t(`settings.levels.${change.dataSharing}`),
        });
      case "pathRuleAdded":
        return t("history.added", { rule: ruleText({ kind: "PATH", effect: change.effect, pattern: change.pattern, agentId: null }) });
      case "agentRuleAdded":
        return t("history.added", { rule: ruleText({ ...change, pattern: null }) });
      case "ruleRemoved":
        return t("history.removed", { rule: ruleText(change) });
      case "integrationVisibilityChanged":
        return t("history.integration", {
          name: change.integrationName,
          visibility: t(`visibilities.${change.visibility}`),
          agents: change.allowedAgentIds.map((id) => agentNames.get(id) ?? id).join(", ") || "—",
        });
    }
  };

  return (
    <Table>
      <TableCaption className="sr-only">{t("history.caption")}</TableCaption>
      <THead>
        <TR>
          <TH>{t("history.version")}</TH>
          <TH>{t("history.when")}</TH>
          <TH>{t("history.who")}</TH>
          <TH>{t("history.what")}</TH>
        </TR>
      </THead>
      <TBody>
        {revisions.map((revision) => (
          <TR key={revision.id}>
            <TD>v{revision.version}</TD>
            <TD>{format.dateTime(revision.createdAt, { dateStyle: "medium", timeStyle: "short" })}</TD>
            <TD>{revision.changedBy ? `${revision.changedBy.name} (${revision.changedBy.email})` : t("history.system")}</TD>
            <TD className="whitespace-normal">{describe(revision.change)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
