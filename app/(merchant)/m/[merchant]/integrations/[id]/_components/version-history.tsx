import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { dateTime } from "@/components/review/format";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { listVersionHistory } from "@/lib/data/review-queue";
import { VersionStatusBadge } from "../../_components/status-badge";

/** Every version with its review dates; superseded ones link to their page, where the rollback is. */
export async function VersionHistory({ merchantId, integrationId, base, selectedId }: { merchantId: string; integrationId: string; base: string; selectedId: string }) {
  const [t, format, versions] = await Promise.all([getTranslations("reviewMerchant"), getFormatter(), listVersionHistory({ merchantId, integrationId })]);
  const numberOf = new Map(versions.map((v) => [v.id, v.number]));
  const when = (d: Date | null) => (d ? dateTime(format, d) : t("none"));
  return (
    <Card aria-labelledby="integration-history">
      <CardHeader title={<span id="integration-history">{t("historyTitle")}</span>} />
      <CardBody>
        <Table>
          <TableCaption className="sr-only">{t("historyCaption")}</TableCaption>
          <THead>
            <TR>
              <TH>{t("columns.version")}</TH>
              <TH>{t("columns.status")}</TH>
              <TH>{t("columns.submitted")}</TH>
              <TH>{t("columns.decided")}</TH>
              <TH>{t("columns.live")}</TH>
              <TH>{t("columns.basedOn")}</TH>
            </TR>
          </THead>
          <TBody>
            {versions.map((v) => (
              <TR key={v.id} data-version={v.number}>
                <TH scope="row">
                  <Link href={`${base}?version=${encodeURIComponent(v.id)}`} aria-current={v.id === selectedId ? "page" : undefined} className="text-indigo-700 hover:underline">
                    v{v.number}
                  </Link>
                </TH>
                <TD>
                  <VersionStatusBadge status={v.status} />
                </TD>
                <TD>{when(v.submittedAt)}</TD>
                <TD>{when(v.decidedAt)}</TD>
                <TD>{when(v.liveAt)}</TD>
                <TD>{v.basedOnVersionId && numberOf.has(v.basedOnVersionId) ? `v${numberOf.get(v.basedOnVersionId)}` : t("none")}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </CardBody>
    </Card>
  );
}
