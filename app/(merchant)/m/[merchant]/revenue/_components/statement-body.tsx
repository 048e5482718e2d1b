import { getTranslations } from "next-intl/server";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { StatementView } from "@/lib/data/statements";
import { formatFen } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";

const lineFields = ["orders", "grossFen", "refundsFen", "platformShareFen", "netPayoutFen"] as const;

/** A statement's figures and its lines by channel and agent: the detail page and the printable page. */
export async function StatementBody({ statement, agentNames, locale }: { statement: StatementView; agentNames: ReadonlyMap<string, string>; locale: AppLocale }) {
  const [t, revenue] = await Promise.all([getTranslations("statements"), getTranslations("revenue")]);
  const count = (n: bigint) => new Intl.NumberFormat(locale).format(n);
  const cell = (field: (typeof lineFields)[number], value: bigint) => (field === "orders" ? count(value) : formatFen(value, locale));
  const totals = statement.totals;
  const summary: [string, string, string][] = [
    ["orders", t("fields.orders"), count(totals.orders)],
    ["grossFen", t("fields.grossFen"), formatFen(totals.grossFen, locale)],
    ["refundsFen", t("fields.refundsFen"), formatFen(totals.refundsFen, locale)],
    ["platformShareFen", t("fields.platformShareFen"), formatFen(totals.platformShareFen, locale)],
    ["tokenPayFen", t("fields.tokenPayFen"), formatFen(totals.tokenPayFen, locale)],
    ["aiWalletFen", t("fields.aiWalletFen"), formatFen(totals.aiWalletFen, locale)],
    ["netPayoutFen", t("fields.netPayoutFen"), formatFen(totals.netPayoutFen, locale)],
  ];
  return (
    <div className="space-y-6">
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 print:grid-cols-4" data-testid="statement-totals">
        {summary.map(([key, label, value]) => (
          <div key={key} className={`rounded-md p-3 ring-1 ring-slate-200 ${key === "netPayoutFen" ? "bg-indigo-50" : "bg-white"}`}>
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="mt-1 text-lg font-semibold tabular-nums text-slate-900" data-testid={`statement-${key}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-slate-600">{t("formula")}</p>
      <Table data-testid="statement-lines">
        <TableCaption>{t("linesCaption")}</TableCaption>
        <THead>
          <TR>
            <TH>{t("fields.channel")}</TH>
            <TH>{t("fields.agent")}</TH>
            {lineFields.map((f) => (
              <TH key={f} className="text-right">{t(`fields.${f}`)}</TH>
            ))}
          </TR>
        </THead>
        <TBody>
          {statement.lines.map((l) => (
            <TR key={`${l.channel}/${l.agentId}`} data-testid={`line-${l.channel}-${l.agentId || "none"}`}>
              <TH scope="row">{revenue(`channels.${l.channel}`)}</TH>
              <TD>{l.agentId ? (agentNames.get(l.agentId) ?? l.agentId) : t("noAgent")}</TD>
              {lineFields.map((f) => (
                <TD key={f} className="text-right tabular-nums" data-field={f}>{cell(f, l[f])}</TD>
              ))}
            </TR>
          ))}
        </TBody>
        <tfoot className="border-t-2 border-slate-300 bg-slate-50 font-semibold">
          <tr>
            <th scope="row" colSpan={2} className="px-4 py-2.5 text-left text-slate-900">{t("total")}</th>
            {lineFields.map((f) => (
              <td key={f} className="whitespace-nowrap px-4 py-2.5 text-right tabular-nums text-slate-900">{cell(f, totals[f])}</td>
            ))}
          </tr>
        </tfoot>
      </Table>
    </div>
  );
}
