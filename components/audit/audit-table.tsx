import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { changeRows } from "@/lib/audit/changes";
import type { AuditEventRow } from "@/lib/data/audit";

type MerchantLabel = { slug: string; name: string };

/** Audit events with their before/after as field rows; `merchants` adds a merchant column (admin view). */
export async function AuditTable({
  events,
  merchants,
  firstPageHref,
  nextPageHref,
}: {
  events: AuditEventRow[];
  merchants?: Map<string, MerchantLabel>;
  firstPageHref: string | null;
  nextPageHref: string | null;
}) {
  const [t, format] = await Promise.all([getTranslations("auditLog"), getFormatter()]);
  if (events.length === 0) return <EmptyState title={t("emptyTitle")} description={t("empty")} />;
  return (
    <div className="space-y-4">
      <Table>
        <TableCaption>{t("caption")}</TableCaption>
        <THead>
          <TR>
            <TH>{t("columns.time")}</TH>
            <TH>{t("columns.actor")}</TH>
            <TH>{t("columns.action")}</TH>
            <TH>{t("columns.object")}</TH>
            {merchants ? <TH>{t("columns.merchant")}</TH> : null}
            <TH>{t("columns.changes")}</TH>
          </TR>
        </THead>
        <TBody>
          {events.map((event) => {
            const rows = changeRows(event.before, event.after);
            const merchant = event.merchantId ? merchants?.get(event.merchantId) : undefined;
            return (
              <TR key={event.id.toString()} data-testid="audit-row">
                <TH scope="row" className="whitespace-nowrap align-top font-normal">
                  <time dateTime={event.createdAt.toISOString()}>{format.dateTime(event.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</time>
                </TH>
                <TD className="align-top">
                  <span className="break-all">{event.actorLabel}</span>
                  {event.ip ? <span className="block text-xs text-slate-500">{t("columns.ip")} {event.ip}</span> : null}
                </TD>
                <TD className="align-top">
                  <code className="text-xs">{event.action}</code>
                </TD>
                <TD className="align-top text-xs">
                  <span className="block text-slate-700">{event.objectType}</span>
                  <code className="break-all text-slate-500">{event.objectId}</code>
                </TD>
                {merchants ? <TD className="align-top text-sm">{merchant ? merchant.name : event.merchantId ? event.merchantId : t("platform")}</TD> : null}
                <TD className="align-top">
                  {rows.length === 0 ? null : (
                    <table className="text-xs">
                      <thead className="sr-only">
                        <tr>
                          <th scope="col">{t("field")}</th>
                          <th scope="col">{t("before")}</th>
                          <th scope="col">{t("after")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {rows.map((row) => (
                          <tr key={row.field} className="align-top">
                            <th scope="row" className="pr-2 text-left font-medium text-slate-600">
                              {row.field}
                            </th>
                            <td className="max-w-56 break-all pr-2 text-red-700 line-through decoration-red-300">{row.before ?? ""}</td>
                            <td className="max-w-56 break-all text-emerald-800">{row.after ?? ""}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </TD>
              </TR>
            );
          })}
        </TBody>
      </Table>
      <nav aria-label={t("pages")} className="flex gap-2">
        {firstPageHref ? (
          <Link href={firstPageHref} className={buttonClasses({ variant: "secondary", size: "sm" })}>
            {t("newest")}
          </Link>
        ) : null}
        {nextPageHref ? (
          <Link href={nextPageHref} className={buttonClasses({ variant: "secondary", size: "sm" })}>
            {t("older")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
