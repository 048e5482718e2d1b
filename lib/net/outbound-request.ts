import { GuardedFetchError } from "./guarded-fetch-error";

/** A fetch call's input and init reduced to what the guarded client sends. */
export type OutboundRequest = {
  url: string;
  method: string;
  headers: Headers;
  /** Buffered bodies are sent with a Content-Length; streams are sent chunked. */
  body: Uint8Array | ReadableStream<Uint8Array> | null;
  signal: AbortSignal | null;
};

const METHOD_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Same as fetch: these would turn the connection into something other than one request.
const FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);
const NORMALIZED_METHODS = new Set(["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH"]);

export async function toOutboundRequest(input: RequestInfo | URL, init: RequestInit = {}): Promise<OutboundRequest> {
  const fromRequest = input instanceof Request ? input : null;
  const url = fromRequest ? fromRequest.url : input instanceof URL ? input.href : String(input);

  const rawMethod = init.method ?? fromRequest?.method ?? "GET";
  if (!METHOD_TOKEN.test(rawMethod)) throw invalid(`"${rawMethod}" is not a valid HTTP method.`, url);
  const upper = rawMethod.toUpperCase();
  if (FORBIDDEN_METHODS.has(upper)) throw invalid(`The ${upper} method is not allowed.`, url);
  const method = NORMALIZED_METHODS.has(upper) ? upper : rawMethod;

  let headers: Headers;
  try {
    headers = new Headers(init.headers ?? fromRequest?.headers);
  } catch (error) {
    throw invalid("The request headers are not valid.", url, error);
  }

  let body: OutboundRequest["body"];
  if (init.body !== undefined && init.body !== null) body = await toBody(init.body, headers);
  else if (init.body === undefined && fromRequest?.body) body = new Uint8Array(await fromRequest.arrayBuffer());
  else body = null;
  if (body !== null && (method === "GET" || method === "HEAD")) {
    throw invalid(`A ${method} request cannot have a body.`, url);
  }

  return { url, method, headers, body, signal: init.signal ?? fromRequest?.signal ?? null };
}

async function toBody(body: BodyInit, headers: Headers): Promise<Uint8Array | ReadableStream<Uint8Array>> {
  if (body instanceof ReadableStream) return body as ReadableStream<Uint8Array>;
  // Strings, bytes, Blob, FormData, URLSearchParams: let the platform serialise them exactly
  // as fetch would, including the default Content-Type.
  const serialised = new Response(body);
  const type = serialised.headers.get("content-type");
  if (type !== null && !headers.has("content-type")) headers.set("content-type", type);
  return new Uint8Array(await serialised.arrayBuffer());
}

function invalid(message: string, url: string, cause?: unknown): GuardedFetchError {
  return new GuardedFetchError("invalid_request", message, { url, cause });
}
