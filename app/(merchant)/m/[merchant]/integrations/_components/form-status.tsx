import type { ActionState } from "@/lib/auth/action";

/** The form-level outcome of an action: its error (field errors are shown at the fields). */
export function FormError({ state, fields }: { state: ActionState<object>; fields: readonly string[] }) {
  if (!state || state.ok) return null;
  const unplaced = Object.entries(state.fieldErrors ?? {}).filter(([field]) => !fields.includes(field));
  return (
    <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
      <p>{state.error}</p>
      {unplaced.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {unplaced.flatMap(([field, messages]) => messages.map((m, i) => <li key={`${field}${i}`}>{m}</li>))}
        </ul>
      ) : null}
    </div>
  );
}

export const fieldError = (state: ActionState<object>, field: string) => (state && !state.ok ? state.fieldErrors?.[field]?.join(" ") : undefined);
