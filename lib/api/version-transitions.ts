import "server-only";
import { apiError, issuesOf } from "@/lib/api/problem";
import { readLimitedText } from "@/lib/api/read-limited-body";
import { actorOf } from "@/lib/auth/action";
import { merchantRoleCan, platformRoleCan } from "@/lib/auth/permissions";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { claimVersion, decideVersion, releaseVersion, submitVersion, withdrawVersion } from "@/lib/data/reviews";
import { findVersionMembership, getVersionStatus } from "@/lib/data/version-access";
import { ReviewError, reviewErrorStatus, type ReviewErrorCode } from "@/lib/review/errors";
import { IllegalTransitionError, type VersionEvent } from "@/lib/review/state-machine";
import { recordIdPattern } from "@/lib/validation/record-id";
import { transitionApiEvents, versionTransitionSchema, type TransitionApiEvent, type VersionTransitionInput } from "@/lib/validation/version-transition";

// POST /api/v1/versions/{versionId}/transitions, for the signed-in session: the same data-layer
// calls and permissions as the server actions (integrations:write for the merchant's events,
// review:decide for the reviewer's). Answers:
//   200 { versionId, status }                  the status after the transition
//   400 invalid_json / invalid_body            with the zod issues
//   401 unauthenticated, 403 forbidden         (403 only for reviewer events or a role without write)
//   404 not_found                              unknown version, or another merchant's (never revealed)
//   409 illegal_transition                     with `current` and `allowed` (events this caller may send)
//   409 <review error>                         the version's state refuses (claimed by someone else,
//                                              validation missing/running/failed/stale)
//   422 <review error>                         the request itself is incomplete (reason, note or
//                                              message required, unknown reason code)
// The 409/422 split is lib/review/errors.ts#reviewErrorStatus: 409 = retrying needs the version
// to change, 422 = retrying needs a different request.

const bodyLimitBytes = 64 * 1024;

const toMachine: Record<TransitionApiEvent, VersionEvent> = {
  submit: "submit",
  withdraw: "withdraw",
  claim: "claim",
  release: "release",
  approve: "approve",
  request_changes: "requestChanges",
  reject: "reject",
};
const toApi = Object.fromEntries(Object.entries(toMachine).map(([api, machine]) => [machine, api])) as Partial<Record<VersionEvent, TransitionApiEvent>>;
const merchantEvents: readonly TransitionApiEvent[] = ["submit", "withdraw"];

const reviewErrorMessages: Record<ReviewErrorCode, string> = {
  notFound: "No such version.",
  checkMissing: "Run validation on this version before submitting it.",
  checkRunning: "Validation of this version has not finished yet; submit when it has.",
  checkFailed: "The latest validation of this version failed or reported errors; fix them and validate again.",
  checkStale: "The version changed after its latest validation; validate it again before submitting.",
  noteRequired: "The latest validation reported warnings: send a `note` to the reviewer explaining them.",
  reasonRequired: "Requesting changes or rejecting needs at least one code in `reasonCodes`.",
  unknownReason: "A code in `reasonCodes` is not in the catalogue or not allowed for this decision.",
  messageRequired: "A code in `reasonCodes` needs a `message` explaining it.",
  claimedByOther: "This version is claimed by another reviewer.",
  notClaimed: "Claim this version before deciding or releasing it.",
  noLiveVersion: "The integration has no live version.",
  notLive: "The integration has no live version.",
  ownMerchant: "You are a member of this version's merchant: another reviewer must review it.",
};

const snake = (code: string) => code.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const notFound = () => apiError(404, "not_found", "No such version.");

export async function versionTransitionResponse(request: Request, versionId: string): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return apiError(401, "unauthenticated", "Sign in to change a version's review status.");

  const body = await readLimitedText(request, bodyLimitBytes);
  if (!body.ok) return body.reason === "too_large" ? apiError(413, "body_too_large", `The body exceeds ${bodyLimitBytes} bytes.`) : apiError(400, "invalid_json", "The body is not valid UTF-8.");
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    return apiError(400, "invalid_json", "The body is not valid JSON.");
  }
  const parsed = versionTransitionSchema.safeParse(json);
  if (!parsed.success) {
    return apiError(400, "invalid_body", `Send { event: ${transitionApiEvents.join(" | ")}, note?, reasonCodes?, message? }.`, { issues: issuesOf(parsed.error) });
  }
  // An id that cannot exist (NUL, overlong) is simply not found; it never reaches PostgreSQL.
  if (!recordIdPattern.test(versionId)) return notFound();

  try {
    return await apply(user, versionId, parsed.data);
  } catch (error) {
    if (error instanceof IllegalTransitionError) {
      const allowed = error.allowed.flatMap((event) => toApi[event] ?? []);
      return apiError(409, "illegal_transition", `Cannot ${toApi[error.event] ?? error.event} a ${error.from} version; allowed: ${allowed.join(", ") || "none"}.`, {
        current: error.from,
        allowed,
      });
    }
    if (error instanceof ReviewError) return apiError(reviewErrorStatus(error.code), snake(error.code), reviewErrorMessages[error.code]);
    throw error;
  }
}

async function apply(user: SessionUser, versionId: string, input: VersionTransitionInput): Promise<Response> {
  const actor = await actorOf(user);
  if (merchantEvents.includes(input.event)) {
    const membership = await findVersionMembership({ userId: user.id, versionId });
    if (!membership) return notFound();
    if (!merchantRoleCan(membership.role, "integrations:write")) return apiError(403, "forbidden", "Your role cannot submit or withdraw versions.");
    const { merchantId } = membership;
    if (input.event === "submit") await submitVersion({ merchantId, actor, versionId, note: input.note ?? "" });
    else await withdrawVersion({ merchantId, actor, versionId });
  } else {
    if (!platformRoleCan(user.platformRole, "review:decide")) return apiError(403, "forbidden", `Only reviewers can ${input.event} a version.`);
    const reviewer = actor;
    if (input.event === "claim") await claimVersion({ reviewer, versionId });
    else if (input.event === "release") await releaseVersion({ reviewer, versionId });
    else {
      const decision = input.event === "approve" ? "APPROVED" : input.event === "reject" ? "REJECTED" : "CHANGES_REQUESTED";
      await decideVersion({ reviewer, versionId, decision, reasonCodes: input.reasonCodes ?? [], message: input.message ?? "" });
    }
  }
  return Response.json({ versionId, status: await getVersionStatus({ versionId }) });
}
