"use client";

import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { focusRing } from "@/components/ui/cx";
import { activeNavHref } from "@/lib/navigation";

export type NavLink = { href: string; label: string };

export function SidebarNav({ label, items }: { label: string; items: readonly NavLink[] }) {
  const pathname = usePathname();
  const active = activeNavHref(pathname, items.map((item) => item.href));
  return (
    <nav aria-label={label}>
      <ul className="flex gap-1 overflow-x-auto lg:flex-col">
        {items.map((item) => {
          const current = item.href === active;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium ${focusRing} ${
                  current ? "bg-indigo-50 text-indigo-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
