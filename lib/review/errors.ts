// Refusals of the review workflow that are not illegal transitions (those are
// IllegalTransitionError from ./state-machine, answered as 409 with the allowed events).
// Pure, so actions and API routes can map each code to a message or a status.

export const reviewErrorCodes = [
  "notFound",
  /** No finished validation run for this version yet. */
  "checkMissing",
  /** The latest validation run is still queued or running. */
  "checkRunning",
  /** The latest validation run failed or reported errors. */
  "checkFailed",
  /** The version changed after its latest validation run. */
  "checkStale",
  /** The latest run has warnings and the merchant wrote no note to the reviewer. */
  "noteRequired",
  /** A change request or rejection without a reason code. */
  "reasonRequired",
  /** A reason code that is not in the catalogue, or not allowed for this decision. */
  "unknownReason",
  /** A reason code that needs the reviewer's message (OTHER, POLICY_VIOLATION) without one. */
  "messageRequired",
  /** Another reviewer claimed this version. */
  "claimedByOther",
  /** Decide or release without holding the claim. */
  "notClaimed",
  /** Roll back / reinstate needs a live (or suspended) version to compare with. */
  "noLiveVersion",
  /** The integration has no live version to suspend. */
  "notLive",
  /** The reviewer is a member of the version's merchant: nobody reviews their own submission. */
  "ownMerchant",
] as const;
export type ReviewErrorCode = (typeof reviewErrorCodes)[number];

export class ReviewError extends Error {
  constructor(readonly code: ReviewErrorCode) {
    super(code);
    this.name = "ReviewError";
  }
}

/** HTTP status for an API answer: not found, conflict (state), or unprocessable input. */
export function reviewErrorStatus(code: ReviewErrorCode): 404 | 409 | 422 {
  if (code === "notFound") return 404;
  if (code === "reasonRequired" || code === "unknownReason" || code === "noteRequired" || code === "messageRequired") return 422;
  return 409;
}
