"use client";

import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { focusRing } from "@/components/ui/cx";
import type { MerchantRole } from "@/lib/generated/prisma/enums";
import { switchMerchantHref } from "@/lib/navigation";
import { usePopover } from "./use-popover";

export type SwitcherMerchant = { slug: string; name: string; role: MerchantRole };

/** Lists the user's merchants as links to the same section there; a disclosure, not a select, so arrow keys never navigate. */
export function MerchantSwitcher({ merchants, currentSlug }: { merchants: readonly SwitcherMerchant[]; currentSlug: string }) {
  const t = useTranslations("shell");
  const pathname = usePathname();
  const { open, close, rootRef, panelId, buttonProps } = usePopover();
  const current = merchants.find((m) => m.slug === currentSlug);

  return (
    <div ref={rootRef} className="relative">
      <button
        {...buttonProps}
        className={`inline-flex max-w-44 items-center sm:max-w-56 gap-2 rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 ${focusRing}`}
      >
        <span className="sr-only">{t("merchantSwitcher.label")}: </span>
        <span className="truncate">{current?.name ?? currentSlug}</span>
        <Chevron />
      </button>
      {open ? (
        <div id={panelId} className="absolute left-0 z-20 mt-2 w-64 rounded-md bg-white p-1 shadow-lg ring-1 ring-slate-200">
          <p className="px-3 py-2 text-xs font-semibold text-slate-500">{t("merchantSwitcher.heading")}</p>
          <ul>
            {merchants.map((merchant) => {
              const isCurrent = merchant.slug === currentSlug;
              return (
                <li key={merchant.slug}>
                  <Link
                    href={switchMerchantHref(pathname, merchant.slug, merchant.role)}
                    aria-current={isCurrent ? "true" : undefined}
                    onClick={close}
                    className={`flex items-center justify-between gap-3 rounded px-3 py-2 text-sm hover:bg-slate-100 ${focusRing} ${
                      isCurrent ? "font-semibold text-indigo-700" : "text-slate-800"
                    }`}
                  >
                    <span className="truncate">{merchant.name}</span>
                    <span className="shrink-0 text-xs text-slate-500">{t(`roles.${merchant.role}`)}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function Chevron() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 shrink-0 text-slate-500" fill="currentColor">
      <path d="M5.23 7.21a.75.75 0 0 1 1.06.02L10 11.17l3.71-3.94a.75.75 0 1 1 1.08 1.04l-4.25 4.5a.75.75 0 0 1-1.08 0l-4.25-4.5a.75.75 0 0 1 .02-1.06Z" />
    </svg>
  );
}
