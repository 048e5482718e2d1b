import { PlaceholderPage } from "@/components/shell/placeholder-page";
import { requirePlatform } from "@/lib/auth/session";

export default async function AuditLogPage() {
  await requirePlatform("admin:audit");
  return <PlaceholderPage page="audit" />;
}
