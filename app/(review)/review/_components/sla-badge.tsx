import { getFormatter, getTranslations } from "next-intl/server";
import { formatDuration } from "@/components/review/format";
import { slaLevel } from "@/lib/review/sla";

const styles = {
  ok: "bg-slate-100 text-slate-800 ring-slate-500/20",
  amber: "bg-amber-100 text-amber-900 ring-amber-600/30",
  red: "bg-red-100 text-red-900 ring-red-600/30",
} as const;
const marks = { ok: "", amber: "▲ ", red: "■ " } as const;

/** How long a submission has waited: colour and words (the level is never colour alone). */
export async function SlaBadge({ submittedAt, now }: { submittedAt: Date; now: Date }) {
  const [t, format] = await Promise.all([getTranslations("review.sla"), getFormatter()]);
  const level = slaLevel(submittedAt, now);
  return (
    <span className={`inline-flex flex-col rounded-md px-2 py-1 text-xs ring-1 ring-inset ${styles[level]}`} data-sla={level}>
      <span className="font-semibold">{formatDuration(format, now.getTime() - submittedAt.getTime())}</span>
      <span>
        <span aria-hidden="true">{marks[level]}</span>
        {t(level)}
      </span>
    </span>
  );
}
