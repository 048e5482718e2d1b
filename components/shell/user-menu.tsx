"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { focusRing } from "@/components/ui/cx";
import { usePopover } from "./use-popover";

export function UserMenu({ name, email }: { name: string; email: string }) {
  const t = useTranslations("shell");
  const { open, rootRef, panelId, buttonProps } = usePopover();
  return (
    <div ref={rootRef} className="relative">
      <button
        {...buttonProps}
        className={`inline-flex items-center gap-2 rounded-full py-1 pl-1 pr-2.5 text-sm font-medium text-slate-800 hover:bg-slate-100 ${focusRing}`}
      >
        <span aria-hidden="true" className="grid size-7 place-items-center rounded-full bg-indigo-600 text-xs font-semibold text-white">
          {initial(name)}
        </span>
        <span className="sr-only">{t("userMenu")}: </span>
        <span className="sr-only sm:not-sr-only sm:max-w-40 sm:truncate">{name}</span>
      </button>
      {open ? (
        <div id={panelId} className="absolute right-0 z-20 mt-2 w-64 rounded-md bg-white p-1 shadow-lg ring-1 ring-slate-200">
          <p className="truncate px-3 py-2 text-xs text-slate-500">{t("signedInAs", { email })}</p>
          <button
            type="button"
            onClick={() => void signOut({ callbackUrl: "/sign-in" })}
            className={`w-full rounded px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100 ${focusRing}`}
          >
            {t("signOut")}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function initial(name: string): string {
  return Array.from(name.trim())[0]?.toUpperCase() ?? "?";
}
