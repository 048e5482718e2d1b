import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * `next/link` that does not prefetch unless asked (`prefetch` true or "auto"). Every page behind
 * sign-in is dynamic, so a prefetch cannot be served from a cache: each visible link cost the
 * server two requests (route tree, then metadata) of ≈ 9 ms CPU each, and an orders page with
 * its rows on screen sent dozens of them. A click still navigates on the client (RSC payload,
 * no full reload); only the speculative requests are gone. See docs/security.md (Load).
 */
export default function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
