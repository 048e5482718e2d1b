"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { focusRing } from "@/components/ui/cx";
import { markAllNotificationsReadAction, openNotificationAction } from "./notification-actions";
import { usePopover } from "./use-popover";

export type NotificationView = { id: string; text: string; time: string; exactTime: string; unread: boolean; hasLink: boolean };

export function NotificationsMenu({ unread, items }: { unread: number; items: NotificationView[] }) {
  const t = useTranslations("notifications");
  const shell = useTranslations("shell");
  const { open, rootRef, panelId, buttonProps } = usePopover();
  const [, openAction, opening] = useActionState(openNotificationAction, null);
  const [, markAllAction, marking] = useActionState(markAllNotificationsReadAction, null);
  const label = shell("notifications", { count: unread });

  return (
    <div ref={rootRef} className="relative">
      <button {...buttonProps} aria-label={label} title={label} data-testid="notifications-bell" className={`relative inline-flex size-9 items-center justify-center rounded-full text-slate-600 hover:bg-slate-100 ${focusRing}`}>
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.6">
          <path d="M14.86 17.08a23.85 23.85 0 0 0 5.45-1.31A8.97 8.97 0 0 1 18 9.75V9a6 6 0 0 0-12 0v.75a8.97 8.97 0 0 1-2.31 6.02c1.73.64 3.56 1.08 5.45 1.31m5.72 0a24.26 24.26 0 0 1-5.72 0m5.72 0a3 3 0 1 1-5.72 0" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {unread > 0 ? (
          <span aria-hidden="true" data-testid="notifications-badge" className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-indigo-600 px-1 text-center text-[11px] font-semibold leading-5 text-white">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div id={panelId} role="region" aria-label={t("title")} className="absolute right-0 z-20 mt-2 w-80 max-w-[calc(100vw-2rem)] rounded-md bg-white shadow-lg ring-1 ring-slate-200">
          <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
            <h2 className="text-sm font-semibold text-slate-900">{t("title")}</h2>
            {unread > 0 ? (
              <form action={markAllAction}>
                <button type="submit" disabled={marking} className={`rounded px-2 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50 disabled:opacity-50 ${focusRing}`}>
                  {t("markAllRead")}
                </button>
              </form>
            ) : null}
          </div>
          {items.length === 0 ? (
            <p className="px-3 py-6 text-center text-sm text-slate-500">{t("empty")}</p>
          ) : (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
              {items.map((item) => (
                <li key={item.id}>
                  <form action={openAction}>
                    <input type="hidden" name="id" value={item.id} />
                    <button type="submit" disabled={opening} className={`flex w-full gap-2 px-3 py-2.5 text-left hover:bg-slate-50 ${focusRing}`}>
                      <span aria-hidden="true" className={`mt-1.5 size-2 shrink-0 rounded-full ${item.unread ? "bg-indigo-600" : "bg-transparent"}`} />
                      <span className="min-w-0">
                        <span className={`block text-sm ${item.unread ? "font-medium text-slate-900" : "text-slate-600"}`}>
                          {item.unread ? <span className="sr-only">{t("unread")}: </span> : null}
                          {item.text}
                        </span>
                        <time dateTime={item.exactTime} className="block text-xs text-slate-500">
                          {item.time}
                        </time>
                      </span>
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
