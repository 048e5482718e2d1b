// Liveness for load balancers, and the baseline the policy benchmark compares against: no auth,
// no database, a constant body. Rendered per request like any API route.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true });
}
