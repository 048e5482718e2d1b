import { PlaceholderPage } from "@/components/shell/placeholder-page";
import { requirePlatform } from "@/lib/auth/session";

export default async function ReviewHistoryPage() {
  await requirePlatform("review:read");
  return <PlaceholderPage page="reviewHistory" />;
}
