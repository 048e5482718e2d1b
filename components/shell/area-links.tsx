"use client";

import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { focusRing } from "@/components/ui/cx";
import { activeNavHref } from "@/lib/navigation";
import type { NavLink } from "./sidebar-nav";

/** Header links between the merchant, review and admin areas, for users who work in more than one. */
export function AreaLinks({ label, items }: { label: string; items: readonly (NavLink & { match: string })[] }) {
  const pathname = usePathname();
  const active = activeNavHref(pathname, items.map((item) => item.match));
  return (
    <nav aria-label={label}>
      <ul className="flex items-center gap-1">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.match === active ? "true" : undefined}
              className={`rounded-md px-2.5 py-1.5 text-sm font-medium ${focusRing} ${
                item.match === active ? "bg-slate-100 text-slate-900" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"
              }`}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
