// The order explorer's filters as URL parameters, shared by the page, the CSV export and the
// attribution drill-down links. Amounts are typed in yuan and become fen exactly.
import { z } from "zod";
import { channels, paymentMethods } from "@/lib/attribution/dimensions";
import { isCalendarDate } from "@/lib/attribution/shanghai-time";
import { decodeCursor, type OrderCursor } from "@/lib/orders/cursor";
import { parseYuanToFen } from "@/lib/orders/yuan";
import type { Channel, OrderStatus, PaymentMethod } from "@/lib/generated/prisma/enums";

export const statusFilters = ["PAID", "PARTIALLY_REFUNDED", "REFUNDED", "CANCELLED", "NOT_CANCELLED"] as const;
export const verificationFilters = ["exclude", "only"] as const;

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));
const date = optional.refine((v) => v === undefined || isCalendarDate(v), "invalidDate");
const yuan = optional.refine((v) => v === undefined || parseYuanToFen(v) !== null, "invalidAmount");
const id = optional.refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,64}$/.test(v), "invalidId");

export const orderFiltersSchema = z
  .object({
    from: date,
    to: date,
    channel: optional.pipe(z.enum(channels, { error: "invalidChoice" }).optional()),
    agent: id,
    integration: id,
    paymentMethod: optional.pipe(z.enum(paymentMethods, { error: "invalidChoice" }).optional()),
    status: optional.pipe(z.enum(statusFilters, { error: "invalidChoice" }).optional()),
    verification: optional.pipe(z.enum(verificationFilters, { error: "invalidChoice" }).optional()),
    minYuan: yuan,
    maxYuan: yuan,
  })
  .superRefine((f, ctx) => {
    if (f.from && f.to && f.from > f.to) ctx.addIssue({ code: "custom", path: ["to"], message: "rangeReversed" });
    if (f.minYuan && f.maxYuan && parseYuanToFen(f.minYuan)! > parseYuanToFen(f.maxYuan)!) {
      ctx.addIssue({ code: "custom", path: ["maxYuan"], message: "amountReversed" });
    }
  });

export type OrderFilterParams = z.output<typeof orderFiltersSchema>;

/** The filters in the form the data layer takes: typed enums, fen, Shanghai dates. */
export type OrderFilters = {
  from?: string;
  to?: string;
  channel?: Channel;
  agentId?: string;
  integrationId?: string;
  paymentMethod?: PaymentMethod;
  status?: OrderStatus | "NOT_CANCELLED";
  verification?: "exclude" | "only";
  minFen?: bigint;
  maxFen?: bigint;
};

export type ParsedOrderFilters =
  | { ok: true; params: OrderFilterParams; filters: OrderFilters; cursor: OrderCursor | null }
  | { ok: false; errors: Record<string, string> };

export function parseOrderFilters(raw: Record<string, string | undefined>): ParsedOrderFilters {
  const parsed = orderFiltersSchema.safeParse(raw);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
    return { ok: false, errors };
  }
  const p = parsed.data;
  const cursor = raw.cursor ? decodeCursor(raw.cursor) : null;
  return {
    ok: true,
    params: p,
    cursor,
    filters: {
      from: p.from,
      to: p.to,
      channel: p.channel,
      agentId: p.agent,
      integrationId: p.integration,
      paymentMethod: p.paymentMethod,
      status: p.status,
      verification: p.verification,
      minFen: p.minYuan ? parseYuanToFen(p.minYuan)! : undefined,
      maxFen: p.maxYuan ? parseYuanToFen(p.maxYuan)! : undefined,
    },
  };
}

/** The filter parameters as a query string (without the cursor), for links and the export. */
export function orderFiltersQuery(params: Partial<Record<keyof OrderFilterParams, string | undefined>>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  return q.toString();
}
