// Import errors as a merchant reads them: `apis[2].inputSchema: must be an object`.
import type { z } from "zod";

export type ImportIssue = { path: string; message: string };

export type ImportResult<T> = { ok: true; definition: T } | { ok: false; errors: ImportIssue[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z_$][\w$]*$/.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}

export function issuesFromZod(error: z.ZodError): ImportIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** zod `error` option: "is required" when missing, `message` when present but wrong. */
export function requiredOr(message: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : message);
}
