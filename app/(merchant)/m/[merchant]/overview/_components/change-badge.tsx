import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { formatPercentBps } from "@/lib/format";

/** A change in percentage points (given in basis points), or "no previous data". */
export async function ChangeBadge({ points, label, higherIsBetter = true }: { points: number | null; label: string; higherIsBetter?: boolean }) {
  const t = await getTranslations("overview");
  if (points === null) return <Badge>{t("noPrevious")}</Badge>;
  const good = points === 0 ? null : points > 0 === higherIsBetter;
  const text = `${points > 0 ? "+" : ""}${formatPercentBps(points).replace("%", "")} ${t("points")}`;
  return (
    <span aria-label={`${label}: ${text}`}>
      <Badge tone={good === null ? "neutral" : good ? "success" : "danger"}>{text}</Badge>
    </span>
  );
}
