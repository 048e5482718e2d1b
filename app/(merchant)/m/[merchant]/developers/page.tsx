import { PlaceholderPage } from "@/components/shell/placeholder-page";
import { requireMerchant } from "@/lib/auth/session";

export default async function DevelopersPage({ params }: { params: Promise<{ merchant: string }> }) {
  const { merchant } = await params;
  await requireMerchant(merchant, "apiKeys:manage");
  return <PlaceholderPage page="developers" />;
}
