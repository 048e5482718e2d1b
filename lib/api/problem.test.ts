import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiError, formatPath, issuesOf } from "./problem";

describe("API problems", () => {
  it("formats zod paths like code", () => {
    expect(formatPath(["events", 3, "amountFen"])).toBe("events[3].amountFen");
    expect(formatPath([0])).toBe("[0]");
    expect(formatPath([])).toBe("");
  });

  it("turns zod issues into path + message pairs", () => {
    const result = z.object({ events: z.array(z.object({ amountFen: z.number().int() })) }).safeParse({ events: [{ amountFen: 1.5 }] });
    expect(result.success).toBe(false);
    if (!result.success) expect(issuesOf(result.error)).toEqual([{ path: "events[0].amountFen", message: expect.any(String) }]);
  });

  it("answers with a stable JSON shape and status", async () => {
    const response = apiError(422, "invalid_event", "Bad event.", { index: 2 });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: { code: "invalid_event", message: "Bad event.", index: 2 } });
  });
});
