import { PlaceholderPage } from "@/components/shell/placeholder-page";
import { requireMerchant } from "@/lib/auth/session";

export default async function VisibilityPage({ params }: { params: Promise<{ merchant: string }> }) {
  const { merchant } = await params;
  await requireMerchant(merchant, "visibility:read");
  return <PlaceholderPage page="visibility" />;
}
