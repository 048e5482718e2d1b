import { shanghaiDateOf } from "@/lib/attribution/shanghai-time";
import { apiError } from "@/lib/api/problem";
import { merchantRoleCan } from "@/lib/auth/permissions";
import { findMerchantContext } from "@/lib/auth/session";
import { streamOrdersCsv } from "@/lib/data/order-explorer";
import { paramsToRecord } from "@/lib/validation/attribution";
import { parseOrderFilters } from "@/lib/validation/order-filters";

// GET /m/{merchant}/orders/export?<explorer filters>: the matching orders as a CSV download,
// streamed in keyset batches. Session auth with the orders:export permission.
export async function GET(request: Request, { params }: { params: Promise<{ merchant: string }> }) {
  const { merchant: slug } = await params;
  const context = await findMerchantContext(slug);
  if (!context) return apiError(404, "not_found", "No such merchant, or you are not a member of it.");
  if (!merchantRoleCan(context.role, "orders:export")) return apiError(403, "forbidden", "Exporting orders needs the orders:export permission.");

  const parsed = parseOrderFilters(paramsToRecord(new URL(request.url).searchParams));
  if (!parsed.ok) return apiError(400, "invalid_filters", "Some filters are invalid.", { errors: parsed.errors });

  const filename = `orders-${context.merchant.slug}-${shanghaiDateOf(new Date())}.csv`;
  return new Response(streamOrdersCsv({ merchantId: context.merchant.id, filters: parsed.filters }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
