import type { ComponentProps } from "react";
import { cx } from "./cx";

/** A table in a horizontally scrollable frame; give it a caption (visible or `sr-only`). */
export function Table({ className, ...props }: ComponentProps<"table">) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className={cx("min-w-full divide-y divide-slate-200 text-sm", className)} {...props} />
    </div>
  );
}

export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return <caption className={cx("px-4 py-3 text-left text-sm text-slate-600", className)} {...props} />;
}

export function THead(props: ComponentProps<"thead">) {
  return <thead className="bg-slate-50" {...props} />;
}

export function TBody(props: ComponentProps<"tbody">) {
  return <tbody className="divide-y divide-slate-100" {...props} />;
}

export function TR({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cx("hover:bg-slate-50/60", className)} {...props} />;
}

/** Column headers by default; `scope="row"` makes the first cell of a row its header. */
export function TH({ className, scope = "col", ...props }: ComponentProps<"th">) {
  const look =
    scope === "row"
      ? "whitespace-nowrap px-4 py-2.5 font-medium text-slate-900"
      : "px-4 py-2.5 text-xs font-semibold uppercase tracking-wide text-slate-600";
  return <th scope={scope} className={cx("text-left", look, className)} {...props} />;
}

export function TD({ className, ...props }: ComponentProps<"td">) {
  return <td className={cx("whitespace-nowrap px-4 py-2.5 text-slate-800", className)} {...props} />;
}
