// The review workflow of an integration version, as one transition table. Pure: the data layer
// (lib/data/version-transitions.ts) asks it for the next status and applies it with a guarded
// update, so the server is the only place a status changes and only along these edges.
//
//   DRAFT ──submit──▶ SUBMITTED ──claim──▶ IN_REVIEW ──approve──▶ APPROVED ──goLive──▶ LIVE
//                       ▲   │   ◀─release──    │  ├─requestChanges─▶ CHANGES_REQUESTED
//                       │   │                  │  └─reject─────────▶ REJECTED
//                       │   └──withdraw──▶ WITHDRAWN ◀──withdraw──┘
//   SUPERSEDED ─resubmit┘  (a rollback riskier than the live version goes through review)
//   SUPERSEDED ──restore──▶ LIVE   (an immediate rollback)
//   LIVE ──supersede──▶ SUPERSEDED (another version went live)
//   LIVE ──suspend──▶ SUSPENDED ──reinstate──▶ LIVE; SUSPENDED ──supersede──▶ SUPERSEDED
//
// CHANGES_REQUESTED, REJECTED and WITHDRAWN are final for that version: the merchant edits a new
// draft copied from it (copy-on-write), which keeps every submitted version as it was reviewed.
import type { VersionStatus } from "@/lib/generated/prisma/enums";

export const versionStatuses = [
  "DRAFT",
  "SUBMITTED",
  "IN_REVIEW",
  "APPROVED",
  "CHANGES_REQUESTED",
  "REJECTED",
  "LIVE",
  "SUPERSEDED",
  "SUSPENDED",
  "WITHDRAWN",
] as const satisfies readonly VersionStatus[];

export const versionEvents = [
  "submit",
  "withdraw",
  "claim",
  "release",
  "approve",
  "requestChanges",
  "reject",
  "goLive",
  "supersede",
  "suspend",
  "reinstate",
  "restore",
  "resubmit",
] as const;
export type VersionEvent = (typeof versionEvents)[number];

/** Who may cause an event. `system` = the server itself, as part of another transition. */
export type TransitionActor = "merchant" | "reviewer" | "admin" | "system";

type Edge = { to: VersionStatus; by: readonly TransitionActor[] };

const table: Readonly<Record<VersionStatus, Partial<Record<VersionEvent, Edge>>>> = {
  DRAFT: { submit: { to: "SUBMITTED", by: ["merchant"] } },
  SUBMITTED: {
    claim: { to: "IN_REVIEW", by: ["reviewer"] },
    withdraw: { to: "WITHDRAWN", by: ["merchant"] },
  },
  IN_REVIEW: {
    release: { to: "SUBMITTED", by: ["reviewer"] },
    approve: { to: "APPROVED", by: ["reviewer"] },
    requestChanges: { to: "CHANGES_REQUESTED", by: ["reviewer"] },
    reject: { to: "REJECTED", by: ["reviewer"] },
    withdraw: { to: "WITHDRAWN", by: ["merchant"] },
  },
  APPROVED: { goLive: { to: "LIVE", by: ["system"] } },
  CHANGES_REQUESTED: {},
  REJECTED: {},
  LIVE: {
    supersede: { to: "SUPERSEDED", by: ["system"] },
    suspend: { to: "SUSPENDED", by: ["admin", "system"] },
  },
  SUPERSEDED: {
    restore: { to: "LIVE", by: ["merchant"] },
    resubmit: { to: "SUBMITTED", by: ["merchant"] },
  },
  SUSPENDED: {
    reinstate: { to: "LIVE", by: ["reviewer", "admin"] },
    supersede: { to: "SUPERSEDED", by: ["system"] },
  },
  WITHDRAWN: {},
};

/** Statuses a reviewer has not decided yet (the merchant may still withdraw). */
export const pendingStatuses: readonly VersionStatus[] = ["SUBMITTED", "IN_REVIEW"];
/** Statuses of a version that passed review at some point. */
export const approvedStatuses: readonly VersionStatus[] = ["APPROVED", "LIVE", "SUPERSEDED", "SUSPENDED"];

/** Events that may happen to a version in `status` (by `actor`, when given), in table order. */
export function allowedEvents(status: VersionStatus, actor?: TransitionActor): VersionEvent[] {
  const edges = table[status];
  return versionEvents.filter((event) => {
    const edge = edges[event];
    return edge !== undefined && (actor === undefined || edge.by.includes(actor));
  });
}

export type Transition = { from: VersionStatus; event: VersionEvent; to: VersionStatus };

export type IllegalTransition = {
  from: VersionStatus;
  event: VersionEvent;
  actor?: TransitionActor;
  /** What this actor could do instead from `from` (empty for a final status). */
  allowed: VersionEvent[];
};

export class IllegalTransitionError extends Error {
  readonly from: VersionStatus;
  readonly event: VersionEvent;
  readonly allowed: VersionEvent[];
  constructor(readonly detail: IllegalTransition) {
    super(
      `Cannot ${detail.event} a ${detail.from} version${detail.actor ? ` as ${detail.actor}` : ""}; allowed: ${detail.allowed.length ? detail.allowed.join(", ") : "none"}`,
    );
    this.name = "IllegalTransitionError";
    this.from = detail.from;
    this.event = detail.event;
    this.allowed = detail.allowed;
  }
}

export type TransitionResult = ({ ok: true } & Transition) | ({ ok: false } & IllegalTransition);

/** The transition `event` causes from `from`, or why it is illegal (with the allowed events). */
export function transition(from: VersionStatus, event: VersionEvent, actor?: TransitionActor): TransitionResult {
  const edge = table[from][event];
  if (edge && (actor === undefined || edge.by.includes(actor))) return { ok: true, from, event, to: edge.to };
  return { ok: false, from, event, ...(actor && { actor }), allowed: allowedEvents(from, actor) };
}

/** Like `transition`, but throws IllegalTransitionError. */
export function assertTransition(from: VersionStatus, event: VersionEvent, actor?: TransitionActor): Transition {
  const result = transition(from, event, actor);
  if (!result.ok) {
    const { ok: _ok, ...detail } = result;
    throw new IllegalTransitionError(detail);
  }
  return { from: result.from, event: result.event, to: result.to };
}

/** Every legal edge, for documentation and table-driven tests. */
export function legalTransitions(): Array<Transition & { by: readonly TransitionActor[] }> {
  return versionStatuses.flatMap((from) =>
    versionEvents.flatMap((event) => {
      const edge = table[from][event];
      return edge ? [{ from, event, to: edge.to, by: edge.by }] : [];
    }),
  );
}
