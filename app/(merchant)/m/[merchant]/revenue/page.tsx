import { PlaceholderPage } from "@/components/shell/placeholder-page";
import { requireMerchant } from "@/lib/auth/session";

export default async function RevenuePage({ params }: { params: Promise<{ merchant: string }> }) {
  const { merchant } = await params;
  await requireMerchant(merchant, "revenue:read");
  return <PlaceholderPage page="revenue" />;
}
