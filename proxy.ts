import { NextResponse, type NextRequest } from "next/server";

// Convenience only, never the security boundary (every page and action authorizes itself):
// tells server components which page was asked for, so a signed-out visitor is sent to sign in
// with a callbackUrl that brings them back.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

// Pages only: the public API (a hot path) and static files skip the proxy.
export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|.*\\.(?:svg|png|jpg|ico|txt|json)$).*)"],
};
