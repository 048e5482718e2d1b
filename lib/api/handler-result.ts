// What a transport-free API handler returns. The Next.js route turns it into a Response; the
// production server's fast path (server/fast-path.ts) writes it straight to the socket. So one
// handler serves both, with the same status, body and headers.
import { apiErrorBody } from "./problem";

export type HandlerResult = {
  status: number;
  headers: Record<string, string>;
  /** Serialized body; null for an empty one (e.g. 304). */
  body: string | null;
};

/** Request headers as both transports can give them (a Fetch `Headers` has this shape). */
export type HeaderReader = { get(name: string): string | null };

/** A reason to refuse, turned into the API's error body ({ error: { code, message } }). */
export type Refusal = { ok: false; status: number; code: string; message: string; headers?: Record<string, string> };

// Response.json and NextResponse.json send this content type; keep the fast path identical.
const JSON_TYPE = "application/json";

export function jsonResult(status: number, value: unknown, headers: Record<string, string> = {}): HandlerResult {
  return { status, headers: { "Content-Type": JSON_TYPE, ...headers }, body: JSON.stringify(value) };
}

export function refusalResult(refusal: Refusal, details: Record<string, unknown> = {}): HandlerResult {
  return jsonResult(refusal.status, apiErrorBody(refusal.code, refusal.message, details), refusal.headers);
}

export function toResponse(result: HandlerResult): Response {
  return new Response(result.body, { status: result.status, headers: result.headers });
}
