import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { AuditTable } from "@/components/audit/audit-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePlatform } from "@/lib/auth/session";
import { findAuditMerchant, pageAuditEvents } from "@/lib/data/audit";
import { auditQuery, parseAuditFilters } from "@/lib/validation/audit-filters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auditLog"))("title") };
}

const PATH = "/admin/audit";

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePlatform("admin:audit");
  const filters = parseAuditFilters(await searchParams);
  const { params } = filters;
  const t = await getTranslations("auditLog");
  const merchant = params.merchant ? await findAuditMerchant({ slug: params.merchant }) : null;
  const unknownMerchant = params.merchant !== undefined && !merchant;

  const page = unknownMerchant
    ? null
    : await pageAuditEvents({
        merchantId: merchant?.id,
        actor: params.actor,
        action: params.action,
        objectType: params.objectType,
        objectId: params.objectId,
        from: filters.from,
        to: filters.to,
        before: filters.before,
      });

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <AuditFilterForm
        action={PATH}
        params={params}
        fields={["merchant", "actor", "action", "objectType", "objectId", "from", "to"]}
        error={unknownMerchant ? t("filters.unknownMerchant") : undefined}
      />
      <AuditTable
        events={page?.events ?? []}
        merchants={page?.merchants ?? new Map()}
        firstPageHref={filters.before !== undefined ? `${PATH}${auditQuery(params)}` : null}
        nextPageHref={page?.next ? `${PATH}${auditQuery(params, page.next)}` : null}
      />
    </div>
  );
}
