import type { ComponentProps } from "react";
import { cx } from "./cx";

export const controlClasses =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:outline-none focus:ring-2 focus:ring-inset focus:ring-indigo-600 disabled:cursor-not-allowed disabled:bg-slate-50 aria-invalid:ring-red-500";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cx(controlClasses, className)} {...props} />;
}
