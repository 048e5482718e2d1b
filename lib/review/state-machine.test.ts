import { describe, expect, it } from "vitest";
import {
  allowedEvents,
  assertTransition,
  IllegalTransitionError,
  legalTransitions,
  transition,
  versionEvents,
  versionStatuses,
  type TransitionActor,
  type VersionEvent,
} from "./state-machine";
import type { VersionStatus } from "@/lib/generated/prisma/enums";

// The specification, written out independently of the implementation's table: every legal
// (status, event) pair with its target and who may cause it. Every other pair is illegal.
const spec: Array<[VersionStatus, VersionEvent, VersionStatus, TransitionActor[]]> = [
  ["DRAFT", "submit", "SUBMITTED", ["merchant"]],
  ["SUBMITTED", "withdraw", "WITHDRAWN", ["merchant"]],
  ["SUBMITTED", "claim", "IN_REVIEW", ["reviewer"]],
  ["IN_REVIEW", "withdraw", "WITHDRAWN", ["merchant"]],
  ["IN_REVIEW", "release", "SUBMITTED", ["reviewer"]],
  ["IN_REVIEW", "approve", "APPROVED", ["reviewer"]],
  ["IN_REVIEW", "requestChanges", "CHANGES_REQUESTED", ["reviewer"]],
  ["IN_REVIEW", "reject", "REJECTED", ["reviewer"]],
  ["APPROVED", "goLive", "LIVE", ["system"]],
  ["LIVE", "supersede", "SUPERSEDED", ["system"]],
  ["LIVE", "suspend", "SUSPENDED", ["admin", "system"]],
  ["SUSPENDED", "supersede", "SUPERSEDED", ["system"]],
  ["SUSPENDED", "reinstate", "LIVE", ["reviewer", "admin"]],
  ["SUPERSEDED", "restore", "LIVE", ["merchant"]],
  ["SUPERSEDED", "resubmit", "SUBMITTED", ["merchant"]],
];
const actors: TransitionActor[] = ["merchant", "reviewer", "admin", "system"];
const key = (from: string, event: string) => `${from}:${event}`;
const legal = new Map(spec.map(([from, event, to, by]) => [key(from, event), { to, by }]));

const allPairs = versionStatuses.flatMap((from) => versionEvents.map((event) => [from, event] as const));

describe("version state machine", () => {
  it("covers every status and event of the schema", () => {
    expect(versionStatuses).toHaveLength(10);
    expect(allPairs).toHaveLength(versionStatuses.length * versionEvents.length);
  });

  it.each(allPairs)("%s + %s follows the specification (any actor)", (from, event) => {
    const expected = legal.get(key(from, event));
    const result = transition(from, event);
    if (expected) {
      expect(result).toEqual({ ok: true, from, event, to: expected.to });
      expect(assertTransition(from, event)).toEqual({ from, event, to: expected.to });
    } else {
      expect(result.ok).toBe(false);
      expect(() => assertTransition(from, event)).toThrow(IllegalTransitionError);
      if (!result.ok) expect(result.allowed).toEqual(allowedEvents(from));
    }
  });

  it.each(allPairs.flatMap(([from, event]) => actors.map((actor) => [from, event, actor] as const)))(
    "%s + %s by %s is legal only for the specified actors",
    (from, event, actor) => {
      const expected = legal.get(key(from, event));
      const result = transition(from, event, actor);
      expect(result.ok).toBe(Boolean(expected?.by.includes(actor)));
      if (!result.ok) {
        expect(result.allowed).toEqual(allowedEvents(from, actor));
        expect(result.allowed).not.toContain(event);
      }
    },
  );

  it("lists allowed events per status from the specification", () => {
    for (const status of versionStatuses) {
      const expected = spec.filter(([from]) => from === status).map(([, event]) => event);
      expect(new Set(allowedEvents(status))).toEqual(new Set(expected));
    }
    expect(allowedEvents("IN_REVIEW", "merchant")).toEqual(["withdraw"]);
    expect(allowedEvents("IN_REVIEW", "reviewer")).toEqual(["release", "approve", "requestChanges", "reject"]);
    expect(allowedEvents("REJECTED")).toEqual([]);
  });

  it("the error names the allowed transitions", () => {
    try {
      assertTransition("SUBMITTED", "approve", "reviewer");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(IllegalTransitionError);
      const e = error as IllegalTransitionError;
      expect(e.from).toBe("SUBMITTED");
      expect(e.event).toBe("approve");
      expect(e.allowed).toEqual(["claim"]);
      expect(e.message).toContain("allowed: claim");
    }
  });

  it("final statuses allow nothing", () => {
    for (const status of ["CHANGES_REQUESTED", "REJECTED", "WITHDRAWN"] as const) expect(allowedEvents(status)).toEqual([]);
  });

  it("legalTransitions() is exactly the specification", () => {
    expect(legalTransitions().map(({ from, event, to, by }) => [from, event, to, [...by]])).toEqual(
      expect.arrayContaining(spec.map((row) => [...row])),
    );
    expect(legalTransitions()).toHaveLength(spec.length);
  });
});
