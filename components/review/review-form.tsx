"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/auth/action";

type State = ActionState<{ message: string }>;

type Props = {
  action: (prev: State, formData: FormData) => Promise<State>;
  hidden: Record<string, string>;
  submitLabel: string;
  pendingLabel: string;
  /** Accessible name of the button when the visible label is short ("Claim" → "Claim Menu v2"). */
  submitName?: string;
  /** Texts of the success messages the action returns (`message` keys). */
  done?: Record<string, string>;
  variant?: "primary" | "secondary" | "danger";
  size?: "sm" | "md";
  inline?: boolean;
  children?: ReactNode;
};

/** A workflow form (submit, claim, decide, comment) that announces its outcome next to the button. */
export function ReviewForm({ action, hidden, submitLabel, pendingLabel, submitName, done = {}, variant = "primary", size = "md", inline = false, children }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className={inline ? "flex flex-wrap items-center gap-2" : "space-y-3"}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant={variant} size={size} disabled={pending} aria-label={submitName}>
          {pending ? pendingLabel : submitLabel}
        </Button>
        {state && !state.ok ? (
          <p role="alert" className="text-sm text-red-700">
            {state.error}
            {Object.values(state.fieldErrors ?? {}).flat().length ? ` ${Object.values(state.fieldErrors ?? {}).flat().join(" ")}` : ""}
          </p>
        ) : null}
        {state?.ok ? (
          <p role="status" className="text-sm text-emerald-700">
            {done[state.message] ?? state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
