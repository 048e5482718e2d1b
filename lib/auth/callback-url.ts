/**
 * Where to go after signing in: only a path on this site. Anything else (absolute URLs,
 * protocol-relative "//evil.example", backslash tricks) falls back to "/" so the sign-in
 * page cannot be used as an open redirect.
 */
export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  // Control characters could smuggle a different target past the checks above.
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  return value;
}

export function signInPath(callbackUrl?: string): string {
  const safe = callbackUrl ? safeCallbackUrl(callbackUrl, "") : "";
  return safe && safe !== "/" ? `/sign-in?callbackUrl=${encodeURIComponent(safe)}` : "/sign-in";
}
