import { openApiDocument } from "@/lib/api/openapi/document";

// GET /api/v1/openapi.json — the public API's OpenAPI 3.1 document. No key needed.
export function GET(request: Request) {
  return Response.json(openApiDocument(new URL(request.url).origin), { headers: { "Cache-Control": "public, max-age=300" } });
}
