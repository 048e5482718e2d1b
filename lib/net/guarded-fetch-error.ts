import type { BlockedRange } from "./address-policy";

export type GuardedFetchErrorCode =
  | "invalid_url"
  | "scheme_not_allowed"
  | "credentials_in_url"
  | "https_required"
  | "invalid_request"
  | "blocked_address"
  | "dns_failure"
  | "connect_timeout"
  | "timeout"
  | "response_too_large"
  | "connection_failed";

export type GuardedFetchErrorDetails = {
  url?: string;
  /** The refused address, for `blocked_address`. */
  address?: string;
  range?: BlockedRange;
  cause?: unknown;
};

/** Why the guarded client refused or failed a request; `message` is meant for people. */
export class GuardedFetchError extends Error {
  readonly code: GuardedFetchErrorCode;
  readonly url?: string;
  readonly address?: string;
  readonly range?: BlockedRange;

  constructor(code: GuardedFetchErrorCode, message: string, details: GuardedFetchErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "GuardedFetchError";
    this.code = code;
    if (details.url !== undefined) this.url = details.url;
    if (details.address !== undefined) this.address = details.address;
    if (details.range !== undefined) this.range = details.range;
  }
}

export function isGuardedFetchError(error: unknown): error is GuardedFetchError {
  return error instanceof GuardedFetchError;
}
