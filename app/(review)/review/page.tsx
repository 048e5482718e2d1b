import { PlaceholderPage } from "@/components/shell/placeholder-page";
import { requirePlatform } from "@/lib/auth/session";

export default async function ReviewQueuePage() {
  await requirePlatform("review:read");
  return <PlaceholderPage page="reviewQueue" />;
}
