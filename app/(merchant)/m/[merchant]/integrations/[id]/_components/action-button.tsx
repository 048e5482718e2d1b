"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/auth/action";

/** A one-button form for an action that redirects on success (run validation, new draft). */
export function ActionButton<T extends object>({
  action,
  hidden,
  label,
  pendingLabel,
  variant = "primary",
}: {
  action: (prev: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;
  hidden: Record<string, string>;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "secondary";
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex items-center gap-2">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? pendingLabel : label}
      </Button>
      {state && !state.ok ? (
        <span role="alert" className="text-sm text-red-700">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
