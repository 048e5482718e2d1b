import { PlaceholderPage } from "@/components/shell/placeholder-page";
import { requireMerchant } from "@/lib/auth/session";

export default async function AttributionPage({ params }: { params: Promise<{ merchant: string }> }) {
  const { merchant } = await params;
  await requireMerchant(merchant, "analytics:read");
  return <PlaceholderPage page="attribution" />;
}
