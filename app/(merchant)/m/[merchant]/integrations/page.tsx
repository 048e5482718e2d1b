import { PlaceholderPage } from "@/components/shell/placeholder-page";
import { requireMerchant } from "@/lib/auth/session";

export default async function IntegrationsPage({ params }: { params: Promise<{ merchant: string }> }) {
  const { merchant } = await params;
  await requireMerchant(merchant, "integrations:read");
  return <PlaceholderPage page="integrations" />;
}
