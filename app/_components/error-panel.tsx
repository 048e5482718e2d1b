import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";

/** The body of the not-found, forbidden and error pages. */
export function ErrorPanel({
  code,
  inShell = false,
  title,
  description,
  homeLabel,
  detail,
  children,
}: {
  code?: string;
  /** Inside the app shell, which already has the page's <main>. */
  inShell?: boolean;
  title: string;
  description: string;
  homeLabel: string;
  /** Small print under the buttons, e.g. an error reference. */
  detail?: ReactNode;
  /** Extra actions before the home link. */
  children?: ReactNode;
}) {
  const body = (
    <div className="max-w-md text-center">
      {code ? <p className="text-sm font-semibold text-indigo-600">{code}</p> : null}
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
      <p className="mt-3 text-sm text-slate-600">{description}</p>
      <div className="mt-6 flex items-center justify-center gap-3">
        {children}
        <Link href="/" className={buttonClasses({ variant: children ? "secondary" : "primary" })}>
          {homeLabel}
        </Link>
      </div>
      {detail ? <p className="mt-6 font-mono text-xs text-slate-500">{detail}</p> : null}
    </div>
  );
  if (inShell) return <div className="grid place-items-center py-16">{body}</div>;
  return (
    <main id="main-content" tabIndex={-1} className="grid min-h-[70vh] place-items-center px-6 py-16 outline-none">
      {body}
    </main>
  );
}
