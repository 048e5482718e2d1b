import { versionTransitionResponse } from "@/lib/api/version-transitions";

// POST /api/v1/versions/{versionId}/transitions — moves a version through the review workflow for
// the signed-in session. Rules and answers in lib/api/version-transitions.ts.
export async function POST(request: Request, { params }: { params: Promise<{ versionId: string }> }) {
  const { versionId } = await params;
  return versionTransitionResponse(request, versionId);
}
