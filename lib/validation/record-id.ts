import { z } from "zod";

// Row ids as they arrive from forms and actions: cuid-shaped, from Prisma's @default(cuid()) or
// the demo generator (lib/demo/ids.ts). Anything else (NUL, which PostgreSQL text refuses, other
// control characters, overlong input) is refused here with a clear message instead of reaching
// the database.
export const recordIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

export function recordId(message = "errors.invalidRecordId") {
  return z.string({ error: message }).regex(recordIdPattern, message);
}
