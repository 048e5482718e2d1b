import { getFormatter, getTranslations } from "next-intl/server";
import { dateTime } from "./format";

type Event = { id: string; action: string; actorLabel: string; before: unknown; after: unknown; createdAt: Date };

const statusOf = (snapshot: unknown) => (snapshot && typeof snapshot === "object" && "status" in snapshot ? String((snapshot as { status: unknown }).status) : null);

/** A version's audit trail as a timeline: who did what, when, and the status change it made. */
export async function Activity({ events }: { events: Event[] }) {
  const [t, format] = await Promise.all([getTranslations("review"), getFormatter()]);
  if (events.length === 0) return <p className="text-sm text-slate-600">{t("activity.empty")}</p>;
  const label = (action: string) => {
    const key = `activity.actions.${action.replace(/\./g, "_")}`;
    return t.has(key) ? t(key) : action;
  };
  return (
    <ol className="space-y-2 border-l-2 border-slate-200 pl-4" aria-label={t("activity.title")}>
      {events.map((e) => {
        const from = statusOf(e.before);
        const to = statusOf(e.after);
        return (
          <li key={e.id} className="text-sm" data-action={e.action}>
            <span className="font-medium text-slate-900">{label(e.action)}</span>
            {from && to && from !== to ? <span className="text-slate-700"> · {t("activity.statusChange", { from: t(`status.${from}`), to: t(`status.${to}`) })}</span> : null}
            <span className="block text-xs text-slate-600">
              {e.actorLabel} · {dateTime(format, e.createdAt)}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
