import { apiError } from "@/lib/api/problem";
import { merchantRoleCan } from "@/lib/auth/permissions";
import { findMerchantContext } from "@/lib/auth/session";
import { streamStatementCsv } from "@/lib/data/statement-csv";
import { isPeriod } from "@/lib/revenue/period";

// GET /m/{merchant}/revenue/statements/{YYYY-MM}/export: the month's statement and its ledger
// entries as a CSV download, streamed. Session auth with the statements:read permission.
export async function GET(_request: Request, { params }: { params: Promise<{ merchant: string; period: string }> }) {
  const { merchant: slug, period } = await params;
  const context = await findMerchantContext(slug);
  if (!context) return apiError(404, "not_found", "No such merchant, or you are not a member of it.");
  if (!merchantRoleCan(context.role, "statements:read")) return apiError(403, "forbidden", "Exporting statements needs the statements:read permission.");
  if (!isPeriod(period)) return apiError(400, "invalid_period", `"${period}" is not a month; use YYYY-MM, e.g. 2026-10.`);

  return new Response(streamStatementCsv({ merchantId: context.merchant.id, period }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="statement-${context.merchant.slug}-${period}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
