import { describe, expect, it } from "vitest";
import { formDataToObject } from "./form-data";

describe("formDataToObject", () => {
  it("keeps single fields as strings and repeated ones as arrays", () => {
    const fd = new FormData();
    fd.append("merchant", "lumen-coffee");
    fd.append("events", "a");
    fd.append("events", "b");
    fd.append("$ACTION_ID_abc", "");
    expect(formDataToObject(fd)).toEqual({ merchant: "lumen-coffee", events: ["a", "b"] });
  });
});
