import type { ComponentProps } from "react";
import { cx } from "./cx";
import { controlClasses } from "./input";

export type SelectOption = { value: string; label: string };

/** A native select (keyboard and screen-reader behaviour for free); label it with `Field`. */
export function Select({ options, className, ...props }: ComponentProps<"select"> & { options: readonly SelectOption[] }) {
  return (
    <select className={cx(controlClasses, "pr-8", className)} {...props}>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
