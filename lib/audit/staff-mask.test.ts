import { describe, expect, it } from "vitest";
import { maskStaffActors } from "./staff-mask";

describe("maskStaffActors", () => {
  const events = [
    { id: 1, actorId: "staff-1", actorLabel: "reviewer@skillgate.demo", ip: "10.0.0.9" },
    { id: 2, actorId: "owner-1", actorLabel: "owner@lumen.demo", ip: "203.0.113.7" },
    { id: 3, actorId: null, actorLabel: "system", ip: null },
  ];

  it("replaces a staff member's email and IP, and leaves members and the system as recorded", () => {
    const masked = maskStaffActors(events, new Set(["staff-1"]), "Skillgate staff");
    expect(masked).toEqual([
      { id: 1, actorId: "staff-1", actorLabel: "Skillgate staff", ip: null },
      events[1],
      events[2],
    ]);
    expect(events[0]!.actorLabel).toBe("reviewer@skillgate.demo"); // the input is not changed
  });

  it("changes nothing without staff among the actors", () => {
    expect(maskStaffActors(events, new Set(), "Skillgate staff")).toEqual(events);
  });
});
