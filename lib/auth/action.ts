import "server-only";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { Actor } from "@/lib/data/users";
import { formDataToObject } from "@/lib/validation/form-data";
import { merchantRoleCan, platformRoleCan, type MerchantPermission, type PlatformPermission } from "./permissions";
import { clientAddress } from "./sign-in-limits";
import { findMerchantContext, getSessionUser, type MerchantContext, type SessionUser } from "./session";

// Every server action goes through one of these wrappers, so none can forget to authenticate,
// authorize or validate. They return a plain result for `useActionState`:
//
//   const [state, action, pending] = useActionState(inviteMemberAction, null);
//
// Cross-site calls: Next.js refuses a server action whose Origin header does not match the
// Host (or X-Forwarded-Host). We rely on that check and leave `serverActions.allowedOrigins`
// unset; add an origin there only for a trusted reverse proxy that rewrites the host.

export type ActionFailure = { ok: false; error: string; fieldErrors?: Record<string, string[]> };
export type ActionResult<T extends object = object> = ({ ok: true } & T) | ActionFailure;
/** `null` is the initial state before the form is first submitted. */
export type ActionState<T extends object = object> = ActionResult<T> | null;

/** Throw inside an action to fail with a message (a catalogue key or plain text). */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "ActionError";
  }
}

type Translate = (key: string) => string;

async function translator(): Promise<Translate> {
  const t = await getTranslations();
  // Messages that are catalogue keys are translated; anything else is shown as given.
  return (key) => (t.has(key) ? t(key) : key);
}

export async function fail(error: string, fieldErrors?: Record<string, string[]>): Promise<ActionFailure> {
  const t = await translator();
  return {
    ok: false,
    error: t(error),
    ...(fieldErrors && {
      fieldErrors: Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages.map(t)])),
    }),
  };
}

/** Validation issues grouped by top-level field (form fields are flat). */
function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_form");
    (out[field] ??= []).push(issue.message);
  }
  return out;
}

async function validateAndRun<S extends z.ZodType, T extends object>(
  schema: S,
  formData: FormData,
  run: (input: z.output<S>) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(formDataToObject(formData));
  if (!parsed.success) return fail("auth.errors.invalidInput", fieldErrorsOf(parsed.error));
  try {
    return await run(parsed.data);
  } catch (error) {
    // Only our own refusals become results; redirect()/notFound() and real failures propagate.
    if (error instanceof ActionError) return fail(error.message, error.fieldErrors);
    throw error;
  }
}

/** An action open to anyone (registration): validation only; rate-limit inside `fn`. */
export function publicAction<S extends z.ZodType, T extends object = object>(
  schema: S,
  fn: (input: z.output<S>, formData: FormData) => Promise<ActionResult<T>>,
) {
  return async (_prev: ActionState<T>, formData: FormData): Promise<ActionState<T>> =>
    validateAndRun(schema, formData, (input) => fn(input, formData));
}

/** An action inside a merchant: the slug comes from the form field `merchant`. */
export function merchantAction<S extends z.ZodType, T extends object = object>(
  permission: MerchantPermission,
  schema: S,
  fn: (input: z.output<S>, ctx: MerchantContext, formData: FormData) => Promise<ActionResult<T>>,
) {
  return async (_prev: ActionState<T>, formData: FormData): Promise<ActionState<T>> => {
    const slug = formData.get("merchant");
    if (!(await getSessionUser())) return fail("auth.errors.signedOut");
    const ctx = typeof slug === "string" && slug ? await findMerchantContext(slug) : null;
    if (!ctx) return fail("auth.errors.notFound");
    if (!merchantRoleCan(ctx.role, permission)) return fail("auth.errors.forbidden");
    return validateAndRun(schema, formData, (input) => fn(input, ctx, formData));
  };
}

/** An action for any signed-in user, not tied to a merchant. */
export function userAction<S extends z.ZodType, T extends object = object>(
  schema: S,
  fn: (input: z.output<S>, user: SessionUser, formData: FormData) => Promise<ActionResult<T>>,
) {
  return async (_prev: ActionState<T>, formData: FormData): Promise<ActionState<T>> => {
    const user = await getSessionUser();
    if (!user) return fail("auth.errors.signedOut");
    return validateAndRun(schema, formData, (input) => fn(input, user, formData));
  };
}

/** An action for platform staff holding `permission`. */
export function platformAction<S extends z.ZodType, T extends object = object>(
  permission: PlatformPermission,
  schema: S,
  fn: (input: z.output<S>, user: SessionUser, formData: FormData) => Promise<ActionResult<T>>,
) {
  return async (_prev: ActionState<T>, formData: FormData): Promise<ActionState<T>> => {
    const user = await getSessionUser();
    if (!user) return fail("auth.errors.signedOut");
    if (!platformRoleCan(user.platformRole, permission)) return fail("auth.errors.forbidden");
    return validateAndRun(schema, formData, (input) => fn(input, user, formData));
  };
}

/** The acting user for the audit log, with the client address. */
export async function actorOf(user: SessionUser): Promise<Actor> {
  return { userId: user.id, email: user.email, ip: clientAddress(await headers()) };
}
