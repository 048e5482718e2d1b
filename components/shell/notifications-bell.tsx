import { getTranslations } from "next-intl/server";

/** Unread count only for now; a notification list is not built yet. */
export async function NotificationsBell({ unread }: { unread: number }) {
  const t = await getTranslations("shell");
  return (
    <p className="relative inline-flex size-9 items-center justify-center rounded-full text-slate-600" title={t("notifications", { count: unread })}>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.6">
        <path d="M14.86 17.08a23.85 23.85 0 0 0 5.45-1.31A8.97 8.97 0 0 1 18 9.75V9a6 6 0 0 0-12 0v.75a8.97 8.97 0 0 1-2.31 6.02c1.73.64 3.56 1.08 5.45 1.31m5.72 0a24.26 24.26 0 0 1-5.72 0m5.72 0a3 3 0 1 1-5.72 0" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className="sr-only">{t("notifications", { count: unread })}</span>
      {unread > 0 ? (
        <span aria-hidden="true" className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-indigo-600 px-1 text-center text-[11px] font-semibold leading-5 text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </p>
  );
}
