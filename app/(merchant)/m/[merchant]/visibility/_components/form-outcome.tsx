import type { ActionState } from "@/lib/auth/action";

/** The outcome of a form under it: the saved message, or an error that belongs to no one field. */
export function FormOutcome({ state }: { state: ActionState<{ message: string }> }) {
  if (state?.ok) {
    return (
      <p role="status" className="text-sm text-emerald-700">
        {state.message}
      </p>
    );
  }
  if (state && !state.ok && !state.fieldErrors) {
    return (
      <p role="alert" className="text-sm text-red-700">
        {state.error}
      </p>
    );
  }
  return null;
}
