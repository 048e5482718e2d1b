// Audit log filters as they appear in the URL (?merchant=&actor=&action=&objectType=&objectId=
// &from=&to=&before=). Anything malformed is dropped rather than failing the page.
import { z } from "zod";

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // PostgreSQL text refuses NUL; no filter needs control characters.
    .regex(/^[^\u0000-\u001f\u007f]*$/)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined));

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
  .optional()
  .catch(undefined);

export const auditFiltersSchema = z.object({
  merchant: text(64),
  actor: text(200),
  action: text(100),
  objectType: text(64),
  objectId: text(64),
  from: day,
  to: day,
  before: z.string().regex(/^\d{1,19}$/).optional().catch(undefined),
});

export type AuditFilterParams = z.infer<typeof auditFiltersSchema>;

export type ParsedAuditFilters = {
  params: AuditFilterParams;
  /** Start of the `from` day, UTC. */
  from?: Date;
  /** Start of the day after `to` (the range includes the whole `to` day). */
  to?: Date;
  before?: bigint;
};

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseAuditFilters(search: Record<string, string | string[] | undefined>): ParsedAuditFilters {
  const params = auditFiltersSchema.parse(Object.fromEntries(Object.keys(auditFiltersSchema.shape).map((key) => [key, one(search[key])])));
  const from = params.from ? new Date(`${params.from}T00:00:00Z`) : undefined;
  const to = params.to ? new Date(Date.parse(`${params.to}T00:00:00Z`) + 24 * 60 * 60_000) : undefined;
  return { params, from, to, before: params.before ? BigInt(params.before) : undefined };
}

/** The query string for the same filters with another cursor (none = first page). */
export function auditQuery(params: Partial<AuditFilterParams>, before?: bigint | null): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value && key !== "before") query.set(key, value);
  if (before !== undefined && before !== null) query.set("before", before.toString());
  const text = query.toString();
  return text ? `?${text}` : "";
}
