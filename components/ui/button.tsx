import type { ComponentProps } from "react";
import { cx, focusRing } from "./cx";

type Variant = "primary" | "secondary" | "ghost" | "danger";
type Size = "sm" | "md";

const variants: Record<Variant, string> = {
  primary: "bg-indigo-600 text-white shadow-sm hover:bg-indigo-500",
  secondary: "bg-white text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50",
  ghost: "text-slate-700 hover:bg-slate-100",
  danger: "bg-red-600 text-white shadow-sm hover:bg-red-500",
};

const sizes: Record<Size, string> = { sm: "px-2.5 py-1.5 text-sm", md: "px-3.5 py-2 text-sm" };

/** Also for links styled as buttons: `<Link className={buttonClasses()}>`. */
export function buttonClasses({ variant = "primary", size = "md" }: { variant?: Variant; size?: Size } = {}): string {
  return cx(
    "inline-flex items-center justify-center gap-1.5 rounded-md font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-50",
    focusRing,
    variants[variant],
    sizes[size],
  );
}

export function Button({
  variant,
  size,
  className,
  type = "button",
  ...props
}: ComponentProps<"button"> & { variant?: Variant; size?: Size }) {
  return <button type={type} className={cx(buttonClasses({ variant, size }), className)} {...props} />;
}
