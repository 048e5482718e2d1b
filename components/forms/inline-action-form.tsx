"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/auth/action";

type Props = {
  action: (prev: ActionState<{ message: string }>, formData: FormData) => Promise<ActionState<{ message: string }>>;
  /** Hidden fields, e.g. the merchant slug and the row's id. */
  hidden: Record<string, string>;
  submitLabel: string;
  pendingLabel: string;
  /** Accessible name of the button when the visible label is generic ("Remove" → "Remove Ada"). */
  submitName?: string;
  variant?: "primary" | "secondary" | "danger";
  children?: ReactNode;
};

/** A one-row form (change a role, revoke, disable) whose outcome is announced next to it. */
export function InlineActionForm({ action, hidden, submitLabel, pendingLabel, submitName, variant = "secondary", children }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <Button type="submit" size="sm" variant={variant} disabled={pending} aria-label={submitName}>
        {pending ? pendingLabel : submitLabel}
      </Button>
      {state && !state.ok ? (
        <span role="alert" className="text-sm text-red-700">
          {state.error}
        </span>
      ) : null}
      {state?.ok ? (
        <span role="status" className="text-sm text-emerald-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
