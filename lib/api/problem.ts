import { NextResponse } from "next/server";

// Every error of the public API has one shape: { error: { code, message, ...details } }, with a
// stable machine code and a sentence a developer can act on. Never a bare 500 for bad input.

export type ApiErrorBody = { error: { code: string; message: string } & Record<string, unknown> };

export function apiError(
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown> = {},
  headers?: HeadersInit,
): NextResponse<ApiErrorBody> {
  return NextResponse.json(apiErrorBody(code, message, details), { status, headers });
}

/** The body alone, for handlers that do not build a NextResponse (lib/api/handler-result.ts). */
export function apiErrorBody(code: string, message: string, details: Record<string, unknown> = {}): ApiErrorBody {
  return { error: { code, message, ...details } };
}

/** zod issues as `{ path, message }` pairs, e.g. `events[3].amountFen: must be a positive integer`. */
export function issuesOf(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }) {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)),
    "",
  );
}
