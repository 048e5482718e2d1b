import { cache } from "react";
import { getUserForSession } from "@/lib/data/users";

/**
 * The account behind a session token, read once per request: both the next-auth `jwt` callback
 * and `getSessionUser` check it, and React's request cache makes that one query.
 */
export const loadSessionAccount = cache((userId: string | undefined) =>
  userId ? getUserForSession({ userId }) : Promise.resolve(null),
);
