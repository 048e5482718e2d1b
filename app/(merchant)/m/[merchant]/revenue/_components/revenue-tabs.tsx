import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { cx } from "@/components/ui/cx";
import { merchantHref } from "@/lib/navigation";

/** Rules | Statements: the two halves of the revenue area. */
export async function RevenueTabs({ merchant, current }: { merchant: string; current: "rules" | "statements" }) {
  const t = await getTranslations("revenue.tabs");
  const base = merchantHref(merchant, "revenue");
  const tabs = [
    { key: "rules", href: base, label: t("rules") },
    { key: "statements", href: `${base}/statements`, label: t("statements") },
  ] as const;
  return (
    <nav aria-label={t("label")} className="mb-6 border-b border-slate-200 print:hidden">
      <ul className="-mb-px flex gap-4">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={tab.key === current ? "page" : undefined}
              className={cx("inline-block border-b-2 px-1 pb-2 text-sm font-medium", tab.key === current ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900")}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
