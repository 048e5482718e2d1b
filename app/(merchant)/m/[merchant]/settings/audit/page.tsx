import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { AuditTable } from "@/components/audit/audit-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireMerchant } from "@/lib/auth/session";
import { pageMerchantAuditEvents } from "@/lib/data/audit";
import { merchantHref } from "@/lib/navigation";
import { auditQuery, parseAuditFilters } from "@/lib/validation/audit-filters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auditLog"))("merchantTitle") };
}

/** This merchant's own audit events (owners and admins): the merchant comes from the membership, never from the URL filters; platform staff appear without email or IP. */
export default async function MerchantAuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ merchant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ merchant: slug }, search] = await Promise.all([params, searchParams]);
  const ctx = await requireMerchant(slug, "settings:manage");
  const filters = parseAuditFilters(search);
  const query = { ...filters.params, merchant: undefined };
  const t = await getTranslations("auditLog");
  const page = await pageMerchantAuditEvents({
    staffLabel: t("staffActor"),
    merchantId: ctx.merchant.id,
    actor: query.actor,
    action: query.action,
    objectType: query.objectType,
    objectId: query.objectId,
    from: filters.from,
    to: filters.to,
    before: filters.before,
  });
  const path = `${merchantHref(ctx.merchant.slug, "settings")}/audit`;

  return (
    <div className="space-y-6">
      <PageHeader title={t("merchantTitle")} description={t("merchantDescription", { merchant: ctx.merchant.name })} />
      <AuditFilterForm action={path} params={query} fields={["actor", "action", "objectType", "objectId", "from", "to"]} />
      <AuditTable
        events={page.events}
        firstPageHref={filters.before !== undefined ? `${path}${auditQuery(query)}` : null}
        nextPageHref={page.next ? `${path}${auditQuery(query, page.next)}` : null}
      />
    </div>
  );
}
