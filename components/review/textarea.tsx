import type { ComponentProps } from "react";
import { cx } from "@/components/ui/cx";
import { controlClasses } from "@/components/ui/input";

export function Textarea({ className, rows = 3, ...props }: ComponentProps<"textarea">) {
  return <textarea rows={rows} className={cx(controlClasses, className)} {...props} />;
}
