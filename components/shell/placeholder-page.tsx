import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

type PlaceholderKey =
  | "overview"
  | "attribution"
  | "orders"
  | "screenReading"
  | "integrations"
  | "visibility"
  | "revenue"
  | "developers"
  | "reviewQueue"
  | "reviewHistory"
  | "audit";

/** A page whose feature is still to come: its title, what it will show, and an empty state. */
export async function PlaceholderPage({ page }: { page: PlaceholderKey }) {
  const [nav, placeholders, common] = await Promise.all([
    getTranslations("nav"),
    getTranslations("placeholders"),
    getTranslations("common"),
  ]);
  return (
    <>
      <PageHeader title={nav(page)} description={placeholders(`${page}.description`)} />
      <EmptyState title={common("nothingYet")} description={placeholders(`${page}.empty`)} />
    </>
  );
}
